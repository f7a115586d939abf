import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reading } from '../../../src-main/contract/measures';
import { suppressSmallGroups } from '../../../src-main/features/measures/suppression';

const indicatorId = '01a20958-f994-7589-b2d8-4c08e329c448';
const low = '01a20958-f995-740c-8306-5709d5721972';
const high = '01a20958-f99d-7768-bbb8-99797e452083';

const reading = (categoryIds: string[], value: number, count: number | null): Reading => ({
  indicatorId,
  period: '2024/25',
  categoryIds,
  value,
  count,
});

describe('small-group suppression', () => {
  it('holds back groups under the threshold and groups of unknown size, and says which', () => {
    const total = reading([], 58, 900);
    const big = reading([high], 71, 40);
    const small = reading([low], 12, 9);
    const unknown = reading([low, high], 30, null);
    const { shown, suppressed } = suppressSmallGroups([total, big, small, unknown], 10);
    expect(shown).toEqual([total, big]);
    expect(suppressed).toEqual([
      { indicatorId, period: '2024/25', categoryIds: [low], reason: 'small_group' },
      { indicatorId, period: '2024/25', categoryIds: [low, high], reason: 'count_unknown' },
    ]);
  });

  it('shows a group of exactly the threshold, and a total of unknown size, but not a small total', () => {
    const { shown, suppressed } = suppressSmallGroups(
      [reading([low], 1, 10), reading([], 2, null), reading([], 3, 4)],
      10,
    );
    expect(shown.map((r) => r.value)).toEqual([1, 2]);
    expect(suppressed.map((s) => s.reason)).toEqual(['small_group']);
  });

  it('never lets a reading counting fewer people than the threshold through, and loses none', () => {
    const readingArb = fc.record({
      categoryIds: fc.constantFrom([], [low], [high], [low, high]),
      value: fc.integer({ min: 0, max: 100 }),
      count: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(null)),
    });
    fc.assert(
      fc.property(fc.array(readingArb, { maxLength: 30 }), fc.integer({ min: 1, max: 30 }), (drafts, threshold) => {
        const readings = drafts.map((draft) => reading([...draft.categoryIds], draft.value, draft.count));
        const { shown, suppressed } = suppressSmallGroups(readings, threshold);
        expect(shown.length + suppressed.length).toBe(readings.length);
        for (const r of shown) {
          if (r.count !== null) expect(r.count).toBeGreaterThanOrEqual(threshold);
          else expect(r.categoryIds).toEqual([]);
        }
      }),
    );
  });
});
