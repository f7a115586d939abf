import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../src-main/store/change-log';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { latestVersion, migrations } from '../../../src-main/store/migrations/index';
import { WritePath } from '../../../src-main/store/write-path';
import { syncWith } from '../../../src-main/sync/protocol';
import { LocalReplica } from '../../../src-main/sync/replica';
import { makeTempDir } from '../../fixtures/temp-dir';
import { teamKey } from '../sync/replica-fixture';
import { dumpTable, type Row } from './db-dump';

const oldNode = '00000000000000a1';
const peerNode = '00000000000000b2';
const base = Date.parse('2026-11-23T09:00:00.000Z');

/** A file as the app left it before migration 0190: every message one row of the change_log table. */
function writeOldFile(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    const before = migrations.filter((step) => step.version < 190);
    db.transaction(() => {
      for (const migration of before) db.exec(migration.sql);
      db.pragma(`user_version = ${before.at(-1)!.version}`);
    })();
    // On such a file the write path writes exactly what the old one did: one log row per field.
    let now = base;
    const writePath = new WritePath(db, oldNode, { now: () => now++ });
    writePath.write([
      { table: 'partners', row: 'p1', values: { name: 'Food Bank', kind: 'organisation', notes: 'Pantry hours' } },
      { table: 'partners', row: 'p2', values: { name: 'Clinic', kind: 'organisation', tombstone: 0 } },
    ]);
    writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank North', notes: 'Open Fridays' } }]);
    // Another device's edit, received: a second writer in the old log.
    writePath.receive([
      {
        timestamp: `2026-11-23T09:00:00.100Z-0000-${peerNode}`,
        table: 'partners',
        row: 'p3',
        column: 'name',
        value: 'Library',
      },
    ]);
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'change_log'").pluck().get()).toBe('table');
  } finally {
    db.close();
  }
}

function state(db: Db): Record<string, Row[]> {
  return {
    partners: dumpTable(db, 'partners'),
    merkle: dumpTable(db, 'merkle'),
    conflict_copies: dumpTable(db, 'conflict_copies'),
  };
}

describe('the change log kept in packs (migration 190)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('migrates a file written by the old code: same tables, same trie, same messages', () => {
    const path = join(temp.dir, 'old.sqlite');
    writeOldFile(path);
    const old = new Database(path, { readonly: true });
    const before = state(old);
    const oldLog = dumpTable(old, 'change_log');
    old.close();
    expect(oldLog).toHaveLength(9);

    const db = openDatabase(path);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(state(db)).toEqual(before);
      // The old rows are kept as they were, and read back as the same messages.
      expect(dumpTable(db, 'change_log')).toEqual(oldLog);
      expect(dumpTable(db, 'change_fields')).toEqual(oldLog);
      const log = new ChangeLog(db);
      expect(log.after('', 100).map((message) => message.timestamp)).toEqual(oldLog.map((row) => row.timestamp).sort());
      expect(log.countAfter('')).toBe(9);
      expect(log.newest()).toBe(`2026-11-23T09:00:00.100Z-0000-${peerNode}`);
    } finally {
      db.close();
    }
  });

  it('lets a migrated replica and a fresh one exchange messages both ways and converge', async () => {
    const path = join(temp.dir, 'old.sqlite');
    writeOldFile(path);
    const oldDb = openDatabase(path);
    const freshDb = openDatabase(join(temp.dir, 'fresh.sqlite'), { create: true });
    try {
      const oldWrites = new WritePath(oldDb, oldNode, { now: () => base + 60_000 });
      const freshWrites = new WritePath(freshDb, '00000000000000c3', { now: () => base + 120_000 });
      const oldSide = new LocalReplica(oldDb, oldWrites, teamKey);
      const freshSide = new LocalReplica(freshDb, freshWrites, teamKey);
      // New edits on both sides after the migration: these go into packs, the old ones stay rows.
      oldWrites.write([{ table: 'partners', row: 'p2', values: { name: 'Clinic East', sector: 'health' } }]);
      freshWrites.write([
        { table: 'partners', row: 'p4', values: { name: 'Youth Club', kind: 'organisation', notes: 'Evenings' } },
        { table: 'partners', row: 'p1', values: { kind: 'network' } },
      ]);
      expect(oldDb.prepare('SELECT count(*) FROM change_packs').pluck().get()).toBe(1);
      expect(freshDb.prepare('SELECT count(*) FROM change_packs').pluck().get()).toBe(2);

      const first = await syncWith(freshSide, oldSide.asPeer(), { pageSize: 3 });
      expect(first.inSync).toBe(true);
      const again = await syncWith(oldSide, freshSide.asPeer(), { pageSize: 3 });
      expect(again.inSync).toBe(true);
      expect(again.added).toBe(0);

      expect(state(freshDb)).toEqual(state(oldDb));
      expect(dumpTable(freshDb, 'change_log')).toEqual(dumpTable(oldDb, 'change_log'));
      expect(dumpTable(freshDb, 'change_log')).toHaveLength(9 + 2 + 4);
      const names = freshDb.prepare('SELECT id, name, kind FROM partners ORDER BY id').all();
      expect(names).toEqual([
        { id: 'p1', name: 'Food Bank North', kind: 'network' },
        { id: 'p2', name: 'Clinic East', kind: 'organisation' },
        { id: 'p3', name: 'Library', kind: null },
        { id: 'p4', name: 'Youth Club', kind: 'organisation' },
      ]);
      // Our own messages coming back are recognised in the packs, not logged twice.
      const echo = oldWrites.receive(new ChangeLog(oldDb).after('', 100));
      expect(echo).toMatchObject({ added: 0, duplicates: 15 });
      expect(dumpTable(oldDb, 'merkle')).toEqual(dumpTable(freshDb, 'merkle'));
    } finally {
      oldDb.close();
      freshDb.close();
    }
  });
});
