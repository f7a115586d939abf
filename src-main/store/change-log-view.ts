import { packable } from './packs';
import type { TableRegistry } from './schema';

// The change_log view (migration 0190; values read from rows since 0210).

/** Each table's columns whose messages go into packs, sorted: what the view reads from rows. */
export type PackedColumns = Readonly<Record<string, readonly string[]>>;

/** The packed columns of a registry, as changeLogViewSql takes them. */
export function packedColumns(tables: TableRegistry): PackedColumns {
  const columns: Record<string, string[]> = {};
  for (const table of Object.keys(tables).sort()) {
    const names = Object.keys(tables[table])
      .filter((column) => packable(table, column))
      .sort();
    if (names.length > 0) columns[table] = names;
  }
  return columns;
}

const timestampOfEntry =
  "substr(p.first, 1, 25) || printf('%04x', json_extract(f.value, '$[0]')) || substr(p.first, 30)";
const columnOfEntry = "json_extract(f.value, '$[1]')";
const valueOfEntry = "json_extract(f.value, '$[2]')";

/**
 * The view's SQL: one row per message, as before packs. A pack entry that left its value to the
 * row (PackEntry in packs.ts) reads it from the row: one pass over the packs, and for such an
 * entry a lookup of its row by id in its own table (a CASE on the table naming its packed
 * columns); a pack of any other table gives the value it holds, or null.
 *
 * Migrations run this with a list of columns frozen in the migration (0210 and any later one that
 * gives a table new packed columns), and the schema check compares a file's view with what its
 * version's migrations make, word for word: so this text must never change. A new shape of view
 * is a new function. tests/unit/store/values-in-rows.test.ts checks the latest view names every
 * packed column of the current tables.
 */
export function changeLogViewSql(columnsByTable: PackedColumns): string {
  const fromRows = Object.keys(columnsByTable).map((table) => {
    const fromRow = columnsByTable[table].map((column) => `WHEN '${column}' THEN t.${column}`).join(' ');
    return `WHEN '${table}' THEN (SELECT CASE ${columnOfEntry} ${fromRow} END FROM ${table} t WHERE t.id = p.row_id)`;
  });
  return `CREATE VIEW change_log (timestamp, tbl, row_id, col, value, base) AS
  SELECT timestamp, tbl, row_id, col, value, base FROM change_fields
  UNION ALL
  SELECT ${timestampOfEntry}, p.tbl, p.row_id, ${columnOfEntry},
    CASE WHEN json_array_length(f.value) > 2 THEN ${valueOfEntry} ELSE CASE p.tbl
    ${fromRows.join('\n    ')}
    END END, NULL
  FROM change_packs p, json_each(p.fields) f;`;
}

const rowOfRun = "json_extract(r.value, '$[0]')";
/** Where a run's items start: `[row, counter]` takes the pack's columns (PackOfRows in packs.ts). */
const firstItem = 'CASE json_array_length(r.value) WHEN 2 THEN 0 ELSE 2 END';
const timestampOfItem = `substr(p.first, 1, 25) || printf('%04x', json_extract(r.value, '$[1]') + c.key - ${firstItem}) || substr(p.first, 30)`;
const columnOfItem = "CASE c.type WHEN 'array' THEN json_extract(c.value, '$[0]') ELSE c.value END";

/**
 * The view since migration 0220: changeLogViewSql, and the packs of several rows (row_id '', a
 * PackOfRows in packs.ts) one row per item of each run; an item that is a bare column reads its
 * value from the run's row. The same rule as for changeLogViewSql: this text must never change.
 */
export function changeLogViewWithRowsSql(columnsByTable: PackedColumns): string {
  const fromRows = (entryColumn: string, rowId: string) =>
    Object.keys(columnsByTable).map((table) => {
      const fromRow = columnsByTable[table].map((column) => `WHEN '${column}' THEN t.${column}`).join(' ');
      return `WHEN '${table}' THEN (SELECT CASE ${entryColumn} ${fromRow} END FROM ${table} t WHERE t.id = ${rowId})`;
    });
  return `CREATE VIEW change_log (timestamp, tbl, row_id, col, value, base) AS
  SELECT timestamp, tbl, row_id, col, value, base FROM change_fields
  UNION ALL
  SELECT ${timestampOfEntry}, p.tbl, p.row_id, ${columnOfEntry},
    CASE WHEN json_array_length(f.value) > 2 THEN ${valueOfEntry} ELSE CASE p.tbl
    ${fromRows(columnOfEntry, 'p.row_id').join('\n    ')}
    END END, NULL
  FROM change_packs p, json_each(p.fields) f
  WHERE p.row_id <> ''
  UNION ALL
  SELECT ${timestampOfItem}, p.tbl, ${rowOfRun}, ${columnOfItem},
    CASE c.type WHEN 'array' THEN json_extract(c.value, '$[1]') ELSE CASE p.tbl
    ${fromRows('c.value', rowOfRun).join('\n    ')}
    END END, NULL
  FROM change_packs p, json_each(p.fields) r,
    json_each(CASE json_array_length(r.value) WHEN 2 THEN json_extract(p.fields, '$[0]') ELSE r.value END) c
  WHERE p.row_id = '' AND r.key > 0 AND c.key >= ${firstItem};`;
}
