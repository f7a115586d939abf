import type { Dimension, Indicator } from '../../../src-main/contract/index';

/** Arabic-Indic and Eastern Arabic-Indic digits, as typed on an Arabic or Persian keyboard. */
const digitBlocks = [0x0660, 0x06f0];

/**
 * A figure as someone types it in a cell: 12, -3.5, 12,5 (decimal comma), ١٢٫٥. Returns null for
 * an empty cell and NaN for something that is not a figure.
 */
export function readFigure(typed: string): number | null {
  let text = typed.trim().replace(/[\s\u00a0\u202f]/g, '');
  for (const start of digitBlocks)
    text = text.replace(
      new RegExp(`[\\u${start.toString(16).padStart(4, '0')}-\\u${(start + 9).toString(16).padStart(4, '0')}]`, 'g'),
      (digit) => String(digit.charCodeAt(0) - start),
    );
  text = text.replace('\u066b', '.').replace('\u2212', '-');
  if (text === '') return null;
  if (/^-?\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

/** A count of people: a whole number, or null when the cell is empty. */
export function readCount(typed: string): number | null {
  const figure = readFigure(typed);
  if (figure === null) return null;
  return Number.isInteger(figure) && figure >= 0 ? figure : Number.NaN;
}

export interface GridRow {
  /** Stable key: the category ids sorted and joined ('' for the total), as `cellKey` makes it. */
  key: string;
  categoryIds: string[];
  /** "Income: Low", or "Income: Low · Area: North" for a cross-tab cell; null for the total. */
  label: string | null;
}

/** The key of a reading's cell: its categories in a fixed order, whatever order they came in. */
export const cellKey = (categoryIds: readonly string[]) => [...categoryIds].sort().join(',');

/**
 * With `cross` (two dimension ids): one row per combination of their categories, first dimension
 * outermost, for readings split two ways at once (race × income). Without: the total first, then
 * each category of each dimension the indicator is split by.
 */
export function gridRows(
  indicator: Indicator,
  dimensions: readonly Dimension[],
  cross: readonly [string, string] | null = null,
): GridRow[] {
  if (cross) {
    const [first, second] = cross.map((id) => dimensions.find((d) => d.id === id));
    return (first?.categories ?? []).flatMap((a) =>
      (second?.categories ?? []).map((b) => ({
        key: cellKey([a.id, b.id]),
        categoryIds: [a.id, b.id],
        label: `${first?.name}: ${a.name} · ${second?.name}: ${b.name}`,
      })),
    );
  }
  const rows: GridRow[] = [{ key: '', categoryIds: [], label: null }];
  for (const dimensionId of indicator.dimensionIds) {
    const dimension = dimensions.find((d) => d.id === dimensionId);
    for (const category of dimension?.categories ?? [])
      rows.push({ key: category.id, categoryIds: [category.id], label: `${dimension?.name ?? ''}: ${category.name}` });
  }
  return rows;
}

/** A block copied from a spreadsheet: rows by line, cells by tab. */
export function readBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}
