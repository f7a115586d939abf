import type { ScorecardRow } from '../../../src-main/contract/index';

/** Figures as the app's language writes them (digits, decimal mark), at most two decimals. */
export function figureFormat(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value) => format.format(value);
}

/** A change with its sign, so "+4" and "−3" read as a change and not a level; 0 has none. */
export function changeFormat(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return (value) => format.format(value);
}

/** Literal keys, so the locale test can see each one used. */
export const trendKey: Record<ScorecardRow['trend']['reading'], string> = {
  better: 'measures.scorecard.trends.better',
  worse: 'measures.scorecard.trends.worse',
  steady: 'measures.scorecard.trends.steady',
  too_few: 'measures.scorecard.trends.tooFew',
};

export const statusKey: Record<ScorecardRow['status'], string> = {
  on_track: 'measures.scorecard.statuses.on_track',
  off_track: 'measures.scorecard.statuses.off_track',
  no_target: 'measures.scorecard.statuses.no_target',
  no_data: 'measures.scorecard.statuses.no_data',
};

/** The arrow shows which way the figure moves; its colour (and the words) say whether that is good. */
export const trendArrow: Record<ScorecardRow['trend']['direction'], string> = { up: '↑', down: '↓', flat: '→' };

