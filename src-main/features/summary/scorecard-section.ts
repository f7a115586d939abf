import type { Indicator, Reading } from '../../contract/measures';
import type { SummaryScorecard, SummaryScorecardIndicator } from '../../contract/summary-scorecard';
import type { InitiativeStore } from '../../store/initiative-store';
import { suppressForPartners } from '../measures/complementary-suppression';

const keyOf = (reading: { indicatorId: string; period: string; categoryIds: readonly string[] }) =>
  `${reading.indicatorId}\u0000${reading.period}\u0000${[...reading.categoryIds].sort().join(',')}`;

/** What a summary needs to lay out one indicator's latest figures: the same for every indicator. */
export function scorecardContext(store: InitiativeStore) {
  const threshold = store.measures.settings().smallGroupThreshold;
  const dimensions = store.measures.dimensions.list();
  const category = new Map(
    dimensions.flatMap((dimension, d) =>
      dimension.categories.map((c, i) => [c.id, { dimension: dimension.name, name: c.name, order: d * 1000 + i }]),
    ),
  );
  return { store, threshold, dimensions, category };
}
type ScorecardContext = ReturnType<typeof scorecardContext>;

/**
 * One indicator's latest period as a summary may show it (small-group and complementary
 * suppression applied), and what was held back from the total and one-way groups it would show.
 */
export function scorecardEntry(
  { store, threshold, dimensions, category }: ScorecardContext,
  indicator: Indicator,
): { entry: SummaryScorecardIndicator; held: SummaryScorecard['suppressed'] } {
  const held = { smallGroup: 0, countUnknown: 0, complementary: 0 };
  const readings = store.measures.readings.list(indicator.id);
  const period = readings.reduce((latest, reading) => (reading.period > latest ? reading.period : latest), '');
  const latest = readings.filter((reading) => reading.period === period);
  const outcome = suppressForPartners(latest, [indicator], dimensions, threshold);
  // Only what the section would show is counted as held back from it: the total and one-way groups.
  for (const reading of outcome.suppressed) {
    if (reading.categoryIds.length > 1) continue;
    if (reading.reason === 'small_group') held.smallGroup++;
    else if (reading.reason === 'count_unknown') held.countUnknown++;
    else held.complementary++;
  }
  const shown = new Map<string, Reading>(outcome.shown.map((reading) => [keyOf(reading), reading]));
  const total = shown.get(keyOf({ indicatorId: indicator.id, period, categoryIds: [] }))?.value ?? null;
  const target =
    indicator.targets.find((t) => t.period === period) ?? indicator.targets.find((t) => t.period > period) ?? null;
  const groups = outcome.shown
    .flatMap((reading) => {
      const of = reading.categoryIds.length === 1 ? category.get(reading.categoryIds[0]) : undefined;
      return of ? [{ reading, category: of }] : [];
    })
    .sort((a, b) => a.category.order - b.category.order)
    .map(({ reading, category: c }) => ({
      dimension: c.dimension,
      category: c.name,
      value: reading.value,
      // Shown groups always have a known count: an unknown one is held back.
      count: reading.count ?? 0,
    }));
  return {
    entry: {
      name: indicator.name,
      unit: indicator.unit,
      polarity: indicator.polarity,
      period,
      total,
      target: target ? { period: target.period, value: target.value } : null,
      baseline: indicator.baseline,
      changeSinceBaseline: total !== null && indicator.baseline ? roundAway(total - indicator.baseline.value) : null,
      groups,
    },
    held,
  };
}

/**
 * The scorecard a summary carries: every live indicator (on a partner's copy, those the partner or
 * its people own), each with its latest period's total, target, change since baseline and one-way
 * group readings. A summary leaves the app, so small-group and complementary suppression apply to
 * every copy, the backbone's too; the section counts what it held back so it can say so.
 *
 * Suppression runs on all the period's readings (cross-tabs included), since a hidden group can be
 * worked out through any sum it is part of, even when the summary shows only the one-way groups.
 */
export function buildScorecard(store: InitiativeStore, owners: ReadonlySet<string> | null): SummaryScorecard {
  const context = scorecardContext(store);
  const all = store.measures.indicators.list();
  const indicators = owners ? all.filter((indicator) => indicator.ownerIds.some((id) => owners.has(id))) : all;
  const suppressed = { smallGroup: 0, countUnknown: 0, complementary: 0 };
  const section = indicators.map((indicator) => {
    const { entry, held } = scorecardEntry(context, indicator);
    suppressed.smallGroup += held.smallGroup;
    suppressed.countUnknown += held.countUnknown;
    suppressed.complementary += held.complementary;
    return entry;
  });
  return {
    threshold: context.threshold,
    indicators: section,
    indicatorsLeftOut: all.length - indicators.length,
    suppressed,
  };
}

/** 58.1 - 54 is 4.099999…; a summary shows the difference people would compute by hand. */
function roundAway(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
