import type { Migration } from './index';

/**
 * Erasing a voice note's words (on withdrawal or deletion). An erasure is a change message that
 * sets the note's text to null; every replica then blanks the value of every older message of that
 * note's text in its own change log (timestamps stay, so merkle tries still agree), and a text
 * message that arrives later but is older than an erasure is kept blank too (store/erasure.ts).
 *
 * change_log_voice_text finds a note's text messages without walking the whole log; it holds only
 * voice-note text messages, so other writes pay nothing for it.
 *
 * hub_erasures lists, on this device only, the timestamps it blanked that the hubs it syncs with
 * may still hold with words in them: the next sync asks each hub to replace those sealed payloads
 * with blank ones. Never synced, like sync_state.
 *
 * set_aside_messages keeps, on this device only, synced messages it could not open or read (damaged
 * on the way, or sealed with another key): they are not applied, but their timestamps count in the
 * merkle trie, so one bad message does not make every later sync pull it again or fail. Settings →
 * Sync shows how many there are.
 */
export const erasedWords: Migration = {
  version: 70,
  name: 'erased-words',
  sql: `
    CREATE INDEX change_log_voice_text ON change_log (row_id, timestamp) WHERE tbl = 'voice_notes' AND col = 'text';
    CREATE TABLE hub_erasures (timestamp TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
    CREATE TABLE set_aside_messages (
      timestamp TEXT PRIMARY KEY NOT NULL, payload TEXT NOT NULL, reason TEXT NOT NULL, set_aside_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
