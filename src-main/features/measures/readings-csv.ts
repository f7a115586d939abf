import type { Dimension, Indicator, Reading, ReadingsImportPreview } from '../../contract/measures';
import { maxGroupCount, periodFits } from '../../contract/measures';
import { spreadsheetCsv } from '../csv/spreadsheet-csv';
import { readCsvTable, unguardCell } from '../exchange/csv';

/**
 * Readings in long format: one row per figure, with the indicator, the period, one column per
 * dimension (empty when the figure is not split by it; all empty for the total), the value and,
 * optionally, how many people it counts.
 */
export const readingHeaders = { indicator: 'Indicator', period: 'Period', value: 'Value', count: 'Count' } as const;

export interface PlannedReading {
  line: number;
  indicatorId: string;
  period: string;
  categoryIds: string[];
  value: number;
  count: number | null;
}

export interface ReadingsPlan {
  readings: PlannedReading[];
  errors: { where: string; message: string }[];
  dimensionNames: string[];
}

const fold = (name: string) => name.trim().toLocaleLowerCase();

/**
 * A figure as spreadsheets write it: 12, -3.5, 1 234.5, 1,234.5, or 12,5 with a decimal comma.
 * 1,204 alone could be either, so it is refused rather than guessed.
 */
export function parseFigure(cell: string): number | null {
  // Most cells are a plain figure, which the cleaning below would leave exactly as it is.
  if (plainFigure.test(cell)) return figureWithinBounds(Number(cell));
  let figure = unguardCell(cell)
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '');
  if (/^-?\d{1,3}(,\d{3})+$/.test(figure)) return null;
  if (/^-?\d+,\d+$/.test(figure)) figure = figure.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(figure)) figure = figure.replace(/,/g, '');
  if (!plainFigure.test(figure)) return null;
  return figureWithinBounds(Number(figure));
}

const plainFigure = /^-?\d+(\.\d+)?$/;

function figureWithinBounds(value: number): number | null {
  return Number.isFinite(value) && Math.abs(value) <= 1e12 ? value : null;
}

/**
 * Lookup by name as people type it (case and surrounding spaces ignored), built once per file. A
 * file repeats a few names on every row, so each spelling is folded once (locale-aware lower case
 * is slow enough to show on 100,000 rows).
 */
function byName<T extends { name: string }>(items: readonly T[]): (name: string) => T | undefined {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(fold(item.name))) map.set(fold(item.name), item);
  const spellings = new Map<string, T | undefined>();
  return (name) => {
    if (spellings.has(name)) return spellings.get(name);
    const found = map.get(fold(name));
    if (spellings.size < 100_000) spellings.set(name, found);
    return found;
  };
}

