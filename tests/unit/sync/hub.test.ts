import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { openSqliteHubStore } from '../../../src-main/hub/hub-store';
import { createHubServer } from '../../../src-main/hub/server';
import { open, seal, syncKeyFromBytes, type SyncKey } from '../../../src-main/sync/crypto';
import { HubPeer } from '../../../src-main/sync/hub-client';
import { syncWith } from '../../../src-main/sync/protocol';
import { makeTempDir } from '../../fixtures/temp-dir';
import { startHub, type HubProcess } from './hub-process';
import { openReplica, syncedState, type TestReplica } from './replica-fixture';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const canary = 'canary-ZQX-7741-never-in-the-clear';

/**
 * Two devices, each with its own data folder, sync through a real hub process. Run once against
 * the hub's SQLite store, and once against PostgreSQL when DATABASE_URL is set (.ci/run sets it).
 * The hub's storage is then read raw and must not contain the planted canary.
 */
function hubSuite(
  kind: 'sqlite' | 'postgres',
  hubEnv: (dir: string) => Record<string, string>,
  rawStorage: (dir: string) => Promise<string>,
) {
  describe(`sync through a hub process (${kind})`, () => {
    let temp: ReturnType<typeof makeTempDir>;
    let hub: HubProcess;
    let key: SyncKey;
    const devices: TestReplica[] = [];

    beforeAll(async () => {
      temp = makeTempDir('cg-hub-');
      hub = await startHub(hubEnv(temp.dir));
      const syncId = randomUUID();
      key = syncKeyFromBytes(syncId, Buffer.alloc(32, 3));
      devices.push(openReplica(join(temp.dir), 1, base, key), openReplica(join(temp.dir), 2, base + 120_000, key));
    });
    afterAll(async () => {
      for (const { db } of devices) db.close();
      await hub.stop();
      temp.cleanup();
    });

    it('answers its health check', async () => {
      const response = await fetch(`${hub.url}/health`);
      expect(await response.json()).toEqual({ ok: true, store: kind });
    });

    it('brings two devices to the same state and the hub never holds the plain text', async () => {
      const [laptop, tablet] = devices;
      laptop.writePath.write([
        { table: 'partners', row: 'p1', values: { name: 'Food Bank', notes: `Met at the fair. ${canary}` } },
      ]);
      tablet.writePath.write([{ table: 'partners', row: 'p2', values: { name: 'Clinic' } }]);
      const laptopHub = new HubPeer(hub.url, key);
      await laptopHub.register(hub.enrolmentKey);
      expect(await syncWith(laptop.replica, laptopHub)).toMatchObject({ inSync: true, sent: 2 });
      const tabletHub = new HubPeer(hub.url, key);
      await tabletHub.register();
      expect(await syncWith(tablet.replica, tabletHub)).toMatchObject({ inSync: true, added: 2, sent: 1 });
      expect(await syncWith(laptop.replica, laptopHub)).toMatchObject({ inSync: true, added: 1 });
      expect(syncedState(laptop.db)).toEqual(syncedState(tablet.db));
      expect(await laptopHub.merkle()).toEqual(laptop.replica.merkle());
      const raw = await rawStorage(temp.dir);
      expect(raw.length).toBeGreaterThan(0);
      expect(raw).toContain(laptop.replica.sealedAfter('', 1).messages[0].timestamp);
      expect(raw).not.toContain(canary);
      expect(raw).not.toContain('Food Bank');
    });

    it('refuses a device with another passphrase, and requests without a token', async () => {
      const stranger = new HubPeer(hub.url, syncKeyFromBytes(key.syncId, Buffer.alloc(32, 4)));
      const error = await stranger.register().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('wrong_passphrase');
      const bare = await fetch(`${hub.url}/v1/initiatives/${key.syncId}/merkle`);
      expect(bare.status).toBe(401);
    });

    it('refuses an oversized body and malformed messages', async () => {
      const url = `${hub.url}/v1/initiatives/${key.syncId}/messages`;
      const headers = { Authorization: `Bearer ${key.accessToken}`, 'Content-Type': 'application/json' };
      const big = await fetch(url, { method: 'POST', headers, body: 'x'.repeat(300_000) });
      expect(big.status).toBe(413);
      const bad = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ messages: [{ timestamp: 'yesterday', payload: 'AAAA' }] }),
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: 'message 0: bad timestamp' });
    });

    it('blanks erased words in place for a token holder only, keeping its trie, and a new device gets none', async () => {
      const [laptop, tablet] = devices;
      const words = `erased-${canary}`;
      const laptopHub = new HubPeer(hub.url, key);
      laptop.writePath.write([{ table: 'voice_notes', row: 'n1', values: { text: words } }]);
      await syncWith(laptop.replica, laptopHub);
      const opened = async () => {
        const { messages } = await laptopHub.pull('', 5000);
        return JSON.stringify(messages.map((message) => open(key, message)));
      };
      expect(await opened()).toContain(words);

      laptop.writePath.write([{ table: 'voice_notes', row: 'n1', values: { text: null } }]);
      await syncWith(laptop.replica, laptopHub);
      const trie = await laptopHub.merkle();
      const stranger = new HubPeer(hub.url, syncKeyFromBytes(key.syncId, Buffer.alloc(32, 4)));
      const refused = await stranger.erase([]).catch((e: unknown) => e);
      expect((refused as AppError).code).toBe('wrong_passphrase');
      expect(await opened()).toContain(words);

      expect(await laptop.replica.sendErasures([laptopHub])).toBe(1);
      expect(await opened()).not.toContain(words);
      expect(await laptopHub.merkle()).toEqual(trie);
      expect(await laptopHub.merkle()).toEqual(laptop.replica.merkle());
      // A timestamp the hub does not hold is left alone: nothing is added behind the trie's back.
      const unknown = seal(key, {
        timestamp: '2030-01-01T00:00:00.000Z-0000-00000000000000ff',
        table: 'voice_notes',
        row: 'n9',
        column: 'text',
        value: null,
      });
      expect(await laptopHub.erase([unknown])).toEqual({ erased: 0 });
      expect(await laptopHub.merkle()).toEqual(trie);

      expect(await syncWith(tablet.replica, new HubPeer(hub.url, key))).toMatchObject({ inSync: true });
      expect(JSON.stringify(syncedState(tablet.db))).not.toContain(words);
      expect(syncedState(tablet.db)).toEqual(syncedState(laptop.db));
    });
  });
}

