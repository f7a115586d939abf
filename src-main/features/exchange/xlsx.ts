import { attributes, escapeXml, escapeXmlText, unescapeXml } from './xml';
import { readZip, workbookLimits, writeZip, ZipError } from './zip';

export interface Sheet {
  name: string;
  /** Cells as text, by row and column; rows and cells left out of the file are empty. */
  rows: string[][];
  /** Formula cells saved without their result (read as empty), by 0-based row and column. */
  formulasWithoutValue: { row: number; column: number }[];
}

export class WorkbookError extends Error {}

const decoder = new TextDecoder();
const text = (entries: Map<string, () => Uint8Array>, name: string) => {
  const read = entries.get(name);
  return read ? decoder.decode(read()) : null;
};

/** All the text runs of a string item (<si> or <is>), rich text included; phonetic hints left out. */
function runs(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)]
    .map((match) => unescapeXml(match[1] ?? ''))
    .join('');
}

function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/i.exec(reference)?.[0].toUpperCase() ?? '';
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Reads every worksheet's cells as text. Synchronous (handlers are); no styles, no formulas run. */
export function readWorkbook(bytes: Uint8Array): Sheet[] {
  try {
    return readSheets(readZip(bytes));
  } catch (error) {
    if (error instanceof ZipError) throw new WorkbookError(zipProblemMessage(error));
    throw error;
  }
}

function zipProblemMessage(error: ZipError): string {
  const megabytes = workbookLimits.maxTotalBytes / 1024 / 1024;
  if (error.problem === 'too_large')
    return `This workbook unpacks to more than ${megabytes} MB, far more than a list of partners needs, so it was not read. Remove sheets or pictures it does not need, or split it.`;
  if (error.problem === 'too_compressed')
    return 'This workbook is packed far more tightly than a real spreadsheet (a trick used to make programs freeze), so it was not read. If it is a real file, open it in a spreadsheet program and save it again.';
  return `This is not an XLSX workbook (${error.message}).`;
}

function readSheets(entries: Map<string, () => Uint8Array>): Sheet[] {
  const workbook = text(entries, 'xl/workbook.xml');
  if (!workbook) throw new WorkbookError('This ZIP file holds no Excel workbook.');
  const relations = new Map<string, string>();
  for (const match of (text(entries, 'xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const { Id, Target } = attributes(match[0]);
    if (Id && Target) relations.set(Id, Target.startsWith('/') ? Target.slice(1) : `xl/${Target}`);
  }
  const shared = [
    ...(text(entries, 'xl/sharedStrings.xml') ?? '').matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g),
  ].map((match) => runs(match[1] ?? ''));
  const dates = dateStyles(text(entries, 'xl/styles.xml') ?? '');
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  // Every sheet's part is unpacked before any is parsed, so a workbook past the unpack budget is
  // refused in the time unpacking takes, not after parsing most of it.
  const parts: { name: string; xml: string }[] = [];
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const { name, id } = attributes(match[0]);
    const path = relations.get(id ?? '');
    const xml = path ? text(entries, path) : null;
    if (!name || xml === null) continue;
    parts.push({ name, xml });
  }
  return parts.map(({ name, xml }) => ({ name, ...readSheet(xml, shared, { dates, date1904 }) }));
}

/** Excel's own limits: a reference past them is damage, and filling the gap up to it would exhaust memory. */
const maxRows = 1_048_576;
const maxColumns = 16_384;

// Excel's built-in number formats that show a date (ECMA-376 part 1, 18.8.30).
const builtInDateFormats = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** The cell styles (indexes into cellXfs) whose number format shows a date. */
function dateStyles(styles: string): Set<number> {
  const customDates = new Set<number>();
  for (const match of styles.matchAll(/<numFmt\b[^>]*>/g)) {
    const { numFmtId, formatCode } = attributes(match[0]);
    // Quoted text and [colour]/[locale] parts are not the format's letters.
    const letters = (formatCode ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
    if (/[dy]/.test(letters)) customDates.add(Number(numFmtId));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const found = new Set<number>();
  [...cellXfs.matchAll(/<xf\b[^>]*>/g)].forEach((match, index) => {
    const id = Number(attributes(match[0]).numFmtId ?? 0);
    if (builtInDateFormats.has(id) || customDates.has(id)) found.add(index);
  });
  return found;
}

/** An Excel date serial as an ISO date (1900 system with its phantom 29 February, or 1904). */
function isoDate(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(days) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function readSheet(
  xml: string,
  shared: string[],
  styles: { dates: Set<number>; date1904: boolean },
): Omit<Sheet, 'name'> {
  const rows: string[][] = [];
  const formulasWithoutValue: Sheet['formulasWithoutValue'] = [];
  let nextRow = 0;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attributes(rowMatch[1]).r);
    const rowIndex = Number.isInteger(rowNumber) && rowNumber > 0 ? rowNumber - 1 : nextRow;
    if (rowIndex >= maxRows)
      throw new WorkbookError('This workbook names a row past the last one Excel allows; it is damaged.');
    nextRow = rowIndex + 1;
    const cells: string[] = [];
    let nextColumn = 0;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const { r, t, s: style } = attributes(cellMatch[1]);
      const column = r ? columnIndex(r) : nextColumn;
      if (column >= maxColumns) {
        throw new WorkbookError('This workbook names a column past the last one Excel allows; it is damaged.');
      }
      nextColumn = column + 1;
      const body = cellMatch[2] ?? '';
      const value = unescapeXml(/<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      let cell: string;
      if (t === 's') cell = shared[Number(value)] ?? '';
      else if (t === 'inlineStr') cell = runs(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (t === 'b') cell = value === '1' ? 'TRUE' : 'FALSE';
      else if (t === 'e') cell = '';
      else if (value !== '' && (t === undefined || t === 'n') && styles.dates.has(Number(style)))
        cell = isoDate(Number(value), styles.date1904) ?? value;
      else cell = value;
      if (/<f\b/.test(body) && !/<v\b[^>]*>[\s\S]+?<\/v>/.test(body) && t !== 'inlineStr')
        formulasWithoutValue.push({ row: rowIndex, column });
      while (cells.length < column) cells.push('');
      cells[column] = cell;
    }
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = cells;
  }
  return { rows, formulasWithoutValue };
}

const contentTypes = (count: number) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${Array.from(
    { length: count },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('')}</Types>`;

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`;

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetXml(rows: (string | number)[][]): string {
  const body = rows
    .map((cells, r) => {
      const style = r === 0 ? ' s="1"' : '';
      const xml = cells
        .map((cell, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          if (typeof cell === 'number') return `<c r="${ref}"${style}><v>${cell}</v></c>`;
          if (cell === '') return '';
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXmlText(cell)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

/** A plain workbook: one sheet per entry, strings inline, the first row in bold. */
export function writeWorkbook(sheets: { name: string; rows: (string | number)[][] }[]): Uint8Array {
  const encoder = new TextEncoder();
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  return writeZip([
    { name: '[Content_Types].xml', data: encoder.encode(contentTypes(sheets.length)) },
    { name: '_rels/.rels', data: encoder.encode(packageRels) },
    { name: 'xl/workbook.xml', data: encoder.encode(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: encoder.encode(rels) },
    { name: 'xl/styles.xml', data: encoder.encode(styles) },
    ...sheets.map((sheet, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: encoder.encode(sheetXml(sheet.rows)),
    })),
  ]);
}
