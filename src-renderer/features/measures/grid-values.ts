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
  /** Stable key: '' for the total, the category id otherwise. */
  key: string;
  categoryIds: string[];
  dimensionName: string | null;
  categoryName: string | null;
}

/** The total first, then each category of each dimension the indicator is split by. */
export function gridRows(indicator: Indicator, dimensions: readonly Dimension[]): GridRow[] {
  const rows: GridRow[] = [{ key: '', categoryIds: [], dimensionName: null, categoryName: null }];
  for (const dimensionId of indicator.dimensionIds) {
    const dimension = dimensions.find((d) => d.id === dimensionId);
    for (const category of dimension?.categories ?? [])
      rows.push({
        key: category.id,
        categoryIds: [category.id],
        dimensionName: dimension?.name ?? '',
        categoryName: category.name,
      });
  }
  return rows;
}

/** A block copied from a spreadsheet: rows by line, cells by tab. */
export function readBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  return lines.map((line) => line.split('\t'));
}
