import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClockError,
  formatHlc,
  hlcMillisLimit,
  HybridClock,
  isNodeId,
  maxCounter,
  parseHlc,
} from '../../../src-main/sync/hlc';

const nodeA = '00000000000000aa';
const nodeB = '00000000000000bb';
const start = Date.parse('2026-11-23T09:00:00.000Z');
const hour = 3_600_000;

/** A wall clock the test moves by hand, as a laptop's clock moves when someone fixes it. */
function manualClock(initial: number): { now: () => number; set(value: number): void } {
  let value = initial;
  return { now: () => value, set: (next) => (value = next) };
}

// Years 1970..2999, so every value has a four-digit ISO year as the format requires.
const millis = fc.integer({ min: 0, max: hlcMillisLimit - 1 });
const counter = fc.integer({ min: 0, max: maxCounter });
const node = fc.stringMatching(/^[0-9a-f]{16}$/);

describe('formatHlc / parseHlc', () => {
  it('round-trips every valid timestamp', () => {
    fc.assert(
      fc.property(millis, counter, node, (m, c, n) => {
        const text = formatHlc({ millis: m, counter: c, node: n });
        expect(text).toHaveLength(46);
        expect(parseHlc(text)).toEqual({ millis: m, counter: c, node: n });
      }),
    );
  });

  it('formats the documented shape', () => {
    expect(formatHlc({ millis: start, counter: 1, node: nodeA })).toBe(
      '2026-11-23T09:00:00.000Z-0001-00000000000000aa',
    );
  });

  it('orders as strings exactly as (millis, counter, node) order', () => {
    const parts = fc.record({ millis, counter, node });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const byParts =
          a.millis - b.millis || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        const ta = formatHlc(a);
        const tb = formatHlc(b);
        const byText = ta < tb ? -1 : ta > tb ? 1 : 0;
        expect(byText).toBe(Math.sign(byParts));
      }),
    );
  });

  it.each([
    '',
    'garbage',
    '2026-11-23T09:00:00.000Z-0001-00000000000000a', // node one digit short
    '2026-11-23T09:00:00.000Z-0001-00000000000000AA', // upper-case hex
    '2026-11-23T09:00:00.000Z-001-00000000000000aa', // counter too short
    '2026-11-23T09:00:00.000Z-00001-00000000000000aa', // counter too long
    '2026-11-23T09:00:00Z-0001-00000000000000aa', // no milliseconds
    '2026-13-01T09:00:00.000Z-0001-00000000000000aa', // month 13
    '2026-02-30T09:00:00.000Z-0001-00000000000000aa', // a day February does not have
    '2026-11-23T25:00:00.000Z-0001-00000000000000aa', // hour 25
    ' 2026-11-23T09:00:00.000Z-0001-00000000000000aa', // leading space
    '2026-11-23T09:00:00.000Z-0001-00000000000000aa\n', // trailing newline
    '2026-11-23 09:00:00.000Z-0001-00000000000000aa',
  ])('rejects %j', (text) => {
    expect(parseHlc(text)).toBeNull();
  });
});

describe('node ids', () => {
  it('accepts exactly 16 lower-case hex digits', () => {
    expect(isNodeId(nodeA)).toBe(true);
    for (const bad of ['', 'aa', '00000000000000AA', '00000000000000aag', '0000000000000aa', '000000000000000g']) {
      expect(isNodeId(bad)).toBe(false);
    }
  });

  it('is checked when a clock is made', () => {
    expect(() => new HybridClock('not-a-node')).toThrow(ClockError);
    expect(() => new HybridClock('00000000000000AA')).toThrow(ClockError);
    expect(new HybridClock(nodeA).node).toBe(nodeA);
  });

  it('stamps its own node even when restored from another node state', () => {
    const clock = new HybridClock(nodeA, { millis: start, counter: 5, node: nodeB }, () => start);
    expect(clock.state.node).toBe(nodeA);
    expect(clock.send()).toBe(formatHlc({ millis: start, counter: 6, node: nodeA }));
  });
});

