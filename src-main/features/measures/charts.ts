import type { IndicatorCharts, ScorecardRow } from '../../contract/measures';
import type { InitiativeStore } from '../../store/initiative-store';
import { totalsByIndicator } from '../../store/measures-scorecard';
import { indicatorCharts } from './chart-data';
import { scorecard } from './scorecard';

/** The initiative's scorecard: the indicators, every total in one query, then the pure rows. */
export function scorecardOf(store: InitiativeStore): ScorecardRow[] {
  return scorecard(store.measures.indicators.list(), totalsByIndicator(store.db));
}

/** One indicator's chart data, every figure kept (the facilitator's own app), small groups marked. */
export function chartsOf(store: InitiativeStore, indicatorId: string): IndicatorCharts {
  const { measures } = store;
  const indicator = measures.indicators.get(indicatorId);
  return indicatorCharts(
    indicator,
    measures.readings.list(indicatorId),
    measures.dimensions.list(),
    measures.settings().smallGroupThreshold,
  );
}
