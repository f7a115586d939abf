import Database from 'better-sqlite3';
import { migrations } from './migrations/index';
import type { Db } from './connection';

/**
 * A database file carries its own schema, and SQLite runs whatever that schema says: a view or a
 * trigger in a received file is code. A file whose `shared_voice_notes` view was rewritten to
 * return internal-only notes would pass every integrity check and quietly turn consent off. So no
 * file's schema is trusted: every table, index, view and trigger in `sqlite_schema` must be the one
 * the app's own migrations make for the file's version, or the file is refused.
 */

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** Shadow tables SQLite makes for itself: their text is SQLite's, so only their kind is compared. */
const sqliteOwnTables = new Map([
  ['sqlite_sequence', 'CREATE TABLE sqlite_sequence(name,seq)'],
  ['sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)'],
  ['sqlite_stat4', 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'],
]);

const expectedByVersion = new Map<number, Map<string, SchemaRow>>();

/** Whitespace runs count as one space, so an edit of indentation in a migration changes nothing. */
function normalised(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').trim();
}

function rowsOf(db: Db): Map<string, SchemaRow> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema').all() as SchemaRow[];
  return new Map(rows.map((row) => [row.name, row]));
}

/** What the migrations up to `version` make, built once per version in a scratch database. */
function expectedSchema(version: number, nativeBinding?: string): Map<string, SchemaRow> | null {
  if (version !== 0 && !migrations.some((migration) => migration.version === version)) return null;
  const cached = expectedByVersion.get(version);
  if (cached) return cached;
  const scratch = new Database(':memory:', { nativeBinding });
  try {
    for (const migration of migrations.filter((step) => step.version <= version)) scratch.exec(migration.sql);
    const rows = rowsOf(scratch);
    expectedByVersion.set(version, rows);
    return rows;
  } finally {
    scratch.close();
  }
}

/**
 * The tables a virtual table keeps its data in (`voice_notes_fts_data`...). SQLite writes their
 * text, and it may change between SQLite versions; they hold data, not code, so only their kind is
 * compared. Views, triggers, indexes and our own tables are compared word for word.
 */
function isShadowOf(name: string, expected: Map<string, SchemaRow>): boolean {
  for (const row of expected.values()) {
    if (row.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(row.sql ?? '') && name.startsWith(`${row.name}_`)) {
      return true;
    }
  }
  return false;
}

/**
 * Null when the file's schema is exactly what the app makes for `version`; otherwise a short,
 * plain account of the first differences (for the log; people see a translated message).
 */
export function schemaDifference(db: Db, version: number, nativeBinding?: string): string | null {
  const expected = expectedSchema(version, nativeBinding);
  if (!expected) return `data version ${version} is not one this app ever made`;
  const actual = rowsOf(db);
  const problems: string[] = [];
  for (const [name, row] of actual) {
    const want = expected.get(name);
    const own = sqliteOwnTables.get(name);
    if (own !== undefined) {
      if (row.type !== 'table' || normalised(row.sql) !== own) problems.push(`${name} was altered`);
    } else if (!want) {
      problems.push(`unexpected ${row.type} ${name}`);
    } else if (row.type !== want.type || row.tbl_name !== want.tbl_name) {
      problems.push(`${name} is a ${row.type}, not a ${want.type}`);
    } else if (!isShadowOf(name, expected) && normalised(row.sql) !== normalised(want.sql)) {
      problems.push(`${row.type} ${name} differs`);
    }
  }
  for (const [name, want] of expected) {
    if (!actual.has(name)) problems.push(`missing ${want.type} ${name}`);
  }
  return problems.length === 0 ? null : problems.slice(0, 3).join('; ');
}
