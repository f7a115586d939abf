import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { SyncService } from '../../../src-main/sync/sync-service';
import { makeTempDir } from '../../fixtures/temp-dir';
import { startHub, type HubProcess } from './hub-process';

type Progress = NonNullable<SyncStatus['progress']>;

const passphrase = 'saturday pantry volunteers';
const pageSize = 100;

/**
 * Reads sync.status the way the renderer polls it, between every turn of the event loop, while
 * the work runs; the sync itself moves in HTTP round trips, so every page has its turn.
 */
async function watchProgress(service: SyncService, initiativeId: string, work: Promise<unknown>): Promise<Progress[]> {
  let finished = false;
  const settled = work.finally(() => (finished = true));
  const seen: Progress[] = [];
  while (!finished) {
    try {
      const { progress, syncing } = service.status(initiativeId);
      if (progress) {
        expect(syncing).toBe(true);
        seen.push(progress);
      }
    } catch {
      // A join has no file until the hub has said yes: nothing to show yet.
    }
    await new Promise((turn) => setImmediate(turn));
  }
  await settled;
  return seen;
}

function expectRising(seen: Progress[], field: 'received' | 'sent'): void {
  for (let index = 1; index < seen.length; index++) {
    expect(seen[index][field], `${field} at sample ${index}`).toBeGreaterThanOrEqual(seen[index - 1][field]);
  }
}

/** Several thousand messages in pages of 100 through a real hub process, with progress read throughout. */
describe('progress of a long sync', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let hub: HubProcess;

  beforeAll(async () => {
    temp = makeTempDir('cg-sync-progress-');
    hub = await startHub({ DATABASE_URL: '', HUB_DB: join(temp.dir, 'hub.sqlite'), HUB_REQUESTS_PER_MINUTE: '100000' });
  }, 30_000);
  afterAll(async () => {
    await hub.stop();
    temp.cleanup();
  });

  it('rises page by page to the end, sending with a known total and receiving with counts', async () => {
    const laptop = new InitiativeLibrary(join(temp.dir, 'laptop'), { node: '00000000000000a1', backups: false });
    const tablet = new InitiativeLibrary(join(temp.dir, 'tablet'), { node: '00000000000000b2', backups: false });
    try {
      const { id } = laptop.create({
        name: 'Northside Food Network',
        problemStatement: '',
        vision: '',
        populationGoal: '',
        phase: 'assess_readiness',
        defaultLocale: 'en',
      });
      const store = laptop.open(id);
      store.writePath.batch(() => {
        for (let index = 0; index < 600; index++) {
          store.partners.create({ name: `Pantry ${index}`, notes: `Shelf ${index}`, tags: [] });
        }
      });
      const messages = store.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
      expect(messages).toBeGreaterThan(3000);

      const sending = new SyncService(laptop, { pageSize });
      await sending.configure(id, hub.url, passphrase, null, hub.enrolmentKey);
      const pushed = await watchProgress(sending, id, sending.syncNow(id));
      expect(pushed.length).toBeGreaterThan(messages / pageSize / 2);
      expect(new Set(pushed.map((progress) => progress.phase))).toEqual(new Set(['sending']));
      expect(new Set(pushed.map((progress) => progress.total))).toEqual(new Set([messages]));
      expectRising(pushed, 'sent');
      expect(pushed[0].sent).toBeLessThan(messages / 2);
      expect(pushed.at(-1)!.sent).toBe(messages);
      expect(sending.status(id)).toMatchObject({ state: 'ok', syncing: false, progress: null });

      const receiving = new SyncService(tablet, { pageSize });
      const pulled = await watchProgress(receiving, id, receiving.join({ hubUrl: hub.url, syncId: id, passphrase }));
      expect(pulled.length).toBeGreaterThan(messages / pageSize / 2);
      expect(pulled.every((progress) => progress.phase === 'receiving' && progress.total === null)).toBe(true);
      expectRising(pulled, 'received');
      expect(pulled[0].received).toBeLessThan(messages / 2);
      expect(pulled.at(-1)!.received).toBe(messages);
      expect(receiving.status(id)).toMatchObject({ state: 'ok', syncing: false, progress: null, pendingChanges: 0 });
      expect(tablet.open(id).partners.list()).toHaveLength(600);
    } finally {
      laptop.close();
      tablet.close();
    }
  }, 120_000);
});
