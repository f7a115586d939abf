import Papa from 'papaparse';

// Spreadsheets run a cell that starts with one of these as a formula (a tab or carriage return
// first is skipped by some of them, so what follows runs). Every CSV the app writes puts a quote
// before such a cell (OWASP's advice for CSV injection) and the partner import takes it off again.
const formulaStart = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * The one way the app writes a CSV file: every cell guarded, CRLF line ends (what spreadsheet
 * programs write themselves) and a BOM, so Excel reads accents and Arabic as UTF-8 instead of the
 * system's code page. A writer that skipped the guard once is how a planted formula got through.
 */
export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return (
    '\ufeff' +
    Papa.unparse(
      rows.map((row) => row.map(guardCell)),
      { newline: '\r\n' },
    )
  );
}
