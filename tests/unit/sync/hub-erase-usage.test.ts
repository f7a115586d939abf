import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresHubStore } from '../../../src-main/hub/hub-store-pg';
import { openSqliteHubStore, QuotaFullError, type HubStore } from '../../../src-main/hub/hub-store';
import { makeTempDir } from '../../fixtures/temp-dir';

/**
 * An erasure replaces sealed payloads with blank ones of its own; the words then stop counting
 * against the initiative's storage quota, so erasing makes room as it should.
 */
function eraseSuite(kind: string, open: () => Promise<HubStore>) {
  describe(`erasing on the hub's ${kind} store`, () => {
    it('lowers the usage by what the blanked messages no longer hold, and leaves unknown ones alone', async () => {
      const store = await open();
      try {
        const syncId = `erase-usage-${kind}-${Date.now()}`;
        await store.addEnrolmentKey(`key-${syncId}`, { label: 'test', initiatives: 1, quotaBytes: 3_000 });
        expect(await store.enrol(syncId, 'token-hash', `key-${syncId}`)).toBe('created');
        const at = (second: number) => `2026-11-23T09:00:${String(second).padStart(2, '0')}.000Z-0000-00000000000000aa`;
        const words = (second: number) => ({ timestamp: at(second), payload: 'w'.repeat(900) });
        expect(await store.insert(syncId, [words(1), words(2), words(3)], 3_000)).toBe(3);
        // A fourth message would pass the quota: refused whole.
        await expect(store.insert(syncId, [words(4)], 3_000)).rejects.toBeInstanceOf(QuotaFullError);
        const trie = await store.merkle(syncId);

        const blank = (second: number) => ({ timestamp: at(second), payload: 'b'.repeat(40) });
        // The third timestamp is one the hub does not hold: nothing is added for it.
        expect(await store.erase(syncId, [blank(1), blank(2), blank(9)])).toBe(2);
        expect(await store.merkle(syncId)).toEqual(trie);
        const { messages } = await store.after(syncId, '', 10);
        expect(messages.map((message) => message.payload.length)).toEqual([40, 40, 900]);

        // The room the erasure made is there for new messages.
        expect(await store.insert(syncId, [words(4)], 3_000)).toBe(1);
      } finally {
        await store.close();
      }
    });
  });
}

const temp = makeTempDir('cg-hub-erase-');
afterAll(() => temp.cleanup());
eraseSuite('SQLite', () => Promise.resolve(openSqliteHubStore(join(temp.dir, 'hub.sqlite'))));
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) eraseSuite('PostgreSQL', () => openPostgresHubStore(databaseUrl));
else describe.skip('erasing on the hub’s PostgreSQL store (DATABASE_URL not set)', () => it('skipped', () => {}));
