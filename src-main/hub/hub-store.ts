import Database from 'better-sqlite3';
import type { SealedMessage } from '../sync/crypto';
import { MerkleDelta } from '../sync/merkle';
import type { MerkleNodes } from '../sync/replica';

/**
 * What the hub keeps per initiative: the hash of its access token, the sealed messages by
 * timestamp, and the merkle trie over those timestamps. It never sees a key or a plaintext value.
 */
export interface HubStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The stored token hash, or undefined for an initiative the hub does not know. */
  tokenHash(syncId: string): Promise<string | undefined>;
  /** Registers an initiative; false when it already exists (its token is not replaced). */
  register(syncId: string, tokenHash: string): Promise<boolean>;
  /** Stores the messages not already held and folds them into the trie; returns how many were new. */
  insert(syncId: string, messages: readonly SealedMessage[]): Promise<number>;
  /**
   * Replaces the sealed payloads of messages the hub already holds, by timestamp, with the ones
   * given (a device's blanked versions after an erasure). Timestamps it does not hold are left
   * alone, so the trie does not change; returns how many were replaced.
   */
  erase(syncId: string, messages: readonly SealedMessage[]): Promise<number>;
  after(syncId: string, after: string, limit: number): Promise<{ messages: SealedMessage[]; more: boolean }>;
  merkle(syncId: string): Promise<MerkleNodes>;
  close(): Promise<void>;
}

export function merkleDeltaOf(timestamps: readonly string[]): Map<string, number> {
  const delta = new MerkleDelta();
  for (const timestamp of timestamps) delta.add(Date.parse(timestamp.slice(0, 24)), timestamp);
  return delta.nodes();
}

export function openSqliteHubStore(path: string): HubStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS initiatives (
      sync_id TEXT PRIMARY KEY NOT NULL, token_hash TEXT NOT NULL, created_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS messages (
      sync_id TEXT NOT NULL, timestamp TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (sync_id, timestamp)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS merkle (
      sync_id TEXT NOT NULL, node TEXT NOT NULL, hash INTEGER NOT NULL, PRIMARY KEY (sync_id, node)
    ) WITHOUT ROWID;
  `);
  const readToken = db.prepare('SELECT token_hash FROM initiatives WHERE sync_id = ?').pluck();
  const insertInitiative = db.prepare(
    'INSERT OR IGNORE INTO initiatives (sync_id, token_hash, created_at) VALUES (?, ?, ?)',
  );
  const insertMessage = db.prepare('INSERT OR IGNORE INTO messages (sync_id, timestamp, payload) VALUES (?, ?, ?)');
  const readNode = db.prepare('SELECT hash FROM merkle WHERE sync_id = ? AND node = ?').pluck();
  const writeNode = db.prepare(
    'INSERT INTO merkle (sync_id, node, hash) VALUES (?, ?, ?) ON CONFLICT(sync_id, node) DO UPDATE SET hash = excluded.hash',
  );
  const readAfter = db.prepare(
    'SELECT timestamp, payload FROM messages WHERE sync_id = ? AND timestamp > ? ORDER BY timestamp LIMIT ?',
  );
  const readMerkle = db.prepare('SELECT node, hash FROM merkle WHERE sync_id = ? AND hash <> 0');
  const replacePayload = db.prepare('UPDATE messages SET payload = ? WHERE sync_id = ? AND timestamp = ?');
  const eraseAll = db.transaction((syncId: string, messages: readonly SealedMessage[]) => {
    let replaced = 0;
    for (const { timestamp, payload } of messages) replaced += replacePayload.run(payload, syncId, timestamp).changes;
    return replaced;
  });
  const insertAll = db.transaction((syncId: string, messages: readonly SealedMessage[]) => {
    const added: string[] = [];
    for (const { timestamp, payload } of messages) {
      if (insertMessage.run(syncId, timestamp, payload).changes === 1) added.push(timestamp);
    }
    for (const [node, delta] of merkleDeltaOf(added)) {
      const previous = (readNode.get(syncId, node) as number | undefined) ?? 0;
      writeNode.run(syncId, node, (previous ^ delta) >>> 0);
    }
    return added.length;
  });
  return {
    kind: 'sqlite',
    tokenHash: (syncId) => Promise.resolve(readToken.get(syncId) as string | undefined),
    register: (syncId, tokenHash) =>
      Promise.resolve(insertInitiative.run(syncId, tokenHash, new Date().toISOString()).changes === 1),
    insert: (syncId, messages) => Promise.resolve(insertAll.immediate(syncId, messages)),
    erase: (syncId, messages) => Promise.resolve(eraseAll.immediate(syncId, messages)),
    after(syncId, after, limit) {
      const rows = readAfter.all(syncId, after, limit + 1) as SealedMessage[];
      return Promise.resolve({ messages: rows.slice(0, limit), more: rows.length > limit });
    },
    merkle(syncId) {
      const nodes: MerkleNodes = {};
      for (const { node, hash } of readMerkle.all(syncId) as { node: string; hash: number }[]) nodes[node] = hash;
      return Promise.resolve(nodes);
    },
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}
