import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { migrate, openDatabase, openMemoryDatabase, type Db } from '../../../src-main/store/connection';
import { latestVersion, migrations } from '../../../src-main/store/migrations/index';
import { domainTables } from '../../../src-main/store/schema';
import { WritePath } from '../../../src-main/store/write-path';
import { makeTempDir } from '../../fixtures/temp-dir';
import { sha256File } from './db-dump';

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

const sqlType = { text: 'TEXT', flag: 'INTEGER', integer: 'INTEGER', real: 'REAL' } as const;

function columns(db: Db, table: string): Map<string, ColumnInfo> {
  const info = db.pragma(`table_info(${table})`) as ColumnInfo[];
  return new Map(info.map((column) => [column.name, column]));
}

function refusal(open: () => unknown): AppError {
  try {
    open();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected the database to be refused');
}

describe('migrations on an in-memory database', () => {
  let db: Db;
  beforeEach(() => {
    db = openMemoryDatabase();
  });
  afterEach(() => db.close());

  // Steps of 10; a 5 between two tens is for a migration written beside parallel work.
  it('are numbered in steps of 10 (or 5), oldest first, and end at latestVersion', () => {
    expect(migrations.length).toBeGreaterThan(0);
    migrations.forEach((migration, index) => {
      expect(migration.version % 5).toBe(0);
      if (index > 0) expect(migration.version).toBeGreaterThan(migrations[index - 1].version);
    });
    expect(latestVersion).toBe(migrations[migrations.length - 1].version);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
  });

  it('create every domain table and column the schema registry names, with id and _clock', () => {
    for (const [table, registry] of Object.entries(domainTables)) {
      const actual = columns(db, table);
      expect(actual.size, `table ${table} exists`).toBeGreaterThan(0);
      expect(actual.get('id')).toMatchObject({ type: 'TEXT', pk: 1, notnull: 1 });
      expect(actual.get('_clock')).toMatchObject({ type: 'TEXT', notnull: 1, dflt_value: "'{}'" });
      for (const [column, type] of Object.entries(registry)) {
        expect(actual.get(column)?.type, `${table}.${column}`).toBe(sqlType[type]);
      }
      expect(actual.get('tombstone')).toMatchObject({ notnull: 1, dflt_value: '0' });
      // Nothing in the table that the write path cannot reach.
      expect([...actual.keys()].sort()).toEqual(['id', '_clock', ...Object.keys(registry)].sort());
    }
  });

  it('create the change log, merkle and sync state tables', () => {
    const message = ['timestamp', 'tbl', 'row_id', 'col', 'value', 'base'];
    // change_log is a view of packs and single messages since migration 0190, one row per message.
    expect([...columns(db, 'change_log').keys()]).toEqual(message);
    expect([...columns(db, 'change_fields').keys()]).toEqual(message);
    expect(columns(db, 'change_fields').get('value')?.type).toBe('');
    expect([...columns(db, 'change_packs').keys()]).toEqual(['first', 'last', 'tbl', 'row_id', 'fields']);
    expect([...columns(db, 'merkle').keys()]).toEqual(['node', 'hash']);
    expect([...columns(db, 'sync_state').keys()]).toEqual(['key', 'value']);
  });

  it('list partners through partners_by_name without a full scan or full sort', () => {
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT id, name, kind, sector FROM partners WHERE tombstone = 0 ORDER BY name COLLATE NOCASE, id',
      )
      .all() as { detail: string }[];
    const details = plan.map((step) => step.detail);
    expect(details.some((detail) => detail.includes('USING INDEX partners_by_name'))).toBe(true);
    expect(details.some((detail) => /^SCAN partners\b/.test(detail))).toBe(false);
    expect(details).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('do nothing when run again', () => {
    const schema = () => db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const before = schema();
    migrate(db);
    expect(schema()).toEqual(before);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
  });

  it('refuse a database from a newer app', () => {
    const newer = new Database(':memory:');
    newer.pragma(`user_version = ${latestVersion + 10}`);
    expect(refusal(() => migrate(newer)).code).toBe('db_too_new');
    expect(newer.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
    newer.close();
  });
});

describe('openDatabase on files', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  /** A real initiative file with enough partners to fill several pages, closed and checkpointed. */
  function writeRealDatabase(name: string): string {
    const path = join(temp.dir, name);
    const db = openDatabase(path, { create: true });
    const writePath = new WritePath(db, '00000000000000aa');
    const rows = Array.from({ length: 200 }, (_, i) => ({
      table: 'partners' as const,
      row: `partner-${String(i).padStart(3, '0')}`,
      values: { name: `Partner ${i} ${'x'.repeat(200)}`, kind: 'organisation', sector: 'health', tombstone: 0 },
    }));
    writePath.write(rows);
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    return path;
  }

  it('opens a valid file with WAL, synchronous NORMAL and foreign keys on', () => {
    const path = writeRealDatabase('ok.sqlite');
    const db = openDatabase(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(200);
    } finally {
      db.close();
    }
  });

  it('creates and migrates a new file only when asked', () => {
    const path = join(temp.dir, 'new.sqlite');
    expect(refusal(() => openDatabase(path)).code).toBe('db_damaged');
    expect(existsSync(path)).toBe(false);
    const db = openDatabase(path, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a file from a newer app and leaves its bytes unchanged', () => {
    const path = writeRealDatabase('newer.sqlite');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion + 10}`);
    raw.close();
    const before = sha256File(path);
    const error = refusal(() => openDatabase(path));
    expect(error.code).toBe('db_too_new');
    expect(error.message).toContain(String(latestVersion + 10));
    expect(sha256File(path)).toBe(before);
  });

  it('refuses a file of random bytes and leaves it unchanged', () => {
    const path = join(temp.dir, 'random.sqlite');
    writeFileSync(path, randomBytes(16_384));
    const before = sha256File(path);
    expect(refusal(() => openDatabase(path)).code).toBe('db_damaged');
    expect(sha256File(path)).toBe(before);
  });

  it('refuses a database with damaged pages and leaves it unchanged', () => {
    const path = writeRealDatabase('damaged.sqlite');
    const pageSize = 4096;
    expect(statSync(path).size).toBeGreaterThan(pageSize * 8);
    const fd = openSync(path, 'r+');
    // Page headers of pages 2 and 3 plus a stretch in the middle of the file.
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, pageSize);
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, pageSize * 2);
    writeSync(fd, randomBytes(pageSize), 0, pageSize, pageSize * 5);
    closeSync(fd);
    const before = sha256File(path);
    expect(refusal(() => openDatabase(path)).code).toBe('db_damaged');
    expect(sha256File(path)).toBe(before);
  });

  it('refuses a truncated database and leaves it unchanged', () => {
    const path = writeRealDatabase('truncated.sqlite');
    truncateSync(path, Math.floor(statSync(path).size / 2));
    const before = sha256File(path);
    expect(refusal(() => openDatabase(path)).code).toBe('db_damaged');
    expect(sha256File(path)).toBe(before);
  });
});

describe('migration 60 (voice search facets) on a file written before it', () => {
  it('rebuilds the search index from the notes and tags already there', () => {
    const db = new Database(':memory:');
    try {
      db.transaction(() => {
        for (const migration of migrations.filter((step) => step.version <= 50)) db.exec(migration.sql);
        db.pragma('user_version = 50');
      })();
      const writePath = new WritePath(db, '00000000000000ab');
      const group = '01a20958-f994-7589-b2d8-4c08e329c448';
      const theme = '01a20958-f99d-7768-bbb8-99797e452083';
      const note = '01a20958-f995-740c-8306-5709d5721972';
      writePath.write([
        { table: 'groups', row: group, values: { kind: 'focus_group', name: 'Parents', tombstone: 0 } },
        {
          table: 'voice_notes',
          row: note,
          values: {
            focus_group_id: group,
            kind: 'idea',
            text: 'Évening buses',
            consent: 'anonymous',
            draft: 0,
            tombstone: 0,
          },
        },
        { table: 'note_themes', row: `${note}.${theme}`, values: { note_id: note, theme_id: theme, tombstone: 0 } },
      ]);
      migrate(db);
      const found = (match: string) =>
        db.prepare('SELECT rowid FROM voice_notes_fts WHERE voice_notes_fts MATCH ?').pluck().all(match);
      const rowid = db.prepare('SELECT rowid FROM voice_notes WHERE id = ?').pluck().get(note);
      expect(found('text : ("ev"*)')).toEqual([rowid]);
      expect(found(`text : ("bus"*) AND facets : "t${theme.replaceAll('-', '')}" AND facets : "kidea"`)).toEqual([
        rowid,
      ]);
      expect(found(`facets : "g${group.replaceAll('-', '')}"`)).toEqual([rowid]);
      expect(found('facets : "kquote"')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
