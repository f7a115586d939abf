import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvTable, readCsvTableCarefully } from '../../../src-main/features/exchange/csv-table';

/** Pieces of CSV that make the parser work: delimiters, quotes, blank lines and every line end. */
const piece = fc.constantFrom(
  'a',
  'Bé',
  ' ',
  '  ',
  ',',
  ';',
  '\t',
  '"',
  '""',
  "'",
  '=1',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '12,5',
);
const csvText = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('reading a CSV file into rows and lines', () => {
  it('gives the same rows, lines and errors in one pass as the whole-file read and its line pass', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        expect(readCsvTable(text)).toEqual(readCsvTableCarefully(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('counts lines as an editor does across quoted newlines and skipped blank lines', () => {
    expect(readCsvTable('Name,Notes\n\n"Acme","two\nlines"\n\nRiver,plain\n')).toEqual({
      headers: ['Name', 'Notes'],
      rows: [
        { line: 3, cells: ['Acme', 'two\nlines'] },
        { line: 6, cells: ['River', 'plain'] },
      ],
    });
  });

  it('refuses a quote left open on a last line that is otherwise blank, as the whole-file read does', () => {
    // papaparse leaves out the blank row, and its error with it, when it reads row by row.
    for (const text of ['Name,Notes\nAcme,plain\n"', 'Name,Notes\nAcme,plain\n"  \n\n']) {
      expect(readCsvTable(text)).toEqual(readCsvTableCarefully(text));
      expect(readCsvTable(text)).toMatchObject({ error: expect.stringMatching(/never closed/) });
    }
  });
});