describe('HybridClock.send', () => {
  it('follows the wall clock when it moves forward', () => {
    const wall = manualClock(start);
    const clock = new HybridClock(nodeA, null, wall.now);
    expect(clock.send()).toBe(formatHlc({ millis: start, counter: 0, node: nodeA }));
    wall.set(start + 5);
    expect(clock.send()).toBe(formatHlc({ millis: start + 5, counter: 0, node: nodeA }));
  });

  it('counts events within one millisecond', () => {
    const clock = new HybridClock(nodeA, null, () => start);
    const stamps = [clock.send(), clock.send(), clock.send()];
    expect(stamps.map((stamp) => parseHlc(stamp)?.counter)).toEqual([0, 1, 2]);
    expect(stamps.every((stamp) => parseHlc(stamp)?.millis === start)).toBe(true);
  });

  it('stays strictly increasing while the wall clock jumps backwards by hours', () => {
    const jumps = fc.array(fc.integer({ min: -3 * hour, max: 3 * hour }), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(jumps, (offsets) => {
        const wall = manualClock(start);
        const clock = new HybridClock(nodeA, null, wall.now);
        let previous = clock.send();
        for (const offset of offsets) {
          wall.set(start + offset);
          const next = clock.send();
          expect(next > previous).toBe(true);
          previous = next;
        }
      }),
    );
  });

  it('keeps the later millisecond and counts on after the wall clock is set back an hour', () => {
    const wall = manualClock(start);
    const clock = new HybridClock(nodeA, null, wall.now);
    clock.send();
    wall.set(start - hour);
    expect(parseHlc(clock.send())).toEqual({ millis: start, counter: 1, node: nodeA });
  });

  it('moves logical time on by one millisecond when the counter runs out, never refusing', () => {
    const clock = new HybridClock(nodeA, { millis: start, counter: maxCounter - 1, node: nodeA }, () => start);
    const atLimit = clock.send();
    expect(parseHlc(atLimit)?.counter).toBe(maxCounter);
    const next = clock.send();
    expect(parseHlc(next)).toEqual({ millis: start + 1, counter: 0, node: nodeA });
    expect(next > atLimit).toBe(true);
  });

  it('keeps issuing strictly increasing timestamps past 0xffff + 1 changes in one wall-clock millisecond', () => {
    const clock = new HybridClock(nodeA, null, () => start);
    let previous = '';
    let outOfOrder = 0;
    // 0x10000 sends fill counters 0..0xffff at `start`; ten more spill into the next millisecond.
    for (let i = 0; i < maxCounter + 1 + 10; i++) {
      const next = clock.send();
      if (next <= previous) outOfOrder++;
      previous = next;
    }
    expect(outOfOrder).toBe(0);
    expect(clock.state).toEqual({ millis: start + 1, counter: 9, node: nodeA });
  });

  it('refuses to run past the end of the timestamp range', () => {
    const last = hlcMillisLimit - 1;
    const clock = new HybridClock(nodeA, { millis: last, counter: maxCounter, node: nodeA }, () => last);
    expect(() => clock.send()).toThrow(ClockError);
  });

  it('starts a fresh counter once the wall clock moves on', () => {
    const wall = manualClock(start);
    const clock = new HybridClock(nodeA, { millis: start, counter: maxCounter, node: nodeA }, wall.now);
    wall.set(start + 1);
    expect(parseHlc(clock.send())).toEqual({ millis: start + 1, counter: 0, node: nodeA });
  });
});

describe('HybridClock.receive', () => {
  it('makes the next local change sort after any remote timestamp', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -6 * hour, max: 6 * hour }),
        fc.integer({ min: -6 * hour, max: 6 * hour }),
        fc.integer({ min: 0, max: maxCounter - 2 }),
        (localOffset, remoteOffset, remoteCounter) => {
          const clock = new HybridClock(nodeA, null, () => start + localOffset);
          const before = clock.send();
          const remote = formatHlc({ millis: start + remoteOffset, counter: remoteCounter, node: nodeB });
          clock.receive(remote);
          const after = clock.send();
          expect(after > remote).toBe(true);
          expect(after > before).toBe(true);
        },
      ),
    );
  });

  it('sorts after a remote timestamp in the same millisecond with a higher counter', () => {
    const clock = new HybridClock(nodeA, null, () => start);
    clock.send();
    clock.receive(formatHlc({ millis: start, counter: 40, node: '0000000000000000' }));
    expect(parseHlc(clock.send())).toEqual({ millis: start, counter: 42, node: nodeA });
  });

  it('reports how far the remote clock runs ahead (or behind) ours', () => {
    const clock = new HybridClock(nodeA, null, () => start);
    expect(clock.receive(formatHlc({ millis: start + 2 * hour, counter: 0, node: nodeB })).driftMs).toBe(2 * hour);
    expect(clock.receive(formatHlc({ millis: start - 1000, counter: 0, node: nodeB })).driftMs).toBe(-1000);
  });

  it('refuses text that is not a timestamp and keeps its state', () => {
    const clock = new HybridClock(nodeA, null, () => start);
    clock.send();
    const state = clock.state;
    expect(() => clock.receive('2026-11-23T09:00:00.000Z')).toThrow(ClockError);
    expect(clock.state).toEqual(state);
  });

  it('moves past a remote timestamp at the counter limit instead of overflowing', () => {
    const clock = new HybridClock(nodeA, null, () => start);
    const remote = formatHlc({ millis: start + 10, counter: maxCounter, node: nodeB });
    clock.receive(remote);
    expect(clock.state).toEqual({ millis: start + 11, counter: 0, node: nodeA });
    expect(clock.send() > remote).toBe(true);
  });

  it('refuses timestamps outside 1970 to 2051, which the merkle trie cannot key', () => {
    expect(parseHlc('1969-12-31T23:59:59.999Z-0000-00000000000000bb')).toBeNull();
    expect(parseHlc('2052-01-01T00:00:00.000Z-0000-00000000000000bb')).toBeNull();
    expect(parseHlc(formatHlc({ millis: hlcMillisLimit - 1, counter: 0, node: nodeB }))).not.toBeNull();
  });
});
