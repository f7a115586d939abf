import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * Domain columns are nullable on purpose: sync may deliver a row's fields in any order, so a row
 * can exist with only some of them. Repositories supply defaults when reading.
 * change_log.value has no declared type so SQLite keeps each value exactly as sent.
 */
export const initial: Migration = {
  version: 10,
  name: 'initial',
  sql: `
    CREATE TABLE initiative (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT, problem_statement TEXT, vision TEXT, population_goal TEXT,
      phase TEXT, default_locale TEXT,
      ${domainColumns}
    );
    CREATE TABLE partners (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT, kind TEXT, sector TEXT,
      ${domainColumns}
    );
    CREATE INDEX partners_by_name ON partners (tombstone, name COLLATE NOCASE);
    CREATE TABLE change_log (
      timestamp TEXT PRIMARY KEY NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value
    ) WITHOUT ROWID;
    CREATE TABLE merkle (node TEXT PRIMARY KEY NOT NULL, hash INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
  `,
};
