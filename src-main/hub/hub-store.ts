import Database from 'better-sqlite3';
import type { SealedMessage } from '../sync/crypto';
import { MerkleDelta } from '../sync/merkle';
import type { MerkleNodes } from '../sync/replica';

/**
 * What the hub keeps per initiative: the hash of its access token, the sealed messages by
 * timestamp, the merkle trie over those timestamps, and how many bytes they take against the
 * initiative's quota. It never sees a key or a plaintext value. Beside them: the hashes of the
 * enrolment keys the operator issued, each good for a number of new initiatives.
 */
export interface HubStore {
  readonly kind: 'sqlite' | 'postgres';
  /** The stored token hash, or undefined for an initiative the hub does not know. */
  tokenHash(syncId: string): Promise<string | undefined>;
  /**
   * Registers an initiative with no enrolment key (the roundtable hub, where the hub key admits);
   * false when it already exists (its token is not replaced).
   */
  register(syncId: string, tokenHash: string): Promise<boolean>;
  /**
   * Registers an initiative with an enrolment key, spending one of the key's initiatives and
   * taking its quota, in one transaction. An initiative that exists already spends nothing.
   */
  enrol(syncId: string, tokenHash: string, enrolmentKeyHash: string): Promise<EnrolOutcome>;
  /**
   * Stores the messages not already held and folds them into the trie; returns how many were new.
   * Throws QuotaFullError, storing nothing, when the new ones would take the initiative past its
   * quota (its own, or `defaultQuotaBytes`).
   */
  insert(syncId: string, messages: readonly SealedMessage[], defaultQuotaBytes: number): Promise<number>;
  /**
   * Replaces the sealed payloads of messages the hub already holds, by timestamp, with the ones
   * given (a device's blanked versions after an erasure). Timestamps it does not hold are left
   * alone, so the trie does not change; the initiative's usage follows the new sizes. Returns how
   * many were replaced.
   */
  erase(syncId: string, messages: readonly SealedMessage[]): Promise<number>;
  after(syncId: string, after: string, limit: number): Promise<{ messages: SealedMessage[]; more: boolean }>;
  merkle(syncId: string): Promise<MerkleNodes>;
  addEnrolmentKey(keyHash: string, key: EnrolmentKeyTerms): Promise<void>;
  enrolmentKeys(): Promise<EnrolmentKeyRecord[]>;
  close(): Promise<void>;
}

export type EnrolOutcome = 'created' | 'exists' | 'unknown_key' | 'key_used_up';

export interface EnrolmentKeyTerms {
  /** Who the key was given to, for the operator's own list. */
  label: string;
  /** How many new initiatives it may still register. */
  initiatives: number;
  /** The storage quota of each initiative it registers; null for the hub's default. */
  quotaBytes: number | null;
}

export interface EnrolmentKeyRecord extends EnrolmentKeyTerms {
  /** The first characters of the key's hash, enough for an operator to tell keys apart. */
  hashPrefix: string;
  createdAt: string;
}

/** A push that would take an initiative past its storage quota; nothing of it was stored. */
export class QuotaFullError extends Error {
  constructor(
    readonly usedBytes: number,
    readonly quotaBytes: number,
  ) {
    super(`storage quota full: ${usedBytes} of ${quotaBytes} bytes used`);
  }
}

/** What a message costs against a quota: what the hub stores for it. */
export function storedBytes(messages: readonly SealedMessage[]): number {
  return messages.reduce((sum, { timestamp, payload }) => sum + timestamp.length + payload.length, 0);
}

export function merkleDeltaOf(timestamps: readonly string[]): Map<string, number> {
  const delta = new MerkleDelta();
  for (const timestamp of timestamps) delta.add(Date.parse(timestamp.slice(0, 24)), timestamp);
  return delta.nodes();
}

/** A hub file from before quotas: its initiatives get the columns, and what they already hold counts. */
function addUsageColumns(db: Database.Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('initiatives')").pluck().all() as string[];
  if (columns.includes('used_bytes')) return;
  db.transaction(() => {
    db.exec(`
      ALTER TABLE initiatives ADD COLUMN quota_bytes INTEGER;
      ALTER TABLE initiatives ADD COLUMN used_bytes INTEGER NOT NULL DEFAULT 0;
      UPDATE initiatives SET used_bytes = (
        SELECT coalesce(sum(length(timestamp) + length(payload)), 0) FROM messages m WHERE m.sync_id = initiatives.sync_id
      );
    `);
  })();
}

