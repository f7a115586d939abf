import type { Indicator, ScorecardRow } from '../../contract/measures';
import { periodOrdinal } from './periods';

/** An indicator's total (no category) for one period, as the scorecard query reads it. */
export interface TotalReading {
  period: string;
  value: number;
  count: number | null;
}

/** How many of the latest periods with a total the trend looks at. */
export const trendWindow = 3;
/** A fitted change smaller than this share of the figures' size reads as holding steady. */
const steadyShare = 0.005;

interface Placed extends TotalReading {
  ordinal: number;
}

/** Whether `a` is at least as good as `b` for an indicator of this polarity. */
export function atLeastAsGood(polarity: Indicator['polarity'], a: number, b: number): boolean {
  return polarity === 'higher_is_better' ? a >= b : a <= b;
}

/**
 * The trend over the last periods with a total: the least-squares slope against the periods'
 * places in time (so a missing period counts as time passed), times the span, is the change the
 * line shows; a change under half a percent of the figures reads as steady.
 */
function trendOf(indicator: Indicator, placed: readonly Placed[]): ScorecardRow['trend'] {
  const window = placed.slice(-trendWindow);
  const periods = window.map((reading) => reading.period);
  if (window.length < 2) return { direction: 'flat', reading: 'too_few', periods };
  const meanX = window.reduce((sum, r) => sum + r.ordinal, 0) / window.length;
  const meanY = window.reduce((sum, r) => sum + r.value, 0) / window.length;
  let covariance = 0;
  let spread = 0;
  for (const reading of window) {
    covariance += (reading.ordinal - meanX) * (reading.value - meanY);
    spread += (reading.ordinal - meanX) ** 2;
  }
  const change = (covariance / spread) * (window[window.length - 1].ordinal - window[0].ordinal);
  const size = Math.max(...window.map((reading) => Math.abs(reading.value)));
  if (Math.abs(change) <= size * steadyShare) return { direction: 'flat', reading: 'steady', periods };
  const direction = change > 0 ? 'up' : 'down';
  const better = (direction === 'up') === (indicator.polarity === 'higher_is_better');
  return { direction, reading: better ? 'better' : 'worse', periods };
}

/**
 * On track when the current total already reaches the target. Short of it, with a baseline before
 * the target: on track when the total is at least where a straight line from the baseline to the
 * target would be by now. Short of it with no baseline to draw that line from: on track only
 * while the trend is improving and the target's period is still ahead.
 */
function statusOf(
  indicator: Indicator,
  current: Placed | null,
  target: { value: number; ordinal: number } | null,
  trend: ScorecardRow['trend'],
): ScorecardRow['status'] {
  if (!current) return 'no_data';
  if (!target) return 'no_target';
  if (atLeastAsGood(indicator.polarity, current.value, target.value)) return 'on_track';
  if (target.ordinal <= current.ordinal) return 'off_track';
  const baseline = indicator.baseline;
  const baselineOrdinal = baseline ? periodOrdinal(indicator.reportingPeriod, baseline.period) : null;
  if (baseline && baselineOrdinal !== null && baselineOrdinal < target.ordinal) {
    const share = Math.min(1, Math.max(0, (current.ordinal - baselineOrdinal) / (target.ordinal - baselineOrdinal)));
    const expected = baseline.value + (target.value - baseline.value) * share;
    return atLeastAsGood(indicator.polarity, current.value, expected) ? 'on_track' : 'off_track';
  }
  return trend.reading === 'better' ? 'on_track' : 'off_track';
}

/** One scorecard row from an indicator and its totals (any order; periods it cannot place are ignored). */
export function scorecardRow(indicator: Indicator, totals: readonly TotalReading[]): ScorecardRow {
  const placed: Placed[] = [];
  for (const reading of totals) {
    const ordinal = periodOrdinal(indicator.reportingPeriod, reading.period);
    if (ordinal !== null) placed.push({ ...reading, ordinal });
  }
  placed.sort((a, b) => a.ordinal - b.ordinal);
  const current = placed.at(-1) ?? null;
  const targets = indicator.targets
    .map((target) => ({ ...target, ordinal: periodOrdinal(indicator.reportingPeriod, target.period) }))
    .filter((target): target is { period: string; value: number; ordinal: number } => target.ordinal !== null)
    .sort((a, b) => a.ordinal - b.ordinal);
  // The target of the current period, else the next one; with no reading yet, the first one set.
  const target = current ? (targets.find((t) => t.ordinal >= current.ordinal) ?? null) : (targets[0] ?? null);
  const trend = trendOf(indicator, placed);
  const baseline = indicator.baseline;
  return {
    indicatorId: indicator.id,
    name: indicator.name,
    unit: indicator.unit,
    polarity: indicator.polarity,
    reportingPeriod: indicator.reportingPeriod,
    current: current ? { period: current.period, value: current.value, count: current.count } : null,
    target: target ? { period: target.period, value: target.value } : null,
    trend,
    baseline: baseline ? { period: baseline.period, value: baseline.value } : null,
    changeSinceBaseline: current && baseline ? current.value - baseline.value : null,
    status: statusOf(indicator, current, target, trend),
  };
}

/** The initiative's scorecard: one row per indicator, in the order given (the list's, by name). */
export function scorecard(
  indicators: readonly Indicator[],
  totalsByIndicator: ReadonlyMap<string, readonly TotalReading[]>,
): ScorecardRow[] {
  return indicators.map((indicator) => scorecardRow(indicator, totalsByIndicator.get(indicator.id) ?? []));
}
