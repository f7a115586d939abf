import { levelOutOfFive, type ItemResult, type RoundResults } from '../../contract/readiness';
import type { Locale } from '../../contract/models';
import type { InitiativeStore } from '../../store/initiative-store';
import { containsArabic, embeddedArabicSource } from '../summary/arabic-font';
import { escapeHtml } from '../summary/html';
import { reportWords, type ReportWord } from './report-text';
import { roundResults } from './scoring';

/** Everything a readiness report shows, in the reader's language, built once for PDF and Word. */
export interface ReadinessReport {
  locale: Locale;
  direction: 'ltr' | 'rtl';
  initiative: string;
  instrument: string;
  round: string;
  heldOn: string;
  ratesImportance: boolean;
  results: RoundResults;
  itemText: ReadonlyMap<string, string>;
  t: (word: ReportWord) => string;
}

const pick = (typed: string, builtin: Record<Locale, string> | null, locale: Locale) =>
  typed.trim() !== '' ? typed : (builtin?.[locale] ?? builtin?.en ?? '');

export function buildReadinessReport(store: InitiativeStore, roundId: string, locale: Locale): ReadinessReport {
  const { rounds, instruments } = store.readiness;
  const round = rounds.get(roundId);
  const instrument = instruments.get(round.instrumentId);
  const previous = rounds.previous(roundId);
  return {
    locale,
    direction: locale === 'ar' ? 'rtl' : 'ltr',
    initiative: store.initiative.get().name,
    instrument: pick(instrument.name, instrument.builtinName, locale),
    round: round.title,
    heldOn: round.heldOn,
    ratesImportance: instrument.ratesImportance,
    results: roundResults(
      roundId,
      instrument,
      rounds.sheets(roundId),
      previous ? { roundId: previous.id, sheets: rounds.sheets(previous.id) } : null,
    ),
    itemText: new Map(
      instrument.sections.flatMap((section) =>
        section.items.map((item) => [item.id, pick(item.text, item.builtinText, locale)] as const),
      ),
    ),
    t: reportWords(locale),
  };
}

export function figure(value: number | null, locale: Locale, signed = false): string {
  if (value === null) return '–';
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

/** The rated items, largest gap first (the order the screen shows them in). */
export function ratedByGap(report: ReadinessReport): ItemResult[] {
  return report.results.items
    .filter((item) => item.raters > 0)
    .sort((a, b) => (b.gap ?? -Infinity) - (a.gap ?? -Infinity));
}

export function sheetLine(report: ReadinessReport): string {
  const { results, t } = report;
  if (results.residentSheets === null) return `${t('sheets')}: ${results.sheets}. ${t('notApart')}`;
  return `${t('sheets')}: ${results.sheets} (${t('residents')}: ${results.residentSheets}, ${t('agencies')}: ${results.agencySheets})`;
}

function arabicFaces(): string {
  const face = (weight: 'normal' | 'bold') => {
    const embedded = embeddedArabicSource(weight);
    return `@font-face { font-family: "Report Arabic"; font-weight: ${weight};
      src: local("Noto Naskh Arabic"), local("Amiri")${embedded ? `, ${embedded}` : ''};
      unicode-range: U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF; }`;
  };
  return face('normal') + face('bold');
}

/** A self-contained page for Chromium to print: tables with bars drawn as widths, figures beside them. */
export function readinessReportHtml(report: ReadinessReport): string {
  const { t, locale, results } = report;
  const e = escapeHtml;
  const name = (item: ItemResult) => e(report.itemText.get(item.itemId) ?? '');
  const bar = (value: number | null) =>
    value === null
      ? '–'
      : `<span class="bar"><span style="width:${((value / 5) * 100).toFixed(1)}%"></span></span> ${figure(value, locale)}`;
  const hasPrevious = results.previousRoundId !== null;
  const gapRows = ratedByGap(report)
    .map(
      (item) =>
        `<tr><th scope="row">${name(item)}</th><td>${bar(item.meanImportance)}</td><td>${bar(
          item.meanLevel === null ? null : levelOutOfFive(item.meanLevel),
        )}</td><td>${figure(item.gap, locale, true)}</td>${hasPrevious ? `<td>${figure(item.change, locale, true)}</td>` : ''}</tr>`,
    )
    .join('');
  const spreadRows = ratedByGap(report)
    .map(
      (item) =>
        `<tr><th scope="row">${name(item)}</th>${item.spread.map((count) => `<td>${count}</td>`).join('')}<td>${figure(item.meanLevel, locale)}</td></tr>`,
    )
    .join('');
  const differRows = ratedByGap(report)
    .map((item) =>
      item.residents.shown && item.agencies.shown
        ? `<tr><th scope="row">${name(item)}</th><td>${figure(item.residents.meanLevel, locale)}</td><td>${figure(item.agencies.meanLevel, locale)}</td><td>${figure(item.difference, locale, true)}</td></tr>`
        : `<tr><th scope="row">${name(item)}</th><td colspan="3">${e(t('notApart'))}</td></tr>`,
    )
    .join('');
  const withArabic = locale === 'ar' || containsArabic(JSON.stringify([...report.itemText.values(), report.round]));
  return `<!doctype html>
<html lang="${locale}" dir="${report.direction}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${e(t('title'))}</title>
<style>${withArabic ? arabicFaces() : ''}
  :root { color: #1d2521; font: 10.5pt/1.4 "Report Arabic", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
  h1 { font-size: 18pt; color: #1f6f5c; margin: 0; }
  h2 { font-size: 12pt; margin: 1.2rem 0 0.4rem; border-block-end: 2px solid #1f6f5c; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-block-end: 1px solid #d9d4c8; padding: 0.25rem 0.4rem; text-align: start; vertical-align: top; }
  .bar { display: inline-block; width: 5rem; height: 0.6rem; background: #e8e4da; }
  .bar span { display: block; height: 100%; background: #1f6f5c; }
</style>
</head>
<body>
<h1>${e(t('title'))}: ${e(report.instrument)}</h1>
<p>${e(report.initiative)} · ${e(t('round'))}: ${e(report.round)} · ${e(t('heldOn'))}: ${e(report.heldOn)}</p>
<p>${e(sheetLine(report))}</p>
${
  report.ratesImportance
    ? `<h2>${e(t('gapTitle'))}</h2><table><thead><tr><th>${e(t('item'))}</th><th>${e(t('importance'))}</th><th>${e(t('done'))}</th><th>${e(t('gap'))}</th>${hasPrevious ? `<th>${e(t('change'))}</th>` : ''}</tr></thead><tbody>${gapRows}</tbody></table>`
    : ''
}
<h2>${e(t('spreadTitle'))}</h2>
<table><thead><tr><th>${e(t('item'))}</th><th>1</th><th>2</th><th>3</th><th>4</th><th>${e(t('average'))}</th></tr></thead><tbody>${spreadRows}</tbody></table>
<h2>${e(t('differTitle'))}</h2>
<table><thead><tr><th>${e(t('item'))}</th><th>${e(t('residents'))}</th><th>${e(t('agencies'))}</th><th>${e(t('difference'))}</th></tr></thead><tbody>${differRows}</tbody></table>
</body>
</html>`;
}
