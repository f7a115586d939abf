import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../../../src-main/store/connection';

export type Row = Record<string, unknown>;

/** Every user table's rows in a stable order, for comparing whole databases. */
export function dumpAll(db: Db): Record<string, Row[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump: Record<string, Row[]> = {};
  for (const table of tables) dump[table] = dumpTable(db, table);
  return dump;
}

/** One table's rows ordered by every column, so two equal tables dump identically. */
export function dumpTable(db: Db, table: string): Row[] {
  const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all() as Row[];
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
