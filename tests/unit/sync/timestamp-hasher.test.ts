import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, hlcMillisLimit, maxCounter } from '../../../src-main/sync/hlc';
import { hashTimestamp, TimestampHasher } from '../../../src-main/sync/merkle';

describe('hashing a timestamp from its parts', () => {
  it('gives the hash of the written timestamp, for any millisecond, counter and node', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{16}$/),
        fc.array(
          fc.record({
            millis: fc.integer({ min: 0, max: hlcMillisLimit - 1 }),
            counter: fc.integer({ min: 0, max: maxCounter }),
          }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (node, stamps) => {
          const hasher = new TimestampHasher(node);
          // Repeating a millisecond uses the kept hash of its part: both ways must agree.
          for (const { millis, counter } of [...stamps, ...stamps])
            expect(hasher.hash(millis, counter)).toBe(hashTimestamp(formatHlc({ millis, counter, node })));
        },
      ),
    );
  });
});
