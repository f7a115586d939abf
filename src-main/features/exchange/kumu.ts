import type { ImportNotice } from '../../contract/exchange';
import type { Partner, Relationship } from '../../contract/partners';
import { relationshipKinds } from '../../contract/partners';
import { fold, guessField, kindOf, type ImportField, type PartnerField } from './mapping';
import type { SourceFile } from './plan';
import type { SourceConnection, SourcePartner } from './values';
import { readWorkbook, type Sheet } from './xlsx';

/** A Kumu sheet or JSON list as header + rows, each row with where it is in the person's terms. */
export interface KumuTable {
  headers: string[];
  rows: { where: string; cells: string[] }[];
  /** What reading the table noticed (a formula without its value, an attribute named like a field). */
  notices: ImportNotice[];
}

const isKindHeader = (header: string) => ['type', 'elementtype'].includes(fold(header));

function emptyFile(where: string, message: string): SourceFile {
  return { columns: [], partners: [], connections: [], errors: [{ where, message }], warnings: [] };
}

/** Elements and connections in partner terms. Type is the kind when it names one, else the sector. */
export function kumuToSource(elements: KumuTable, connections: KumuTable | null): SourceFile {
  const warnings: string[] = [];
  const errors: SourceFile['errors'] = [];
  if (elements.headers.every((header) => header.trim() === ''))
    return emptyFile('Elements row 1', 'The first row should name the columns (Label, Type, ...), but it is empty.');
  const taken = new Set<ImportField>();
  const columns = elements.headers.map((header) => {
    let field: ImportField = isKindHeader(header) ? 'kind' : guessField(header);
    if (field !== 'ignore' && taken.has(field)) field = 'ignore';
    if (field === 'ignore' && header.trim())
      warnings.push(`Elements column "${header}" is not a partner field and is ignored.`);
    if (field !== 'ignore') taken.add(field);
    return { header, field };
  });
  if (!taken.has('name'))
    errors.push({ where: 'Elements row 1', message: 'No Label column: each element needs a Label.' });
  const mapped = columns.flatMap((column, index) =>
    column.field === 'ignore' ? [] : [[index, column.field] as [number, PartnerField]],
  );
  const partners: SourcePartner[] = elements.rows.map(({ where, cells }) => {
    const values: SourcePartner['values'] = {};
    for (const [index, field] of mapped) values[field] = cells[index] ?? '';
    const type = values.kind;
    if (type !== undefined && type.trim() !== '' && !kindOf(type)) {
      delete values.kind;
      if (!values.sector?.trim()) values.sector = type;
    } else if (type !== undefined && type.trim() === '') delete values.kind;
    return { where, values };
  });
  if (partners.length === 0) errors.push({ where: 'Elements', message: 'There are no elements to import.' });
  return {
    columns,
    partners,
    connections: connections ? readConnections(connections, errors) : [],
    errors,
    warnings,
    notices: [...elements.notices, ...(connections?.notices ?? [])],
    kumu: true,
  };
}

function readConnections(table: KumuTable, errors: SourceFile['errors']): SourceConnection[] {
  // Our own export of an initiative without relationships writes an empty list: nothing to read.
  if (table.rows.length === 0) return [];
  const column = (...names: string[]) => table.headers.findIndex((header) => names.includes(fold(header)));
  const from = column('from');
  const to = column('to');
  if (from < 0 || to < 0) {
    errors.push({ where: 'Connections row 1', message: 'The connections need From and To columns.' });
    return [];
  }
  const id = column('id');
  const type = column('type', 'connectiontype');
  const strength = column('strength', 'weight');
  const description = column('description', 'note', 'notes');
  const label = column('label');
  const direction = column('connectiondirection', 'direction');
  const cell = (cells: string[], index: number) => (index >= 0 ? (cells[index] ?? '') : '');
  return table.rows.map(({ where, cells }) => ({
    where,
    id: cell(cells, id),
    from: cell(cells, from),
    to: cell(cells, to),
    kind: cell(cells, type),
    strength: cell(cells, strength),
    note: cell(cells, description) || cell(cells, label),
    direction: cell(cells, direction),
  }));
}

function sheetTable(sheet: Sheet, label: string): KumuTable {
  const [header = [], ...body] = sheet.rows;
  const rows = body
    .map((cells, index) => ({ where: `${label} row ${index + 2}`, cells }))
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const notices = sheet.formulasWithoutValue
    .filter(({ row }) => row > 0)
    .map(({ row, column }): ImportNotice => ({
      where: `${label} row ${row + 1}`,
      code: 'formula_without_value',
      params: { column: header[column]?.trim() || String(column + 1) },
    }));
  return { headers: header.map((cell) => cell.trim()), rows, notices };
}

