import type { Reading } from '../../contract/measures';

/**
 * Why a reading was held back from something shared with partners. `complementary`: the group was
 * big enough, but with one small group hidden beside it the hidden figure could be worked out by
 * subtraction from the total (see complementary-suppression.ts).
 */
export type SuppressionReason = 'small_group' | 'count_unknown' | 'complementary';

export interface SuppressedReading {
  indicatorId: string;
  period: string;
  categoryIds: string[];
  reason: SuppressionReason;
}

export interface SuppressionOutcome {
  /** The readings that may be shared, in the order given. */
  shown: Reading[];
  /** What was held back and why, so a summary or export can say so. */
  suppressed: SuppressedReading[];
}

/**
 * Small-group suppression for anything partners receive. A figure about a handful of people can
 * point at them, so:
 * - a reading for a group (one or more categories) is shown only when it is known to count at
 *   least `threshold` people; when nobody recorded how many it counts, it is held back, because
 *   it cannot be shown to be safe;
 * - the total (no category) is held back only when it is known to count fewer than `threshold`;
 *   an unknown count on the total is the whole population, as the indicator defines it.
 * Pure: exports and summaries call it on what they are about to write, and nothing else decides.
 */
export function suppressSmallGroups(readings: readonly Reading[], threshold: number): SuppressionOutcome {
  const shown: Reading[] = [];
  const suppressed: SuppressedReading[] = [];
  for (const reading of readings) {
    const reason = suppressionReason(reading, threshold);
    if (reason === null) shown.push(reading);
    else
      suppressed.push({
        indicatorId: reading.indicatorId,
        period: reading.period,
        categoryIds: [...reading.categoryIds],
        reason,
      });
  }
  return { shown, suppressed };
}

export function suppressionReason(reading: Reading, threshold: number): SuppressionReason | null {
  const isTotal = reading.categoryIds.length === 0;
  if (reading.count === null) return isTotal ? null : 'count_unknown';
  return reading.count < threshold ? 'small_group' : null;
}
