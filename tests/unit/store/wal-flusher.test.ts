import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InitiativeDraft } from '../../../src-main/contract/models';
import { PartnerDraft } from '../../../src-main/contract/partners';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { WalFlusher } from '../../../src-main/store/wal-flusher';
import { makeTempDir } from '../../fixtures/temp-dir';

/** The background flush that puts each commit on the disk after synchronous = NORMAL returned. */
describe('WalFlusher', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('never runs two flushes at once, and covers commits made during one with a single next one', async () => {
    const wal = join(temp.dir, 'x.sqlite-wal');
    writeFileSync(wal, 'committed bytes');
    const flusher = new WalFlusher(wal);
    const order: string[] = [];
    const first = flusher.flush().then(() => order.push('first'));
    const second = flusher.flush().then(() => order.push('second'));
    const third = flusher.flush().then(() => order.push('third'));
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first', 'second', 'third']);
    // The second and third commits share the flush after the first.
    const a = flusher.flush();
    const b = flusher.flush();
    const c = flusher.flush();
    expect(b).toBe(c);
    expect(a).not.toBe(b);
    await flusher.settled();
    await expect(flusher.flush()).resolves.toBeUndefined();
  });

  it('has nothing to do when the -wal file is gone (checkpointed on close)', async () => {
    await expect(new WalFlusher(join(temp.dir, 'none.sqlite-wal')).flush()).resolves.toBeUndefined();
  });

  it('reports a flush that fails instead of pretending it worked', async () => {
    const folder = join(temp.dir, 'a-folder-sqlite-wal');
    mkdirSync(folder);
    await expect(new WalFlusher(folder).flush()).rejects.toThrow();
  });

  it('lets a store say when every commit so far is on the disk, and runs WAL with synchronous = NORMAL', async () => {
    const library = new InitiativeLibrary(join(temp.dir, 'data'), { node: '00000000000000cd', backups: false });
    try {
      const created = library.create(InitiativeDraft.parse({ name: 'Durable' }));
      const store = library.open(created.id);
      expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      store.partners.create(PartnerDraft.parse({ name: 'Riverside Library', kind: 'organisation' }));
      await expect(store.durable()).resolves.toBeUndefined();
    } finally {
      library.close();
    }
  });
});
