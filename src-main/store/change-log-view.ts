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
