import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../src-main/store/change-log';
import type { Committed } from '../../../src-main/store/committed';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { migrations } from '../../../src-main/store/migrations/index';
import { WritePath, type RowChange } from '../../../src-main/store/write-path';
import { makeTempDir } from '../../fixtures/temp-dir';
import { dumpTable } from './db-dump';

const node = '00000000000000d4';
const base = Date.parse('2026-11-23T09:00:00.000Z');

/** A file before migration 0190: there every field is its own log row, written by the full path. */
function fileBeforePacks(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  const before = migrations.filter((step) => step.version < 190);
  db.transaction(() => {
    for (const migration of before) db.exec(migration.sql);
    db.pragma(`user_version = ${before.at(-1)!.version}`);
  })();
  return db;
}

const reading = (row: string, value: number, count: number | null): RowChange => ({
  table: 'readings',
  row,
  values: { value, group_count: count, tombstone: 0, indicator_id: 'i1', period: '2026-03', categories: '["c1"]' },
});

/** Writes that take the quick path on a current file: every field is a short one. */
const writes: RowChange[][] = [
  [reading('i1.2026-03.a', 12.5, 40), reading('i1.2026-03.b', -3, null)],
  // The same row twice in one write, with other columns in between: the later stamps win.
  [
    { table: 'partners', row: 'p1', values: { name: 'Food Bank', kind: 'organisation', tombstone: 0 } },
    reading('i1.2026-03.a', 13, 41),
    { table: 'partners', row: 'p1', values: { kind: 'network', name: 'Food Bank North' } },
  ],
  // Many rows of one shape, one of them twice.
  [
    ...Array.from({ length: 120 }, (_, i) => reading(`i1.2026-05.r${String(i).padStart(3, '0')}`, i, i)),
    reading('i1.2026-05.r007', 70, 7),
    ...Array.from({ length: 30 }, (_, i) => reading(`i1.2026-06.r${i}`, i / 3, null)),
  ],
  // A row whose fields run past the clock's counter (set just below it): they span two milliseconds.
  [reading('i1.2026-04.c', 7, 10), { table: 'partners', row: 'p2', values: { name: 'Clinic "East"\nline' } }],
];

function run(db: Db): { committed: Committed[]; returned: unknown[] } {
  const committed: Committed[] = [];
  const writePath = new WritePath(db, node, { now: () => base, onCommit: (done) => committed.push(done) });
  const returned: unknown[] = [];
  returned.push(writePath.write(writes[0]));
  returned.push(writePath.write(writes[1]));
  returned.push(writePath.write(writes[2]));
  db.prepare("UPDATE sync_state SET value = ? WHERE key = 'clock'").run(`2026-11-23T09:00:00.000Z-fffd-${node}`);
  returned.push(writePath.write(writes[3]));
  return { committed, returned };
}

function state(db: Db) {
  return {
    partners: dumpTable(db, 'partners'),
    readings: dumpTable(db, 'readings'),
    merkle: dumpTable(db, 'merkle'),
    clock: db.prepare("SELECT value FROM sync_state WHERE key = 'clock'").pluck().get(),
    log: db.prepare('SELECT timestamp, tbl, row_id, col, value, base FROM change_log ORDER BY timestamp').all(),
  };
}

describe('local writes whose fields all go into packs (the quick path)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('leave the same rows, row clocks, trie and messages as the one-row-per-field path', () => {
    const old = fileBeforePacks(join(temp.dir, 'per-field.sqlite'));
    const current = openDatabase(join(temp.dir, 'packed.sqlite'), { create: true });
    try {
      const reference = run(old);
      const quick = run(current);
      expect(new ChangeLog(old).packed).toBe(false);
      expect(current.prepare('SELECT count(*) FROM change_fields').pluck().get()).toBe(0);
      // Packs of several rows (migration 0220): one per shape of row change in a row of changes,
      // cut past 250 fields, at a row about to be overwritten and at a millisecond's end: 1; 3
      // (partners, readings, partners); 4 (252, 252, 222 fields up to the repeated row, 180); and 3
      // (two milliseconds, then partners).
      expect(current.prepare('SELECT count(*) FROM change_packs').pluck().get()).toBe(1 + 3 + 4 + 3);
      expect(state(current)).toEqual(state(old));
      expect(quick.returned).toEqual(reference.returned);
      // Listeners hear the same messages and tables, made from the packs when asked.
      expect(quick.committed.map((done) => [...done.tables].sort())).toEqual([
        ['readings'],
        ['partners', 'readings'],
        ['readings'],
        ['partners', 'readings'],
      ]);
      expect(quick.committed.map((done) => done.messages())).toEqual(reference.returned);
      expect(quick.committed.map((done) => done.count)).toEqual([12, 11, 151 * 6, 7]);
      expect(new ChangeLog(current).after('', 10_000)).toEqual(reference.returned.flat());
    } finally {
      old.close();
      current.close();
    }
  });
});
