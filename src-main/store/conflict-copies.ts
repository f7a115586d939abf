import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Keeps conflict_copies in step with the change log (see migration 0050). A long-text version is a
 * conflict copy when it is not its field's current value, nobody wrote over it knowingly (no
 * message has it as base), and it holds some text. That is a function of the set of messages, so
 * replicas that hold the same messages hold the same copies, whatever order they arrived in.
 *
 * A version's standing can change only when it arrives, when it stops being its field's winner, or
 * when a message naming it as base arrives; the write path reports exactly those timestamps here.
 * Long texts are never packed (migration 0190): each version is a row of its own.
 */
export class ConflictCopies {
  private readonly readVersion: Statement;
  private readonly supersededBy: Statement;
  private readonly insert: Statement;
  private readonly remove: Statement;

  /** `log` is the table of single messages: change_fields, or change_log on a file before 0190. */
  constructor(db: Db, log: 'change_fields' | 'change_log' = 'change_fields') {
    this.readVersion = db.prepare(`SELECT tbl, row_id, col, value FROM ${log} WHERE timestamp = ?`);
    this.supersededBy = db.prepare(`SELECT 1 FROM ${log} WHERE base = ? LIMIT 1`).pluck();
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO conflict_copies (timestamp, tbl, row_id, col, value) VALUES (?, ?, ?, ?, ?)',
    );
    this.remove = db.prepare('DELETE FROM conflict_copies WHERE timestamp = ?');
  }

  /**
   * Re-decides each version. `winnerOf` gives the current winning timestamp of a field; it must
   * reflect every message applied so far in the transaction.
   */
  review(timestamps: Iterable<string>, winnerOf: (table: string, row: string, column: string) => string | undefined) {
    for (const timestamp of timestamps) {
      const version = this.readVersion.get(timestamp) as
        { tbl: string; row_id: string; col: string; value: unknown } | undefined;
      const lost =
        version !== undefined &&
        typeof version.value === 'string' &&
        version.value.trim() !== '' &&
        winnerOf(version.tbl, version.row_id, version.col) !== timestamp &&
        this.supersededBy.get(timestamp) === undefined;
      if (lost) this.insert.run(timestamp, version.tbl, version.row_id, version.col, version.value);
      else this.remove.run(timestamp);
    }
  }
}
