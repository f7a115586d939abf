import type { Statement } from 'better-sqlite3';
import type { ChangeMessage } from '../sync/messages';
import type { Db } from './connection';
import { lazyStatements } from './lazy-statements';

/** The one field whose words are erased, not just overwritten: a community-voice note's text. */
export function isErasable(table: string, column: string): boolean {
  return table === 'voice_notes' && column === 'text';
}

// The literal table and column let SQLite use the partial index change_log_voice_text (kept on
// change_fields by migration 0190: voice-note texts are never packed).
function statements(log: string) {
  return {
    blankOlder: `UPDATE ${log} SET value = NULL
    WHERE tbl = 'voice_notes' AND col = 'text' AND row_id = ? AND timestamp < ? AND value IS NOT NULL
    RETURNING timestamp`,
    erasedLater: `SELECT 1 FROM ${log}
    WHERE tbl = 'voice_notes' AND col = 'text' AND row_id = ? AND timestamp > ? AND value IS NULL LIMIT 1`,
    blankOne: `UPDATE ${log} SET value = NULL WHERE timestamp = ? AND value IS NOT NULL`,
    dropCopy: 'DELETE FROM conflict_copies WHERE timestamp = ?',
    listForHubs: 'INSERT OR IGNORE INTO hub_erasures (timestamp) VALUES (?)',
  } as const;
}

/**
 * Keeps erased words out of the change log (see migration 0070). A message that sets a note's text
 * to null erases every older version of that text: their values in the log become null, their
 * conflict copies go, and their timestamps are listed for the hubs. A text message that arrives
 * after an erasure it is older than is blanked as it lands. Which versions end up blank depends
 * only on the set of messages, so every replica keeps the same log whatever order they came in.
 */
export class Erasure {
  private readonly statement: (name: keyof ReturnType<typeof statements>) => Statement;

  /** `log` is the table of single messages: change_fields, or change_log on a file before 0190. */
  constructor(db: Db, log: 'change_fields' | 'change_log' = 'change_fields') {
    this.statement = lazyStatements(db, statements(log));
  }

  /** Must run inside the write path's transaction, once the messages are in the log. */
  afterLogged(messages: readonly ChangeMessage[]): void {
    for (const message of messages) {
      if (!isErasable(message.table, message.column)) continue;
      const blanked: string[] = [];
      if (message.value === null) {
        const rows = this.statement('blankOlder').all(message.row, message.timestamp) as { timestamp: string }[];
        blanked.push(...rows.map((row) => row.timestamp));
      } else if (this.statement('erasedLater').get(message.row, message.timestamp) !== undefined) {
        if (this.statement('blankOne').run(message.timestamp).changes > 0) blanked.push(message.timestamp);
      }
      for (const timestamp of blanked) {
        this.statement('dropCopy').run(timestamp);
        this.statement('listForHubs').run(timestamp);
      }
    }
  }
}
