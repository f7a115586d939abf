import pg from 'pg';
import type { SealedMessage } from '../sync/crypto';
import type { MerkleNodes } from '../sync/replica';
import { merkleDeltaOf, type HubStore } from './hub-store';

/**
 * The same store in PostgreSQL, for a hub that serves many teams. New messages are found with
 * ON CONFLICT DO NOTHING RETURNING, and trie nodes are XORed in place (#), so two pushes for the
 * same initiative at once still leave the trie matching the messages.
 */
export async function openPostgresHubStore(connectionString: string): Promise<HubStore> {
  const pool = new pg.Pool({ connectionString, max: 8 });
  await pool.query(`
    CREATE TABLE IF NOT EXISTS hub_initiatives (
      sync_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS hub_messages (
      sync_id TEXT NOT NULL, timestamp TEXT COLLATE "C" NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (sync_id, timestamp)
    );
    CREATE TABLE IF NOT EXISTS hub_merkle (
      sync_id TEXT NOT NULL, node TEXT NOT NULL, hash BIGINT NOT NULL, PRIMARY KEY (sync_id, node)
    );
  `);
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
    async insert(syncId, messages) {
      if (messages.length === 0) return 0;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const inserted = await client.query<{ timestamp: string }>(
          `INSERT INTO hub_messages (sync_id, timestamp, payload)
           SELECT $1, t, p FROM unnest($2::text[], $3::text[]) AS m(t, p)
           ON CONFLICT DO NOTHING RETURNING timestamp`,
          [syncId, messages.map((m) => m.timestamp), messages.map((m) => m.payload)],
        );
        const delta = merkleDeltaOf(inserted.rows.map((row) => row.timestamp));
        if (delta.size > 0) {
          await client.query(
            `INSERT INTO hub_merkle (sync_id, node, hash)
             SELECT $1, n, h FROM unnest($2::text[], $3::bigint[]) AS d(n, h)
             ON CONFLICT (sync_id, node) DO UPDATE SET hash = hub_merkle.hash # excluded.hash`,
            [syncId, [...delta.keys()], [...delta.values()]],
          );
        }
        await client.query('COMMIT');
        return inserted.rows.length;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async erase(syncId, messages) {
      if (messages.length === 0) return 0;
      const result = await pool.query(
        `UPDATE hub_messages m SET payload = e.p FROM unnest($2::text[], $3::text[]) AS e(t, p)
         WHERE m.sync_id = $1 AND m.timestamp = e.t`,
        [syncId, messages.map((m) => m.timestamp), messages.map((m) => m.payload)],
      );
      return result.rowCount ?? 0;
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
    close: () => pool.end(),
  };
}
