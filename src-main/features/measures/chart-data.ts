import type {
  Dimension,
  GroupReading,
  GroupSeries,
  Indicator,
  IndicatorCharts,
  Reading,
  TrendPoint,
} from '../../contract/measures';
import { sortPeriods } from './periods';

/** n known and under the threshold: such a group is marked here and held back from partners. */
export const isSmallGroup = (count: number | null, threshold: number) => count !== null && count < threshold;

/**
 * Each category's readings of one dimension, period by period, with the gap to the best-off
 * category of that period (the highest figure, or the lowest when lower is better). Only readings
 * split by that one dimension count: a cross-tab cell (income × neighbourhood) is not a line here.
 */
function groupSeries(
  indicator: Indicator,
  dimension: Dimension,
  byPeriod: ReadonlyMap<string, readonly Reading[]>,
  periods: readonly string[],
  threshold: number,
): GroupSeries {
  const own = new Set(dimension.categories.map((category) => category.id));
  const rows: GroupSeries['periods'] = [];
  for (const period of periods) {
    const found = new Map<string, Reading>();
    for (const reading of byPeriod.get(period) ?? [])
      if (reading.categoryIds.length === 1 && own.has(reading.categoryIds[0]))
        found.set(reading.categoryIds[0], reading);
    if (found.size === 0) continue;
    const values = [...found.values()].map((reading) => reading.value);
    const best = indicator.polarity === 'higher_is_better' ? Math.max(...values) : Math.min(...values);
    const readings: GroupReading[] = dimension.categories.map((category) => {
      const reading = found.get(category.id);
      if (!reading)
        return { categoryId: category.id, value: null, count: null, smallGroup: false, gap: null, bestOff: false };
      const gap = indicator.polarity === 'higher_is_better' ? best - reading.value : reading.value - best;
      return {
        categoryId: category.id,
        value: reading.value,
        count: reading.count,
        smallGroup: isSmallGroup(reading.count, threshold),
        gap,
        bestOff: gap === 0,
      };
    });
    rows.push({ period, readings });
  }
  return {
    dimensionId: dimension.id,
    name: dimension.name,
    categories: dimension.categories.map(({ id, name }) => ({ id, name })),
    periods: rows,
  };
}

/**
 * What an indicator's trend and group charts draw: every period that has a total, a group
 * reading, the baseline or a target, oldest first (a missing total stays null, so the line shows
 * the gap instead of joining across it), and one series per dimension the indicator is split by.
 */
export function indicatorCharts(
  indicator: Indicator,
  readings: readonly Reading[],
  dimensions: readonly Dimension[],
  smallGroupThreshold: number,
): IndicatorCharts {
  const byPeriod = new Map<string, Reading[]>();
  for (const reading of readings) {
    const list = byPeriod.get(reading.period);
    if (list) list.push(reading);
    else byPeriod.set(reading.period, [reading]);
  }
  const targets = new Map(indicator.targets.map((target) => [target.period, target.value]));
  const periods = sortPeriods(indicator.reportingPeriod, [
    ...byPeriod.keys(),
    ...targets.keys(),
    ...(indicator.baseline ? [indicator.baseline.period] : []),
  ]);
  const trend: TrendPoint[] = periods.map((period) => {
    const total = byPeriod.get(period)?.find((reading) => reading.categoryIds.length === 0);
    return { period, total: total?.value ?? null, count: total?.count ?? null, target: targets.get(period) ?? null };
  });
  const groups = indicator.dimensionIds
    .map((id) => dimensions.find((dimension) => dimension.id === id))
    .filter((dimension): dimension is Dimension => dimension !== undefined)
    .map((dimension) => groupSeries(indicator, dimension, byPeriod, periods, smallGroupThreshold));
  return {
    indicatorId: indicator.id,
    polarity: indicator.polarity,
    unit: indicator.unit,
    baseline: indicator.baseline,
    smallGroupThreshold,
    trend,
    groups,
  };
}
