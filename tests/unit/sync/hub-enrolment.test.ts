import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { openSqliteHubStore, QuotaFullError } from '../../../src-main/hub/hub-store';
import type { SealedMessage } from '../../../src-main/sync/crypto';
import { syncKeyFromBytes, type SyncKey } from '../../../src-main/sync/crypto';
import { HubPeer } from '../../../src-main/sync/hub-client';
import { makeTempDir } from '../../fixtures/temp-dir';
import { enrolOnHub, startHub, type HubProcess } from './hub-process';

/** What the hub refused with, as the app names it. */
async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.code;
}

const teamKey = (syncId: string, fill = 1): SyncKey => syncKeyFromBytes(syncId, Buffer.alloc(32, fill));

/** Sealed-looking messages of about `size` bytes each, at distinct minutes from `first`. */
function messages(first: number, count: number, size = 1000): SealedMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: `${new Date(Date.parse('2026-11-23T09:00:00.000Z') + (first + i) * 60_000).toISOString()}-0000-00000000000000a1`,
    payload: 'A'.repeat(size),
  }));
}

/** A hub that stores 4 KB per initiative unless an enrolment key says otherwise. */
function enrolmentSuite(kind: 'sqlite' | 'postgres', hubEnv: (dir: string) => Record<string, string>) {
  describe(`registering initiatives on a hub process (${kind})`, () => {
    let temp: ReturnType<typeof makeTempDir>;
    let env: Record<string, string>;
    let hub: HubProcess;

    beforeAll(async () => {
      temp = makeTempDir('cg-hub-enrol-');
      env = { ...hubEnv(temp.dir), HUB_QUOTA_MB: String(4 / 1024) };
      hub = await startHub(env);
    }, 30_000);
    afterAll(async () => {
      await hub.stop();
      temp.cleanup();
    });

    it('takes a new initiative only with an enrolment key it issued', async () => {
      const key = teamKey(randomUUID());
      const team = new HubPeer(hub.url, key);
      expect(await refusal(team.register())).toBe('enrolment_key_needed');
      expect(await refusal(team.register('ABCDE-FGHJK-MNPQR-STVWX-YZ012'))).toBe('enrolment_key_wrong');
      expect(await refusal(team.register('not a key'))).toBe('enrolment_key_wrong');
      // Nothing was registered by those: the id is still unknown to the hub.
      expect((await fetch(`${hub.url}/v1/initiatives/${key.syncId}/merkle`, { headers: bearer(key) })).status).toBe(
        404,
      );

      // Typed as a person would: small letters, spaces for dashes.
      await team.register(hub.enrolmentKey.toLowerCase().replaceAll('-', ' '));
      expect(await team.push(messages(0, 2))).toEqual({ added: 2 });
      // The team's other computers need no key: the hub knows the initiative and its token.
      await new HubPeer(hub.url, key).register();
    });

    it('spends a key issued for one initiative on the first one, and lists what is left', async () => {
      const single = await enrolOnHub(env, ['--label', 'Eastside team']);
      await new HubPeer(hub.url, teamKey(randomUUID())).register(single);
      expect(await refusal(new HubPeer(hub.url, teamKey(randomUUID())).register(single))).toBe('enrolment_key_used');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'src-main/hub/cli.ts', 'keys'],
        { env: { ...process.env, ...env } },
      );
      const keys = stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { label: string; initiatives: number });
      expect(keys).toContainEqual(expect.objectContaining({ label: 'Eastside team', initiatives: 0 }));
      expect(stdout).not.toContain(single.replaceAll('-', ''));
    });

    it('does not let anyone claim a sync id the team holds, even with a key of their own', async () => {
      const syncId = randomUUID();
      const team = new HubPeer(hub.url, teamKey(syncId));
      await team.register(hub.enrolmentKey);
      const stranger = new HubPeer(hub.url, teamKey(syncId, 9));
      const theirKey = await enrolOnHub(env);
      expect(await refusal(stranger.register(theirKey))).toBe('sync_id_taken');
      expect(await refusal(stranger.register())).toBe('wrong_passphrase');
      expect(await refusal(stranger.push(messages(0, 1)))).toBe('wrong_passphrase');
      // Their key was not spent on the refusal, and the team syncs on.
      await new HubPeer(hub.url, teamKey(randomUUID(), 9)).register(theirKey);
      expect(await team.push(messages(0, 1))).toEqual({ added: 1 });
    });

    it('refuses a push past the quota, storing none of it, and still takes repeats', async () => {
      const team = new HubPeer(hub.url, teamKey(randomUUID()));
      await team.register(hub.enrolmentKey);
      expect(await team.push(messages(0, 3))).toEqual({ added: 3 });
      const before = await team.merkle();
      // 3 + 2 messages of about 1 KB are past 4 KB: the push is refused whole.
      expect(await refusal(team.push(messages(3, 2)))).toBe('hub_quota_full');
      expect(await team.merkle()).toEqual(before);
      expect((await team.pull('', 100)).messages).toHaveLength(3);
      // What the hub already holds costs nothing again, so a full initiative still syncs down.
      expect(await team.push(messages(0, 3))).toEqual({ added: 0 });

      // A key with its own quota gives its initiatives that much room instead.
      const roomy = new HubPeer(hub.url, teamKey(randomUUID()));
      await roomy.register(await enrolOnHub(env, ['--quota-mb', String(8 / 1024)]));
      expect(await roomy.push(messages(0, 6))).toEqual({ added: 6 });
      expect(await refusal(roomy.push(messages(6, 3)))).toBe('hub_quota_full');
    });
  });
}

function bearer(key: SyncKey): Record<string, string> {
  return { Authorization: `Bearer ${key.accessToken}` };
}

enrolmentSuite('sqlite', (dir) => ({ DATABASE_URL: '', HUB_DB: join(dir, 'hub.sqlite') }));

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) enrolmentSuite('postgres', () => ({ DATABASE_URL: databaseUrl }));
else {
  describe.skip('registering initiatives on a hub process (postgres): set DATABASE_URL', () => {
    it('needs PostgreSQL', () => {});
  });
}

describe('a hub file from before quotas', () => {
  it('opens, and what its initiatives already hold counts against their quota', async () => {
    const temp = makeTempDir('cg-hub-old-');
    const path = join(temp.dir, 'hub.sqlite');
    const old = new Database(path);
    old.exec(`
      CREATE TABLE initiatives (sync_id TEXT PRIMARY KEY NOT NULL, token_hash TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE messages (sync_id TEXT NOT NULL, timestamp TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (sync_id, timestamp)) WITHOUT ROWID;
    `);
    old.prepare("INSERT INTO initiatives VALUES ('team-0001', 'hash', '2026-01-01')").run();
    for (const { timestamp, payload } of messages(0, 3)) {
      old.prepare('INSERT INTO messages VALUES (?, ?, ?)').run('team-0001', timestamp, payload);
    }
    old.close();
    const store = openSqliteHubStore(path);
    try {
      expect(await store.tokenHash('team-0001')).toBe('hash');
      const error = await store.insert('team-0001', messages(3, 1), 3500).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(QuotaFullError);
      expect((error as QuotaFullError).usedBytes).toBe(3 * (1000 + messages(0, 1)[0].timestamp.length));
      expect(await store.insert('team-0001', messages(3, 1), 5000)).toBe(1);
    } finally {
      await store.close();
      temp.cleanup();
    }
  });
});