/** Checks every row against the initiative's indicators and dimensions; any error refuses the file. */
export function planReadingsImport(
  text: string,
  indicators: readonly Indicator[],
  dimensions: readonly Dimension[],
): ReadingsPlan {
  const table = readCsvTable(text);
  const plan: ReadingsPlan = { readings: [], errors: [], dimensionNames: [] };
  if ('error' in table) {
    plan.errors.push({ where: 'line 1', message: table.error });
    return plan;
  }
  const headers = table.headers.map((header) => unguardCell(header));
  const column = (name: string, also: string[] = []) =>
    headers.findIndex((header) => [name, ...also].some((wanted) => fold(header) === fold(wanted)));
  const indicatorColumn = column(readingHeaders.indicator);
  const periodColumn = column(readingHeaders.period);
  const valueColumn = column(readingHeaders.value);
  const countColumn = column(readingHeaders.count, ['n']);
  const missing = [
    [indicatorColumn, readingHeaders.indicator],
    [periodColumn, readingHeaders.period],
    [valueColumn, readingHeaders.value],
  ].filter(([index]) => index === -1);
  if (missing.length > 0) {
    plan.errors.push({
      where: 'line 1',
      message: `The first line must name the columns ${missing.map(([, name]) => name).join(', ')} (and one column per dimension).`,
    });
    return plan;
  }
  const known = new Set([indicatorColumn, periodColumn, valueColumn, countColumn]);
  const findDimension = byName(dimensions);
  const findIndicator = byName(indicators);
  const findCategory = new Map(dimensions.map((dimension) => [dimension.id, byName(dimension.categories)]));
  const dimensionColumns: { index: number; dimension: Dimension }[] = [];
  headers.forEach((header, index) => {
    if (known.has(index) || header === '') return;
    const dimension = findDimension(header);
    if (dimension) dimensionColumns.push({ index, dimension });
    else
      plan.errors.push({ where: 'line 1', message: `The column "${header}" is not a dimension of this initiative.` });
  });
  plan.dimensionNames = dimensionColumns.map(({ dimension }) => dimension.name);
  if (plan.errors.length > 0) return plan;

  // Each dimension column with its own category lookup, found once rather than on every row.
  const splitColumns = dimensionColumns.map(({ index, dimension }) => ({
    index,
    dimension,
    findCategory: findCategory.get(dimension.id),
  }));
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const problems: string[] = [];
    const indicatorName = cellText(cells, indicatorColumn);
    const indicator = findIndicator(indicatorName);
    if (!indicator) problems.push(`there is no indicator called "${indicatorName.slice(0, 80)}"`);
    const period = cellText(cells, periodColumn);
    if (indicator && !periodFits(indicator.reportingPeriod, period))
      problems.push(`"${period.slice(0, 20)}" is not a ${indicator.reportingPeriod.replace('_', ' ')} period`);
    const value = parseFigure(cells[valueColumn] ?? '');
    if (value === null) {
      const shown = cellText(cells, valueColumn).slice(0, 20);
      const hint = shown.includes(',') ? ' (a comma could mean thousands or decimals: write 1204 or 1.204)' : '';
      problems.push(`the value "${shown}" is not a number${hint}`);
    }
    let count: number | null = null;
    if (countColumn !== -1 && cellText(cells, countColumn) !== '') {
      count = parseFigure(cells[countColumn] ?? '');
      // The store's own bound too, so a file the preview accepts is one the commit can write.
      if (count === null || !isGroupCount(count)) {
        problems.push(`the count "${cellText(cells, countColumn).slice(0, 20)}" is not a whole number of people`);
        count = null;
      }
    }
    const categoryIds: string[] = [];
    for (const { index, dimension, findCategory: findIn } of splitColumns) {
      const name = cellText(cells, index);
      if (name === '') continue;
      const category = findIn?.(name);
      if (!category) problems.push(`${dimension.name} has no category "${name.slice(0, 80)}"`);
      else if (indicator && !indicator.dimensionIds.includes(dimension.id))
        problems.push(`"${indicator.name}" is not split by ${dimension.name}`);
      else categoryIds.push(category.id);
    }
    if (problems.length === 0 && indicator && value !== null) {
      categoryIds.sort();
      const key = `${indicator.id}\u0000${period}\u0000${categoryIds.join(',')}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push(`the same figure is already on line ${earlier}`);
      else {
        seen.set(key, line);
        plan.readings.push({ line, indicatorId: indicator.id, period, categoryIds, value, count });
      }
    }
    if (problems.length > 0)
      plan.errors.push({ where: `line ${line}`, message: `${capitalise(problems.join('; '))}.` });
  }
  if (table.rows.length === 0)
    plan.errors.push({ where: 'line 2', message: 'The file has no readings under its header.' });
  return plan;
}

/** A cell as people meant it: without the formula guard or the spaces around it. */
function cellText(cells: readonly string[], index: number): string {
  return unguardCell(cells[index] ?? '').trim();
}

/**
 * GroupCount's verdict on a figure parseFigure gave, checked by hand: the schema costs about a
 * microsecond a row, and a file has 100,000 (a test holds the two to the same verdicts).
 */
export function isGroupCount(count: number): boolean {
  return Number.isInteger(count) && count >= 0 && count <= maxGroupCount;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The indicators a plan names, in the order the file first names them, without a list per reading. */
function indicatorIdsOf(readings: readonly PlannedReading[]): Set<string> {
  const ids = new Set<string>();
  for (const reading of readings) ids.add(reading.indicatorId);
  return ids;
}

export function previewOf(
  plan: ReadingsPlan,
  indicators: readonly Indicator[],
  dimensions: readonly Dimension[],
): ReadingsImportPreview {
  const indicatorName = new Map(indicators.map((indicator) => [indicator.id, indicator.name]));
  const categoryName = new Map(dimensions.flatMap((d) => d.categories.map((c) => [c.id, c.name] as const)));
  return {
    readings: plan.readings.length,
    indicators: [...new Set([...indicatorIdsOf(plan.readings)].map((id) => indicatorName.get(id) ?? ''))],
    dimensions: plan.dimensionNames,
    sample: plan.readings.slice(0, 20).map((r) => ({
      line: r.line,
      indicator: indicatorName.get(r.indicatorId) ?? '',
      period: r.period,
      categories: r.categoryIds.map((id) => categoryName.get(id) ?? ''),
      value: r.value,
      count: r.count,
    })),
    errors: plan.errors.slice(0, 500),
  };
}

/**
 * Readings as CSV in the same long format the importer reads, through the app's one CSV writer
 * (papaparse, every cell formula-guarded). The caller decides which readings may leave.
 */
export function readingsCsv(
  readings: readonly Reading[],
  indicators: readonly Indicator[],
  dimensions: readonly Dimension[],
): string {
  const indicatorName = new Map(indicators.map((indicator) => [indicator.id, indicator.name]));
  const categoryOf = new Map(
    dimensions.flatMap((d) => d.categories.map((c) => [c.id, { dimensionId: d.id, name: c.name }] as const)),
  );
  const header = [
    readingHeaders.indicator,
    readingHeaders.period,
    ...dimensions.map((d) => d.name),
    readingHeaders.value,
    readingHeaders.count,
  ];
  const rows = readings.map((reading) => {
    const byDimension = new Map<string, string>();
    for (const id of reading.categoryIds) {
      const category = categoryOf.get(id);
      if (category) byDimension.set(category.dimensionId, category.name);
    }
    return [
      indicatorName.get(reading.indicatorId) ?? '',
      reading.period,
      ...dimensions.map((d) => byDimension.get(d.id) ?? ''),
      String(reading.value),
      reading.count === null ? '' : String(reading.count),
    ];
  });
  return spreadsheetCsv([header, ...rows]);
}
