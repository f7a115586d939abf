import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src-main/sync/hlc';
import { formatRowClock, mergeRowClocks, parseRowClock } from '../../../src-main/store/row-clock';

const nodeA = '00000000000000a1';
const nodeB = '00000000000000b2';
const at = Date.UTC(2026, 11, 6, 23, 0, 0, 123);
const stamp = (counter: number, node = nodeA, millis = at) => formatHlc({ millis, counter, node });

const columns = ['name', 'kind', 'sector', 'tombstone', 'notes', 'email'];

const timestamps = fc
  .record({
    millis: fc.integer({ min: at - 5, max: at + 5 }),
    counter: fc.integer({ min: 0xfff8, max: 0xffff }).chain((high) => fc.constantFrom(0, 1, 2, 3, high)),
    node: fc.constantFrom(nodeA, nodeB),
  })
  .map(formatHlc);

/** A clock, and a run of stamps laid out in random column order, often sharing a millisecond. */
const clocks = fc.oneof(
  fc.dictionary(fc.constantFrom(...columns), timestamps, { minKeys: 0, maxKeys: 6 }),
  fc
    .record({
      names: fc.shuffledSubarray(columns, { minLength: 1 }),
      start: fc.integer({ min: 0, max: 0xffff }),
    })
    .map(({ names, start }) => Object.fromEntries(names.map((name, i) => [name, stamp(start + i)]))),
);

describe('row clock text', () => {
  it('stores a row change stamped in one go as its first stamp and its columns', () => {
    const clock = { sector: stamp(7), name: stamp(5), kind: stamp(6) };
    const text = formatRowClock(clock);
    expect(text).toBe(`=${stamp(5)} name kind sector`);
    expect(parseRowClock(text)).toEqual(clock);
    // The JSON form of the same clock is more than twice as long.
    expect(JSON.stringify(clock).length).toBeGreaterThan(2 * text.length);
  });

  it('keeps the JSON form, keys sorted, when the stamps are not one run', () => {
    expect(formatRowClock({ name: stamp(5), kind: stamp(7) })).toBe(JSON.stringify({ kind: stamp(7), name: stamp(5) }));
    expect(formatRowClock({ name: stamp(5), kind: stamp(6, nodeB) })).toMatch(/^\{/);
    expect(formatRowClock({ name: stamp(5), kind: stamp(6, nodeA, at + 1) })).toMatch(/^\{/);
    // Two fields with one stamp are not a run either.
    expect(formatRowClock({ name: stamp(5), kind: stamp(5) })).toMatch(/^\{/);
    // A run that would pass the last counter of a millisecond cannot be written short.
    expect(formatRowClock({ name: stamp(0xffff), kind: stamp(0, nodeA, at + 1) })).toMatch(/^\{/);
    expect(formatRowClock({})).toBe('{}');
  });

  it('reads both forms, including clocks written before the short form', () => {
    const old = JSON.stringify({ kind: stamp(1), name: stamp(2) });
    expect(parseRowClock(old)).toEqual({ kind: stamp(1), name: stamp(2) });
    expect(parseRowClock('{}')).toEqual({});
    expect(parseRowClock(`=${stamp(0xfffe)} a b`)).toEqual({ a: stamp(0xfffe), b: stamp(0xffff) });
  });

  it('lays a newer clock over a stored one, in either form', () => {
    const stored = formatRowClock({ name: stamp(1), kind: stamp(2), sector: stamp(3) });
    const merged = mergeRowClocks(stored, formatRowClock({ kind: stamp(9) }));
    expect(parseRowClock(merged)).toEqual({ name: stamp(1), kind: stamp(9), sector: stamp(3) });
    expect(merged).toBe(formatRowClock({ sector: stamp(3), kind: stamp(9), name: stamp(1) }));
    expect(mergeRowClocks('{}', formatRowClock({ kind: stamp(4) }))).toBe(`=${stamp(4)} kind`);
  });

  it('reads back every clock it writes, and writes one text per clock whatever the key order', () => {
    fc.assert(
      fc.property(clocks, fc.integer(), (clock, seed) => {
        const text = formatRowClock(clock);
        expect(parseRowClock(text)).toEqual(clock);
        const keys = Object.keys(clock);
        const shuffled = keys.map((_, i) => keys[(i + Math.abs(seed)) % keys.length]);
        expect(formatRowClock(Object.fromEntries(shuffled.map((key) => [key, clock[key]])))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
