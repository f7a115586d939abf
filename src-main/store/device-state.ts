import type { Db } from './connection';

/** Set in sync_state while an initiative file is being joined from a hub and has no record of its own yet. */
export const joiningKey = 'sync.joining';

/**
 * What one device keeps for itself about sync, beside the initiative's data: its settings and
 * last outcome (`sync_state`) and the merkle trie each other device last sent in a bundle
 * (`peer_tries`), and the erasures its hubs have yet to hear of (`hub_erasures`). These rows are never synced and are not domain data, so they are written here
 * directly, not as change messages; the write path keeps its clock in `sync_state` the same way.
 */
export function deviceState(db: Db) {
  return {
    get(key: string): string | undefined {
      return db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined;
    },
    /** Sets each key, or removes it where the value is null, in one transaction. */
    set(values: Record<string, string | null>): void {
      const upsert = db.prepare(
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      );
      const remove = db.prepare('DELETE FROM sync_state WHERE key = ?');
      db.transaction(() => {
        for (const [key, value] of Object.entries(values)) {
          if (value === null) remove.run(key);
          else upsert.run(key, value);
        }
      })();
    },
    peerTries(): string[] {
      return db.prepare('SELECT trie FROM peer_tries').pluck().all() as string[];
    },
    /** Forgets erasures every hub has now been told of (hub_erasures, migration 0070). */
    forgetHubErasures(timestamps: readonly string[]): void {
      const remove = db.prepare('DELETE FROM hub_erasures WHERE timestamp = ?');
      db.transaction(() => timestamps.forEach((timestamp) => remove.run(timestamp)))();
    },
    savePeerTrie(node: string, trie: string): void {
      db.prepare(
        'INSERT INTO peer_tries (node, trie) VALUES (?, ?) ON CONFLICT(node) DO UPDATE SET trie = excluded.trie',
      ).run(node, trie);
    },
  };
}
