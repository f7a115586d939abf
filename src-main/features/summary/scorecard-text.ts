import type { Locale } from '../../contract/models';
import type { SessionSummary } from '../../contract/summary';
import type { SummaryScorecard } from '../../contract/summary-scorecard';
import { spreadsheetCsv } from '../csv/spreadsheet-csv';
import { translator, type Translate } from './text';

export interface ScorecardTable {
  columns: string[];
  rows: string[][];
}

/** The scorecard in the summary's words, laid out once for HTML, Markdown and Word alike. */
export interface ScorecardText {
  heading: string;
  overview: ScorecardTable | null;
  byGroup: { heading: string; table: ScorecardTable }[];
  /** What was held back and why, in plain words; and, on a partner's copy, what was left out. */
  notes: string[];
}

/** Whether a summary has a scorecard section at all: an initiative that measures nothing has none. */
export const hasScorecard = (scorecard: SummaryScorecard) =>
  scorecard.indicators.length > 0 || scorecard.indicatorsLeftOut > 0;

export function scorecardText(t: Translate, language: Locale, scorecard: SummaryScorecard): ScorecardText {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const change = new Intl.NumberFormat(language, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  const none = '—';
  const withUnit = (value: number, unit: string) => (unit ? `${number.format(value)} ${unit}` : number.format(value));
  const overview = scorecard.indicators.length
    ? {
        columns: [
          t('scorecard.indicator'),
          t('scorecard.period'),
          t('scorecard.latest'),
          t('scorecard.target'),
          t('scorecard.change'),
        ],
        rows: scorecard.indicators.map((indicator) => [
          indicator.name,
          indicator.period || none,
          indicator.total === null ? none : withUnit(indicator.total, indicator.unit),
          indicator.target
            ? t('scorecard.targetFor', {
                value: withUnit(indicator.target.value, indicator.unit),
                period: indicator.target.period,
              })
            : none,
          indicator.changeSinceBaseline === null || !indicator.baseline
            ? none
            : t('scorecard.changeFrom', {
                change: change.format(indicator.changeSinceBaseline),
                period: indicator.baseline.period,
              }),
        ]),
      }
    : null;
  const byGroup = scorecard.indicators
    .filter((indicator) => indicator.groups.length > 0)
    .map((indicator) => ({
      heading: t('scorecard.byGroup', { name: indicator.name, period: indicator.period }),
      table: {
        columns: [t('scorecard.group'), t('scorecard.value'), t('scorecard.people')],
        rows: indicator.groups.map((group) => [
          `${group.dimension}: ${group.category}`,
          withUnit(group.value, indicator.unit),
          number.format(group.count),
        ]),
      },
    }));
  const { smallGroup, countUnknown, complementary } = scorecard.suppressed;
  const notes = [
    ...(smallGroup ? [t('scorecard.suppressedSmall', { count: smallGroup, threshold: scorecard.threshold })] : []),
    ...(countUnknown ? [t('scorecard.suppressedUnknown', { count: countUnknown })] : []),
    ...(complementary ? [t('scorecard.suppressedComplementary', { count: complementary })] : []),
    ...(scorecard.indicatorsLeftOut ? [t('scorecard.indicatorsLeftOut', { count: scorecard.indicatorsLeftOut })] : []),
  ];
  if (!overview) notes.unshift(t('scorecard.noIndicators'));
  return { heading: t('scorecard.title'), overview, byGroup, notes };
}

/**
 * The scorecard as a spreadsheet: one row per figure shown (the total, then each group), then what
 * was held back, in words, under an empty row. Readings held back have no row at all.
 */
export function scorecardCsv(summary: SessionSummary): string {
  const t = translator(summary.language);
  const { scorecard } = summary;
  const text = scorecardText(t, summary.language, scorecard);
  const rows: string[][] = [
    [
      t('scorecard.indicator'),
      t('scorecard.period'),
      t('scorecard.group'),
      t('scorecard.value'),
      t('scorecard.people'),
      t('scorecard.target'),
      t('scorecard.change'),
    ],
  ];
  const cell = (value: number | null) => (value === null ? '' : String(value));
  for (const indicator of scorecard.indicators) {
    rows.push([
      indicator.name,
      indicator.period,
      t('scorecard.total'),
      cell(indicator.total),
      '',
      indicator.target ? `${indicator.target.value} (${indicator.target.period})` : '',
      cell(indicator.changeSinceBaseline),
    ]);
    for (const group of indicator.groups)
      rows.push([
        indicator.name,
        indicator.period,
        `${group.dimension}: ${group.category}`,
        String(group.value),
        String(group.count),
        '',
        '',
      ]);
  }
  if (text.notes.length) rows.push([], ...text.notes.map((note) => [note]));
  return spreadsheetCsv(rows);
}
