import Papa from 'papaparse';

export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

const options: { skipEmptyLines: 'greedy'; delimitersToGuess: string[] } = {
  skipEmptyLines: 'greedy',
  delimitersToGuess: [',', ';', '\t'],
};

/**
 * Rows with the line each starts on, counted in the text as the person sees it in an editor.
 *
 * One pass of papaparse, row by row, that keeps each row and where it starts: reading the file
 * whole and then again row by row for the lines cost twice the parse on a 100,000-row import.
 * A file with a quote left open, or a quote after its last row, is read the careful way below,
 * which names the line of the open quote exactly as it always did; the answer is the same either
 * way (a test holds the two to it on generated files).
 */
export function readCsvTable(text: string): CsvTable | { error: string } {
  const records: string[][] = [];
  const starts: number[] = [];
  let line = 1;
  let scanned = 0;
  let previousCursor = 0;
  let quoteLeftOpen = false;
  Papa.parse<string[]>(text, {
    ...options,
    step: (result) => {
      if (result.errors.some((error) => error.code === 'MissingQuotes')) quoteLeftOpen = true;
      records.push(result.data);
      starts.push(lineAfter(result.meta.cursor));
    },
  });
  // A row left out as empty is never shown to `step`, nor its open quote: only rows after the
  // last one shown can be such, so any quote there sends the file the careful way.
  if (quoteLeftOpen || text.includes('"', previousCursor)) return readCsvTableCarefully(text);
  return tableOf(records, starts);

  /** The line the record ending at `cursor` starts on: after the line ends before it. */
  function lineAfter(cursor: number): number {
    let start = previousCursor;
    while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
    for (; scanned < start; scanned++) if (text[scanned] === '\n') line++;
    previousCursor = cursor;
    return line;
  }
}

function tableOf(records: string[][], lines: number[], fatalRow?: number): CsvTable | { error: string } {
  if (records.length === 0) return { error: 'The file is empty.' };
  const [headerRow, ...body] = records;
  const headers = headerRow.map((header) => header.trim());
  if (headers.every((header) => header === ''))
    return { error: 'The first line should name the columns, but it is empty.' };
  const rows = body.map((cells, index) => ({ line: lines[index + 1], cells }));
  if (fatalRow !== undefined) return { error: `A quoted field is never closed (near line ${lines[fatalRow] ?? 1}).` };
  return { headers, rows };
}

/** The whole file at once, then its lines by a second pass: for the few files with odd quotes. */
export function readCsvTableCarefully(text: string): CsvTable | { error: string } {
  const parsed = Papa.parse<string[]>(text, { ...options });
  const fatal = parsed.errors.find((error) => error.code === 'MissingQuotes');
  return tableOf(parsed.data, lineStarts(text, parsed.data.length), fatal ? (fatal.row ?? 0) : undefined);
}

/**
 * The line each non-empty record starts on. Re-parses with papaparse's cursor, since fields may
 * hold newlines inside quotes and blank lines are skipped.
 */
function lineStarts(text: string, records: number): number[] {
  const starts: number[] = [];
  let line = 1;
  let scanned = 0;
  let previousCursor = 0;
  Papa.parse<string[]>(text, {
    ...options,
    step: (result) => {
      let start = previousCursor;
      while (start < text.length && (text[start] === '\n' || text[start] === '\r')) start++;
      for (; scanned < start; scanned++) if (text[scanned] === '\n') line++;
      starts.push(line);
      previousCursor = result.meta.cursor;
    },
  });
  while (starts.length < records) starts.push(line);
  return starts;
}
