import pg from 'pg';
import type { SealedMessage } from '../sync/crypto';
import type { MerkleNodes } from '../sync/replica';
import { merkleDeltaOf, QuotaFullError, storedBytes, type EnrolOutcome, type HubStore } from './hub-store';

/**
 * The same store in PostgreSQL, for a hub that serves many teams. New messages are found with
 * ON CONFLICT DO NOTHING RETURNING, and trie nodes are XORed in place (#), so two pushes for the
 * same initiative at once still leave the trie matching the messages.
 */
/** A hub database from before quotas: the columns are added, and what is already held counts. */
async function addUsageColumns(pool: pg.Pool): Promise<void> {
  const found = await pool.query(
    "SELECT 1 FROM information_schema.columns WHERE table_name = 'hub_initiatives' AND column_name = 'used_bytes'",
  );
  if (found.rowCount) return;
  await pool.query(`
    BEGIN;
    ALTER TABLE hub_initiatives ADD COLUMN IF NOT EXISTS quota_bytes BIGINT;
    ALTER TABLE hub_initiatives ADD COLUMN IF NOT EXISTS used_bytes BIGINT NOT NULL DEFAULT 0;
    UPDATE hub_initiatives i SET used_bytes = (
      SELECT coalesce(sum(length(timestamp) + length(payload)), 0) FROM hub_messages m WHERE m.sync_id = i.sync_id
    );
    COMMIT;
  `);
}

