import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackgroundCheckpoints } from '../../../src-main/store/background-checkpoints';
import { holdCheckpoints } from '../../../src-main/store/checkpoint-hold';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import { WritePath } from '../../../src-main/store/write-path';
import { makeTempDir } from '../../fixtures/temp-dir';

const node = '00000000000000c7';
const initiativeId = '01900000-0000-7000-8000-0000000000c7';

/** Partners written by one writeMany: about 5,000 pages of -wal, past SQLite's 1,000-page checkpoint mark. */
const batch = 1500;

function writeMany(writePath: WritePath, from = 0): void {
  const filler = 'A partner with a long description. '.repeat(60);
  writePath.write(
    Array.from({ length: batch }, (_, i) => ({
      table: 'partners',
      row: `p${from + i}`,
      values: { name: `Partner ${from + i} ${filler}`, tags: 'x' },
    })),
  );
}

/** How much of the database the file holds: 1 once every committed page is folded into it. */
function folded(db: Db): number {
  const pages =
    (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
  return statSync(db.name).size / pages;
}

/**
 * Checkpoints (folding the -wal file into the database, which syncs it to the disk) run on a
 * thread of their own, never inside a commit on the store's thread (background-checkpoints.ts).
 */
describe('checkpoints off the store’s thread', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let path: string;
  const open: { close(): void }[] = [];
  beforeEach(() => {
    temp = makeTempDir('cg-checkpoints-');
    path = join(temp.dir, 'initiative.sqlite');
  });
  afterEach(() => {
    for (const one of open.splice(0).reverse()) one.close();
    temp.cleanup();
  });

  const openStore = (create = true) => {
    const store = InitiativeStore.open(initiativeId, path, node, { create, checkpointAfterMs: 0 });
    open.push(store);
    return store;
  };

  it('leaves a large commit’s checkpoint to the background thread, which folds it in soon after', async () => {
    const store = openStore();
    writeMany(store.writePath);
    // Inline, SQLite would have folded the -wal file in before the commit returned.
    expect(folded(store.db)).toBeLessThan(0.5);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await store.checkpoints?.idle();
    expect(folded(store.db)).toBe(1);
    // The -wal file is reused from its start by the next commit, so it does not grow without end.
    const walSize = statSync(`${path}-wal`).size;
    writeMany(store.writePath, batch);
    await store.checkpoints?.idle();
    expect(folded(store.db)).toBe(1);
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(walSize * 1.2);
  });

  it('closes the checkpoint thread’s connection with the store, even in the middle of a checkpoint', async () => {
    const store = openStore();
    writeMany(store.writePath);
    writeMany(store.writePath, batch);
    const before = statSync(path).size;
    // Waits (bounded) until the checkpoint has begun writing into the database file.
    await expect
      .poll(() => statSync(path).size > before || folded(store.db) === 1, { interval: 1, timeout: 10_000 })
      .toBe(true);
    store.close();
    // The store's connection was the last one open: SQLite folded the rest in and removed the -wal file.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
    const again = openStore(false);
    expect(again.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(again.db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(2 * batch);
  });

  it('lets the file be replaced and reopened cleanly right after close', async () => {
    const other = join(temp.dir, 'other.sqlite');
    const first = InitiativeStore.open(initiativeId, other, node, { create: true, checkpointAfterMs: 0 });
    writeMany(first.writePath, 0);
    first.close();
    const store = openStore();
    writeMany(store.writePath);
    await store.checkpoints?.idle();
    writeMany(store.writePath, batch);
    store.close();
    // As a restore does: the file goes aside and another takes its place.
    renameSync(path, join(temp.dir, 'before-restore.sqlite'));
    renameSync(other, path);
    for (const suffix of ['-wal', '-shm']) expect(existsSync(`${path}${suffix}`)).toBe(false);
    const restored = openStore(false);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(restored.db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(batch);
  });

  it('leaves no connection open whenever the store closes: before the thread starts, while it starts, when idle', async () => {
    const moments: (() => Promise<unknown>)[] = [
      async () => {},
      // The checkpoint's timer has fired: the thread was just asked to start.
      () => new Promise((resolve) => setTimeout(resolve, 0)),
      async () => {},
    ];
    for (const [index, moment] of moments.entries()) {
      const store = openStore(index === 0);
      store.writePath.write([{ table: 'partners', row: `q${index}`, values: { name: `Partner ${index}` } }]);
      if (index === 2) await store.checkpoints?.idle();
      await moment();
      store.close();
      for (const suffix of ['-wal', '-shm']) expect(existsSync(`${path}${suffix}`)).toBe(false);
    }
    const again = openStore(false);
    expect(again.db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(3);
  });

  it('starts no checkpoint while a hold lasts, and folds the -wal file in once at its release', async () => {
    const store = openStore();
    const release = holdCheckpoints(store.db);
    writeMany(store.writePath);
    await store.checkpoints?.idle();
    expect(folded(store.db)).toBeLessThan(0.5);
    writeMany(store.writePath, batch);
    await store.checkpoints?.idle();
    expect(folded(store.db)).toBeLessThan(0.5);
    release();
    // The release hands the checkpoint to the thread too: the store's setting stays "none".
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(folded(store.db)).toBeLessThan(0.5);
    await store.checkpoints?.idle();
    expect(folded(store.db)).toBe(1);
  });

  it('checkpoints on the store’s thread as before when the checkpoint thread cannot start', async () => {
    const db = openDatabase(path, { create: true });
    open.push(db);
    // A native module that is not there: the thread fails to open the file.
    const checkpoints = new BackgroundCheckpoints(db, {
      nativeBinding: join(temp.dir, 'missing', 'better_sqlite3.node'),
      afterMs: 0,
    });
    open.push(checkpoints);
    const writePath = new WritePath(db, node, { onCommit: () => checkpoints.committed() });
    writeMany(writePath);
    await checkpoints.idle();
    expect(checkpoints.fellBack).toBe(true);
    // What was committed before it failed is folded in, and SQLite's own checkpoint is back on.
    expect(folded(db)).toBe(1);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    writeMany(writePath, batch);
    expect(folded(db)).toBe(1);
  });

  it('changes nothing for a database in memory', () => {
    const store = InitiativeStore.open(initiativeId, ':memory:', node, { create: true });
    open.push(store);
    expect(store.checkpoints).toBeNull();
  });
});
