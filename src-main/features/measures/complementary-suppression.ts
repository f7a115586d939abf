import type { Dimension, Indicator, Reading } from '../../contract/measures';
import {
  suppressionReason,
  type SuppressedReading,
  type SuppressionOutcome,
  type SuppressionReason,
} from './suppression';

/** A figure and the figures that add up to it: one reading split by every category of one dimension. */
interface Sum {
  whole: number;
  parts: number[];
}

const keyOf = (categoryIds: readonly string[]) => [...categoryIds].sort().join(',');

/**
 * The sums a set of readings of one indicator and period makes: for each reading (the total, or a
 * group) and each dimension of the indicator it is not split by, the reading itself and its
 * readings split further by every category of that dimension. Only complete sums count: with a
 * category's reading missing, nothing can be worked out by subtraction.
 */
function sumsOf(readings: readonly Reading[], indexes: readonly number[], splits: readonly string[][]): Sum[] {
  const byKey = new Map(indexes.map((index) => [keyOf(readings[index].categoryIds), index]));
  const sums: Sum[] = [];
  for (const whole of indexes) {
    const own = readings[whole].categoryIds;
    for (const categories of splits) {
      if (categories.length === 0 || categories.some((category) => own.includes(category))) continue;
      const parts = categories.map((category) => byKey.get(keyOf([...own, category])));
      if (parts.every((part) => part !== undefined)) sums.push({ whole, parts: parts as number[] });
    }
  }
  return sums;
}

/** Smallest count first: hiding the smallest safe group costs the reader the least. */
function smallestFirst(readings: readonly Reading[]) {
  return (a: number, b: number) =>
    (readings[a].count ?? Infinity) - (readings[b].count ?? Infinity) ||
    keyOf(readings[a].categoryIds).localeCompare(keyOf(readings[b].categoryIds));
}

/**
 * Small-group suppression plus complementary suppression, for anything partners receive.
 *
 * Hiding one group is not enough when the total and the other groups of the same dimension are
 * shown: the hidden figure is the total minus the others (for counts; for rates, the counts make it
 * a weighted subtraction, just as easy). So whenever a sum (a figure and its split by one
 * dimension) has exactly one hidden figure, the next-smallest group in it is hidden too, and so on
 * until no sum has a single hidden figure; hiding one figure can expose another sum (a cross-tab),
 * hence the repeat. A reading hidden this way is reported as `complementary`.
 *
 * Pure, like suppressSmallGroups: `shown` keeps the order given.
 */
export function suppressForPartners(
  readings: readonly Reading[],
  indicators: readonly Indicator[],
  dimensions: readonly Dimension[],
  threshold: number,
): SuppressionOutcome {
  const reasons: (SuppressionReason | null)[] = readings.map((reading) => suppressionReason(reading, threshold));
  const categoriesOf = new Map(dimensions.map((dimension) => [dimension.id, dimension.categories.map((c) => c.id)]));
  const splitsOf = new Map(
    indicators.map((indicator) => [indicator.id, indicator.dimensionIds.map((id) => categoriesOf.get(id) ?? [])]),
  );
  const cells = new Map<string, number[]>();
  readings.forEach((reading, index) => {
    const key = `${reading.indicatorId}\u0000${reading.period}`;
    const list = cells.get(key) ?? [];
    list.push(index);
    cells.set(key, list);
  });
  const bySize = smallestFirst(readings);
  for (const indexes of cells.values()) {
    const splits = splitsOf.get(readings[indexes[0]].indicatorId) ?? [];
    const sums = sumsOf(readings, indexes, splits);
    let changed = true;
    while (changed) {
      changed = false;
      for (const { whole, parts } of sums) {
        const hidden = [whole, ...parts].filter((index) => reasons[index] !== null);
        if (hidden.length !== 1) continue;
        const shownParts = parts.filter((index) => reasons[index] === null).sort(bySize);
        // A dimension of one category: the group is the whole, so the whole goes too.
        reasons[shownParts[0] ?? whole] = 'complementary';
        changed = true;
      }
    }
  }
  const shown: Reading[] = [];
  const suppressed: SuppressedReading[] = [];
  readings.forEach((reading, index) => {
    const reason = reasons[index];
    if (reason === null) shown.push(reading);
    else
      suppressed.push({
        indicatorId: reading.indicatorId,
        period: reading.period,
        categoryIds: [...reading.categoryIds],
        reason,
      });
  });
  return { shown, suppressed };
}