export async function openPostgresHubStore(connectionString: string): Promise<HubStore> {
  const pool = new pg.Pool({ connectionString, max: 8 });
  await pool.query(`
    CREATE TABLE IF NOT EXISTS hub_initiatives (
      sync_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS hub_enrolment_keys (
      key_hash TEXT PRIMARY KEY, label TEXT NOT NULL, initiatives_left INTEGER NOT NULL, quota_bytes BIGINT,
      created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS hub_messages (
      sync_id TEXT NOT NULL, timestamp TEXT COLLATE "C" NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (sync_id, timestamp)
    );
    CREATE TABLE IF NOT EXISTS hub_merkle (
      sync_id TEXT NOT NULL, node TEXT NOT NULL, hash BIGINT NOT NULL, PRIMARY KEY (sync_id, node)
    );
  `);
  await addUsageColumns(pool);
  /** Runs `work` in one transaction on one connection; any throw rolls it back. */
  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
  return {
    kind: 'postgres',
    async tokenHash(syncId) {
      const result = await pool.query<{ token_hash: string }>(
        'SELECT token_hash FROM hub_initiatives WHERE sync_id = $1',
        [syncId],
      );
      return result.rows[0]?.token_hash;
    },
    async register(syncId, tokenHash) {
      const result = await pool.query(
        'INSERT INTO hub_initiatives (sync_id, token_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [syncId, tokenHash],
      );
      return result.rowCount === 1;
    },
    async enrol(syncId, tokenHash, keyHash) {
      // An outcome other than 'created' is thrown out of the transaction, so nothing is spent.
      const refused = (outcome: EnrolOutcome) => Object.assign(new Error(outcome), { outcome });
      try {
        return await inTransaction(async (client) => {
          const known = await client.query('SELECT 1 FROM hub_initiatives WHERE sync_id = $1', [syncId]);
          if (known.rowCount) throw refused('exists');
          const spent = await client.query<{ quota_bytes: string | null }>(
            `UPDATE hub_enrolment_keys SET initiatives_left = initiatives_left - 1
             WHERE key_hash = $1 AND initiatives_left > 0 RETURNING quota_bytes`,
            [keyHash],
          );
          if (!spent.rowCount) {
            const key = await client.query('SELECT 1 FROM hub_enrolment_keys WHERE key_hash = $1', [keyHash]);
            throw refused(key.rowCount ? 'key_used_up' : 'unknown_key');
          }
          const created = await client.query(
            'INSERT INTO hub_initiatives (sync_id, token_hash, quota_bytes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
            [syncId, tokenHash, spent.rows[0].quota_bytes],
          );
          // Registered by another request in the meantime: that one stands, and the key is not spent.
          if (created.rowCount !== 1) throw refused('exists');
          return 'created' as const;
        });
      } catch (error) {
        const outcome = (error as { outcome?: EnrolOutcome }).outcome;
        if (outcome) return outcome;
        throw error;
      }
    },
    async insert(syncId, messages, defaultQuota) {
      if (messages.length === 0) return 0;
      return inTransaction(async (client) => {
        const inserted = await client.query<{ timestamp: string; payload: string }>(
          `INSERT INTO hub_messages (sync_id, timestamp, payload)
           SELECT $1, t, p FROM unnest($2::text[], $3::text[]) AS m(t, p)
           ON CONFLICT DO NOTHING RETURNING timestamp, payload`,
          [syncId, messages.map((m) => m.timestamp), messages.map((m) => m.payload)],
        );
        const bytes = storedBytes(inserted.rows);
        if (bytes > 0) {
          // The row lock taken here queues two pushes for one initiative, so both are counted.
          const usage = await client.query<{ used_bytes: string; quota_bytes: string | null }>(
            'UPDATE hub_initiatives SET used_bytes = used_bytes + $2 WHERE sync_id = $1 RETURNING used_bytes, quota_bytes',
            [syncId, bytes],
          );
          const row = usage.rows[0];
          const quota = row?.quota_bytes === null || row === undefined ? defaultQuota : Number(row.quota_bytes);
          if (row && Number(row.used_bytes) > quota) throw new QuotaFullError(Number(row.used_bytes) - bytes, quota);
        }
        const delta = merkleDeltaOf(inserted.rows.map((row) => row.timestamp));
        if (delta.size > 0) {
          await client.query(
            `INSERT INTO hub_merkle (sync_id, node, hash)
             SELECT $1, n, h FROM unnest($2::text[], $3::bigint[]) AS d(n, h)
             ON CONFLICT (sync_id, node) DO UPDATE SET hash = hub_merkle.hash # excluded.hash`,
            [syncId, [...delta.keys()], [...delta.values()]],
          );
        }
        return inserted.rows.length;
      });
    },
    async erase(syncId, messages) {
      if (messages.length === 0) return 0;
      return inTransaction(async (client) => {
        const replaced = await client.query<{ delta: string }>(
          `WITH given AS (SELECT t, p FROM unnest($2::text[], $3::text[]) AS e(t, p)),
                before AS (SELECT m.timestamp, length(m.payload) AS size FROM hub_messages m
                           JOIN given ON m.timestamp = given.t WHERE m.sync_id = $1 FOR UPDATE)
           UPDATE hub_messages m SET payload = given.p FROM given, before
           WHERE m.sync_id = $1 AND m.timestamp = given.t AND before.timestamp = given.t
           RETURNING length(given.p) - before.size AS delta`,
          [syncId, messages.map((m) => m.timestamp), messages.map((m) => m.payload)],
        );
        // Erased words stop counting against the quota (a blanked message is smaller).
        const bytes = replaced.rows.reduce((sum, row) => sum + Number(row.delta), 0);
        if (bytes !== 0)
          await client.query('UPDATE hub_initiatives SET used_bytes = used_bytes + $2 WHERE sync_id = $1', [
            syncId,
            bytes,
          ]);
        return replaced.rowCount ?? 0;
      });
    },
    async after(syncId, after, limit) {
      const result = await pool.query<SealedMessage>(
        'SELECT timestamp, payload FROM hub_messages WHERE sync_id = $1 AND timestamp > $2 ORDER BY timestamp LIMIT $3',
        [syncId, after, limit + 1],
      );
      return { messages: result.rows.slice(0, limit), more: result.rows.length > limit };
    },
    async merkle(syncId) {
      const result = await pool.query<{ node: string; hash: string }>(
        'SELECT node, hash FROM hub_merkle WHERE sync_id = $1 AND hash <> 0',
        [syncId],
      );
      const nodes: MerkleNodes = {};
      for (const { node, hash } of result.rows) nodes[node] = Number(hash);
      return nodes;
    },
    async addEnrolmentKey(keyHash, { label, initiatives, quotaBytes }) {
      await pool.query(
        'INSERT INTO hub_enrolment_keys (key_hash, label, initiatives_left, quota_bytes) VALUES ($1, $2, $3, $4)',
        [keyHash, label, initiatives, quotaBytes],
      );
    },
    async enrolmentKeys() {
      const result = await pool.query<{
        key_hash: string;
        label: string;
        initiatives_left: number;
        quota_bytes: string | null;
        created_at: Date;
      }>(
        'SELECT key_hash, label, initiatives_left, quota_bytes, created_at FROM hub_enrolment_keys ORDER BY created_at',
      );
      return result.rows.map((row) => ({
        hashPrefix: row.key_hash.slice(0, 12),
        label: row.label,
        initiatives: row.initiatives_left,
        quotaBytes: row.quota_bytes === null ? null : Number(row.quota_bytes),
        createdAt: row.created_at.toISOString(),
      }));
    },
    close: () => pool.end(),
  };
}
