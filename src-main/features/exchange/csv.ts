import type { Partner } from '../../contract/partners';
import { resolveMapping, type ColumnMapping, type PartnerField } from './mapping';
import type { SourceFile } from './plan';
import type { SourcePartner } from './values';
import { spreadsheetCsv, unguardCell } from '../csv/spreadsheet-csv';
import { readCsvTable } from './csv-table';

// Kept importable from here for the code and tests that read partner CSVs.
export { guardCell, unguardCell } from '../csv/spreadsheet-csv';
export { readCsvTable, type CsvTable } from './csv-table';

/** A looks-like-a-header check: a first row of numbers or e-mail addresses is data, not names. */
function looksLikeData(headers: string[]): boolean {
  return headers.some((header) => /^\d+(\.\d+)?$/.test(header) || /@/.test(header));
}

export function parsePartnersCsv(text: string, mapping: ColumnMapping | undefined): SourceFile {
  const table = readCsvTable(text);
  const empty: SourceFile = { columns: [], partners: [], connections: [], errors: [], warnings: [] };
  if ('error' in table) return { ...empty, errors: [{ where: 'line 1', message: table.error }] };
  if (looksLikeData(table.headers)) {
    return {
      ...empty,
      errors: [
        {
          where: 'line 1',
          message: 'The first line should name the columns (for example Name, Sector, Tags), but it looks like data.',
        },
      ],
    };
  }
  const sampleValues = (index: number) => table.rows.slice(0, 200).map((row) => row.cells[index] ?? '');
  const { columns, warnings } = resolveMapping(table.headers, sampleValues, mapping);
  const errors: SourceFile['errors'] = [];
  if (!columns.some((column) => column.field === 'name')) {
    errors.push({
      where: 'line 1',
      message: 'No column gives the partner name; choose the Name field for one column.',
    });
  }
  const mapped = columns.flatMap((column, index) =>
    column.field === 'ignore' ? [] : [[index, column.field] as [number, PartnerField]],
  );
  const partners: SourcePartner[] = table.rows.map(({ line, cells }) => {
    const values: SourcePartner['values'] = {};
    for (const [index, field] of mapped) values[field] = unguardCell(cells[index] ?? '');
    if (cells.length > table.headers.length && cells.slice(table.headers.length).some((cell) => cell.trim() !== '')) {
      errors.push({
        where: `line ${line}`,
        message: `This line has ${cells.length} cells but the header names ${table.headers.length} columns.`,
      });
    }
    return { where: `line ${line}`, values };
  });
  if (partners.length === 0) errors.push({ where: 'line 2', message: 'The file has a header but no partners.' });
  return { columns, partners, connections: [], errors, warnings };
}

/** The CSV export's columns, in the words guessField maps back, so an export imports as it was. */
export function partnersCsv(partners: Partner[], includeContacts: boolean): string {
  const names = new Map(partners.map((partner) => [partner.id, partner.name]));
  const header = ['ID', 'Name', 'Kind', 'Sector', 'Organisation', 'Lived experience', 'Influence', 'Interest', 'Stage'];
  if (includeContacts) header.push('Email', 'Phone');
  header.push('Tags', 'Notes');
  const rows = partners.map((partner) => {
    const row = [
      partner.id,
      partner.name,
      partner.kind,
      partner.sector,
      partner.organisationId ? (names.get(partner.organisationId) ?? '') : '',
      partner.livedExperience ? 'yes' : 'no',
      partner.influence?.toString() ?? '',
      partner.interest?.toString() ?? '',
      partner.stage,
    ];
    if (includeContacts) row.push(partner.email, partner.phone);
    row.push(partner.tags.join('|'), partner.notes);
    return row;
  });
  return spreadsheetCsv([header, ...rows]);
}