export function parseKumuXlsx(bytes: Uint8Array): SourceFile {
  const sheets = readWorkbook(bytes).filter((sheet) => !sheet.name.toLowerCase().includes('(ignore)'));
  // Exactly "Elements" first, else a sheet whose name holds the word ("Kumu elements 2024").
  const find = (name: string) =>
    sheets.find((sheet) => sheet.name.trim().toLowerCase() === name) ??
    sheets.find((sheet) => sheet.name.toLowerCase().includes(name.slice(0, -1)));
  const elements = find('elements');
  if (!elements) return emptyFile('workbook', 'The workbook has no sheet named Elements.');
  const connections = find('connections');
  const source = kumuToSource(
    sheetTable(elements, 'Elements'),
    connections ? sheetTable(connections, 'Connections') : null,
  );
  for (const sheet of sheets) {
    if (sheet !== elements && sheet !== connections)
      source.warnings.push(`Sheet "${sheet.name}" is not Elements or Connections and is ignored.`);
  }
  return source;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).filter(Boolean).join('|');
  if (typeof value === 'object') return '';
  return String(value);
}

/** Kumu JSON objects as a table; Kumu's own exports nest fields under `attributes`. */
function jsonTable(items: unknown, label: string): KumuTable {
  const list = Array.isArray(items) ? items : [];
  const headers: string[] = [];
  const notices: ImportNotice[] = [];
  const records = list.map((item, index) => {
    const record: Record<string, unknown> =
      typeof item === 'object' && item !== null ? { ...(item as Record<string, unknown>) } : {};
    const nested = record.attributes;
    delete record.attributes;
    if (record._id !== undefined && record.id === undefined) record.id = record._id;
    delete record._id;
    // An attribute named like a field Kumu keeps itself (from, to, id) must not replace it: a
    // connection's "from" attribute would move its real end.
    if (typeof nested === 'object' && nested !== null) {
      const present = new Set(Object.keys(record).map(fold));
      for (const [key, value] of Object.entries(nested as Record<string, unknown>)) {
        if (present.has(fold(key))) {
          notices.push({ where: `${label} item ${index + 1}`, code: 'reserved_attribute', params: { name: key } });
        } else record[key] = value;
      }
    }
    for (const key of Object.keys(record)) if (!headers.includes(key)) headers.push(key);
    return record;
  });
  return {
    headers,
    rows: records.map((record, index) => ({
      where: `${label} item ${index + 1}`,
      cells: headers.map((key) => cellText(record[key])),
    })),
    notices,
  };
}

export function parseKumuJson(text: string): SourceFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return emptyFile('file', 'This is not valid JSON.');
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { elements?: unknown }).elements)) {
    return emptyFile('file', 'A Kumu JSON file needs an "elements" list.');
  }
  const { elements, connections } = data as { elements: unknown; connections?: unknown };
  return kumuToSource(
    jsonTable(elements, 'Elements'),
    connections === undefined ? null : jsonTable(connections, 'Connections'),
  );
}

const knownKind = new Set<string>(relationshipKinds);
export const kindWords = (kind: string) => (knownKind.has(kind) ? kind.replace(/_/g, ' ') : kind);

/** The export's two tables, shared by the JSON and XLSX writers. */
export function kumuTables(partners: Partner[], relationships: Relationship[], includeContacts: boolean) {
  const names = new Map(partners.map((partner) => [partner.id, partner.name]));
  const elementHeaders = [
    'ID',
    'Label',
    'Type',
    'Sector',
    'Description',
    'Tags',
    'Organisation',
    'Lived experience',
    'Influence',
    'Interest',
    'Stage',
  ];
  if (includeContacts) elementHeaders.push('Email', 'Phone');
  const elements = partners.map((partner) => {
    const row: (string | number)[] = [
      partner.id,
      partner.name,
      partner.kind === 'person' ? 'Person' : 'Organisation',
      partner.sector,
      partner.notes,
      partner.tags.join('|'),
      partner.organisationId ? (names.get(partner.organisationId) ?? '') : '',
      partner.livedExperience ? 'yes' : 'no',
      partner.influence ?? '',
      partner.interest ?? '',
      partner.stage,
    ];
    if (includeContacts) row.push(partner.email, partner.phone);
    return row;
  });
  const connectionHeaders = ['ID', 'From', 'To', 'Type', 'Strength', 'Description', 'Connection Direction'];
  const connections = relationships.map((relationship) => [
    relationship.id,
    relationship.fromId,
    relationship.toId,
    kindWords(relationship.kind),
    relationship.strength,
    relationship.note,
    relationship.direction,
  ]);
  return { elementHeaders, elements, connectionHeaders, connections };
}

export function kumuJson(partners: Partner[], relationships: Relationship[], includeContacts: boolean): string {
  const tables = kumuTables(partners, relationships, includeContacts);
  const numeric = new Set(['Influence', 'Interest']);
  const objects = (headers: string[], rows: (string | number)[][]) =>
    rows.map((row) =>
      Object.fromEntries(
        headers.map((header, i) => [
          header.toLowerCase(),
          header === 'Tags'
            ? String(row[i]).split('|').filter(Boolean)
            : row[i] === '' && numeric.has(header)
              ? null
              : row[i],
        ]),
      ),
    );
  return JSON.stringify(
    {
      elements: objects(tables.elementHeaders, tables.elements),
      connections: objects(tables.connectionHeaders, tables.connections),
    },
    null,
    2,
  );
}