export function openSqliteHubStore(path: string): HubStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS initiatives (
      sync_id TEXT PRIMARY KEY NOT NULL, token_hash TEXT NOT NULL, created_at TEXT NOT NULL,
      quota_bytes INTEGER, used_bytes INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS enrolment_keys (
      key_hash TEXT PRIMARY KEY NOT NULL, label TEXT NOT NULL, initiatives_left INTEGER NOT NULL,
      quota_bytes INTEGER, created_at TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS messages (
      sync_id TEXT NOT NULL, timestamp TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (sync_id, timestamp)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS merkle (
      sync_id TEXT NOT NULL, node TEXT NOT NULL, hash INTEGER NOT NULL, PRIMARY KEY (sync_id, node)
    ) WITHOUT ROWID;
  `);
  addUsageColumns(db);
  const readToken = db.prepare('SELECT token_hash FROM initiatives WHERE sync_id = ?').pluck();
  const insertInitiative = db.prepare(
    'INSERT OR IGNORE INTO initiatives (sync_id, token_hash, created_at, quota_bytes) VALUES (?, ?, ?, ?)',
  );
  const spendKey = db.prepare(
    'UPDATE enrolment_keys SET initiatives_left = initiatives_left - 1 WHERE key_hash = ? AND initiatives_left > 0 RETURNING quota_bytes',
  );
  const keyKnown = db.prepare('SELECT 1 FROM enrolment_keys WHERE key_hash = ?').pluck();
  const enrolOne = db.transaction((syncId: string, tokenHash: string, keyHash: string): EnrolOutcome => {
    if (readToken.get(syncId) !== undefined) return 'exists';
    const spent = spendKey.get(keyHash) as { quota_bytes: number | null } | undefined;
    if (!spent) return keyKnown.get(keyHash) ? 'key_used_up' : 'unknown_key';
    insertInitiative.run(syncId, tokenHash, new Date().toISOString(), spent.quota_bytes);
    return 'created';
  });
  const readUsage = db.prepare('SELECT used_bytes, quota_bytes FROM initiatives WHERE sync_id = ?');
  const addUsage = db.prepare('UPDATE initiatives SET used_bytes = used_bytes + ? WHERE sync_id = ?');
  const insertKey = db.prepare(
    'INSERT INTO enrolment_keys (key_hash, label, initiatives_left, quota_bytes, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const readKeys = db.prepare(
    'SELECT key_hash, label, initiatives_left, quota_bytes, created_at FROM enrolment_keys ORDER BY created_at',
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
  const readPayload = db.prepare('SELECT payload FROM messages WHERE sync_id = ? AND timestamp = ?').pluck();
  const replacePayload = db.prepare('UPDATE messages SET payload = ? WHERE sync_id = ? AND timestamp = ?');
  const eraseAll = db.transaction((syncId: string, messages: readonly SealedMessage[]) => {
    let replaced = 0;
    let bytes = 0;
    for (const { timestamp, payload } of messages) {
      const before = readPayload.get(syncId, timestamp) as string | undefined;
      if (before === undefined) continue;
      replaced += replacePayload.run(payload, syncId, timestamp).changes;
      bytes += payload.length - before.length;
    }
    // Erased words stop counting against the quota (a blanked message is smaller).
    if (bytes !== 0) addUsage.run(bytes, syncId);
    return replaced;
  });
  const insertAll = db.transaction((syncId: string, messages: readonly SealedMessage[], defaultQuota: number) => {
    const added: string[] = [];
    let bytes = 0;
    for (const message of messages) {
      if (insertMessage.run(syncId, message.timestamp, message.payload).changes === 1) {
        added.push(message.timestamp);
        bytes += storedBytes([message]);
      }
    }
    const usage = readUsage.get(syncId) as { used_bytes: number; quota_bytes: number | null } | undefined;
    const quota = usage?.quota_bytes ?? defaultQuota;
    // Thrown inside the transaction, so the messages just inserted are rolled back with it.
    if (usage && bytes > 0 && usage.used_bytes + bytes > quota) throw new QuotaFullError(usage.used_bytes, quota);
    addUsage.run(bytes, syncId);
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
      Promise.resolve(insertInitiative.run(syncId, tokenHash, new Date().toISOString(), null).changes === 1),
    // async, so a throw inside the transaction (QuotaFullError) is a rejected promise, as in PostgreSQL.
    enrol: async (syncId, tokenHash, keyHash) => enrolOne.immediate(syncId, tokenHash, keyHash),
    insert: async (syncId, messages, defaultQuota) => insertAll.immediate(syncId, messages, defaultQuota),
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
    addEnrolmentKey(keyHash, { label, initiatives, quotaBytes }) {
      insertKey.run(keyHash, label, initiatives, quotaBytes, new Date().toISOString());
      return Promise.resolve();
    },
    enrolmentKeys() {
      const rows = readKeys.all() as {
        key_hash: string;
        label: string;
        initiatives_left: number;
        quota_bytes: number | null;
        created_at: string;
      }[];
      return Promise.resolve(
        rows.map((row) => ({
          hashPrefix: row.key_hash.slice(0, 12),
          label: row.label,
          initiatives: row.initiatives_left,
          quotaBytes: row.quota_bytes,
          createdAt: row.created_at,
        })),
      );
    },
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}
