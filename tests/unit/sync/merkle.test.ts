import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, hlcMillisLimit, parseHlc } from '../../../src-main/sync/hlc';
import {
  addToDelta,
  firstDifference,
  hashTimestamp,
  merkleDepth,
  merklePath,
  minuteKey,
  type MerkleLookup,
} from '../../../src-main/sync/merkle';

const minute = 60_000;
// The trie has 16 base-3 digits of minutes: 1970-01-01 up to 2051-11-05T13:21Z.
const trieEnd = 3 ** merkleDepth * minute;

interface Stamp {
  millis: number;
  text: string;
}

function stamp(millis: number, counter: number, node: string): Stamp {
  return { millis, text: formatHlc({ millis, counter, node }) };
}

// Clustered around a few days so messages often share minutes and trie prefixes.
const base = Date.parse('2026-11-23T09:00:00.000Z');
const stampArb = fc
  .record({
    millis: fc.oneof(
      fc.integer({ min: base - 3 * 86_400_000, max: base + 3 * 86_400_000 }),
      fc.integer({ min: 0, max: trieEnd - 1 }),
    ),
    counter: fc.integer({ min: 0, max: 0xffff }),
    node: fc.constantFrom('00000000000000aa', '00000000000000bb', '0123456789abcdef'),
  })
  .map(({ millis, counter, node }) => stamp(millis, counter, node));
const stampSet = (maxLength: number) => fc.uniqueArray(stampArb, { selector: (s) => s.text, maxLength });

function trie(stamps: readonly Stamp[]): Map<string, number> {
  const delta = new Map<string, number>();
  for (const { millis, text } of stamps) addToDelta(delta, millis, text);
  return delta;
}

function lookup(map: Map<string, number>): MerkleLookup {
  return (key) => map.get(key) ?? 0;
}

function sorted(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function minuteStart(millis: number): number {
  return Math.floor(millis / minute) * minute;
}

describe('hashTimestamp', () => {
  it('is 32-bit FNV-1a', () => {
    // Published FNV-1a test vectors.
    expect(hashTimestamp('')).toBe(0x811c9dc5);
    expect(hashTimestamp('a')).toBe(0xe40c292c);
    expect(hashTimestamp('foobar')).toBe(0xbf9cf968);
  });
});

describe('merklePath', () => {
  it('runs from the root to the minute, one base-3 digit per level', () => {
    const millis = Date.parse('2026-11-23T09:00:30.000Z');
    const path = merklePath(millis);
    const key = minuteKey(millis);
    expect(key).toHaveLength(merkleDepth);
    expect(parseInt(key, 3)).toBe(Math.floor(millis / minute));
    expect(path).toHaveLength(merkleDepth + 1);
    path.forEach((prefix, level) => expect(prefix).toBe(key.slice(0, level)));
  });

  it('puts every millisecond of one minute on the same path', () => {
    const at = Date.parse('2026-11-23T09:00:00.000Z');
    expect(merklePath(at + 59_999)).toEqual(merklePath(at));
    expect(merklePath(at + 60_000)).not.toEqual(merklePath(at));
  });
});

describe('addToDelta', () => {
  it('gives the same node map for the same timestamps in any order', () => {
    const setAndOrders = stampSet(60).chain((stamps) =>
      fc.tuple(
        fc.constant(stamps),
        fc.shuffledSubarray(stamps, { minLength: stamps.length, maxLength: stamps.length }),
      ),
    );
    fc.assert(
      fc.property(setAndOrders, ([stamps, shuffled]) => {
        expect(sorted(trie(shuffled))).toEqual(sorted(trie(stamps)));
      }),
    );
  });

  it('gives the same node map whether built in one delta or in batches folded together', () => {
    fc.assert(
      fc.property(stampSet(40), fc.integer({ min: 0, max: 40 }), (stamps, cut) => {
        const first = trie(stamps.slice(0, cut));
        const second = trie(stamps.slice(cut));
        const folded = new Map(first);
        for (const [key, hash] of second) folded.set(key, ((folded.get(key) ?? 0) ^ hash) >>> 0);
        expect(sorted(folded)).toEqual(sorted(trie(stamps)));
      }),
    );
  });

  it('makes the root the XOR of every timestamp hash, kept unsigned', () => {
    fc.assert(
      fc.property(stampSet(30), (stamps) => {
        const root = trie(stamps).get('') ?? 0;
        expect(root).toBe(stamps.reduce((acc, s) => (acc ^ hashTimestamp(s.text)) >>> 0, 0));
        expect(root).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('firstDifference', () => {
  it('returns null for tries holding the same messages', () => {
    fc.assert(
      fc.property(stampSet(40), (stamps) => {
        const reversed = [...stamps].reverse();
        expect(firstDifference(lookup(trie(stamps)), lookup(trie(reversed)))).toBeNull();
      }),
    );
    expect(firstDifference(lookup(new Map()), lookup(new Map()))).toBeNull();
  });

  it('finds the minute of a single extra message', () => {
    fc.assert(
      fc.property(stampSet(40), stampArb, (shared, extra) => {
        fc.pre(!shared.some((s) => s.text === extra.text));
        const a = trie(shared);
        const b = trie([...shared, extra]);
        const found = firstDifference(lookup(a), lookup(b));
        expect(found).not.toBeNull();
        expect(found).toBeLessThanOrEqual(minuteStart(extra.millis));
        // One extra message: nothing earlier differs, so the walk should land on its own minute.
        expect(found).toBe(minuteStart(extra.millis));
        expect(firstDifference(lookup(b), lookup(a))).toBe(found);
      }),
    );
  });

  it('never starts later than the earliest message one side is missing', () => {
    fc.assert(
      fc.property(stampSet(60), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (stamps, inA) => {
        const onlyA = stamps.filter((_, i) => inA[i]);
        const missing = stamps.filter((_, i) => !inA[i]);
        fc.pre(missing.length > 0);
        const found = firstDifference(lookup(trie(onlyA)), lookup(trie(stamps)));
        expect(found).not.toBeNull();
        expect(found).toBeLessThanOrEqual(minuteStart(Math.min(...missing.map((s) => s.millis))));
      }),
    );
  });

  it('handles both sides holding messages the other lacks', () => {
    const early = stamp(Date.parse('2026-01-01T10:00:10.000Z'), 0, '00000000000000aa');
    const late = stamp(Date.parse('2026-06-01T10:00:10.000Z'), 0, '00000000000000bb');
    const common = stamp(Date.parse('2025-01-01T00:00:00.000Z'), 3, '00000000000000aa');
    const a = trie([common, late]);
    const b = trie([common, early]);
    expect(firstDifference(lookup(a), lookup(b))).toBe(Date.parse('2026-01-01T10:00:00.000Z'));
  });

  // Found by this suite: minuteKey cannot key minutes before 1970 (a '-' prefix firstDifference
  // never walks into) or after 2051 (17 digits). Such timestamps are now refused at parse time,
  // so they never reach the trie; within the range every minute keys to exactly 16 digits.
  it('keys every minute of the accepted timestamp range with exactly 16 base-3 digits', () => {
    expect(parseHlc('1960-01-01T00:00:00.000Z-0000-00000000000000aa')).toBeNull();
    expect(minuteKey(0)).toHaveLength(16);
    expect(minuteKey(hlcMillisLimit - 1)).toHaveLength(16);
    expect(minuteKey(hlcMillisLimit)).toHaveLength(17);
  });
});