hubSuite(
  'sqlite',
  (dir) => ({ DATABASE_URL: '', HUB_DB: join(dir, 'hub', 'hub.sqlite'), HUB_MAX_BODY_BYTES: String(256 * 1024) }),
  (dir) => {
    const folder = join(dir, 'hub');
    return Promise.resolve(
      readdirSync(folder)
        .map((name) => readFileSync(join(folder, name)).toString('latin1'))
        .join('\n'),
    );
  },
);

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  hubSuite(
    'postgres',
    () => ({ DATABASE_URL: databaseUrl, HUB_MAX_BODY_BYTES: String(256 * 1024) }),
    async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const tables = ['hub_initiatives', 'hub_messages', 'hub_merkle'];
        const dumps = await Promise.all(
          tables.map((table) =>
            client.query<{ dump: string }>(`SELECT coalesce(string_agg(t::text, '\n'), '') AS dump FROM ${table} t`),
          ),
        );
        return dumps.map((result) => result.rows[0].dump).join('\n');
      } finally {
        await client.end();
      }
    },
  );
} else {
  describe.skip('sync through a hub process (postgres): set DATABASE_URL (see .ci/start-postgres.sh)', () => {
    it('needs PostgreSQL', () => {});
  });
}

describe('hub rate limit', () => {
  it('answers 429 past the per-minute budget of a client, and serves again in the next minute', async () => {
    const temp = makeTempDir('cg-hub-rate-');
    let now = Date.parse('2026-11-23T09:00:00.000Z');
    const store = openSqliteHubStore(join(temp.dir, 'hub.sqlite'));
    const server = createHubServer({ store, requestsPerMinute: 3, now: () => now });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`http://127.0.0.1:${port}/health`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      now += 60_000;
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      temp.cleanup();
    }
  });
});
