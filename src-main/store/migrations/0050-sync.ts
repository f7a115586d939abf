import type { Migration } from './index';

/**
 * Sync. A change message to a long text (a note, a decision's text) now records its base: the
 * timestamp of the value the writer saw in that field when typing over it. With it, whether an edit
 * overwrote another device's text unseen is a fact about the set of messages, not about the order
 * they arrived in, so every replica keeps the same conflict copies.
 *
 * conflict_copies is derived, like the merkle trie: the write path keeps it in step with the change
 * log and it is never synced itself. A copy is a text version that lost its field to a concurrent
 * edit and that nobody has since typed over knowingly. Dismissing one is a domain write
 * (conflict_dismissals, keyed by the lost version's timestamp) so it reaches every device.
 *
 * peer_tries remembers, per other device, the merkle trie of the last bundle file imported from
 * it, so the next bundle for that device carries only what it lacks.
 */
export const sync: Migration = {
  version: 50,
  name: 'sync',
  sql: `
    ALTER TABLE change_log ADD COLUMN base TEXT;
    CREATE INDEX change_log_by_base ON change_log (base) WHERE base IS NOT NULL;
    CREATE TABLE conflict_copies (
      timestamp TEXT PRIMARY KEY NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX conflict_copies_by_row ON conflict_copies (tbl, row_id);
    CREATE TABLE conflict_dismissals (
      id TEXT PRIMARY KEY NOT NULL,
      dismissed INTEGER NOT NULL DEFAULT 0,
      tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE peer_tries (node TEXT PRIMARY KEY NOT NULL, trie TEXT NOT NULL) WITHOUT ROWID;
  `,
};
