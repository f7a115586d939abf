import type { Statement } from 'better-sqlite3';
import type { ChangeLog } from './change-log';
import type { Db } from './connection';
import { lazyStatements } from './lazy-statements';

const sql = {
  any: 'SELECT EXISTS (SELECT 1 FROM set_aside_messages)',
  add: 'INSERT OR IGNORE INTO set_aside_messages (timestamp, payload, reason, set_aside_at) VALUES (?, ?, ?, ?)',
  release: 'DELETE FROM set_aside_messages WHERE timestamp = ?',
} as const;

/**
 * The synced messages this device could not open or read (migration 0070), for the write path,
 * which keeps their timestamps in the merkle trie. Statements are prepared on first use: a file
 * still at an older schema (a migration test) never needs the table.
 */
export class SetAsideMessages {
  private readonly statement: (name: keyof typeof sql) => Statement;

  constructor(
    db: Db,
    private readonly log: ChangeLog,
  ) {
    this.statement = lazyStatements(db, sql);
  }

  any(): boolean {
    return this.statement('any').pluck().get() === 1;
  }

  /** False when the message is already in the log or already set aside. */
  add(timestamp: string, payload: string, reason: string, at: string): boolean {
    if (this.log.has(timestamp)) return false;
    return this.statement('add').run(timestamp, payload, reason, at).changes > 0;
  }

  /** A readable copy arrived: true when it had been set aside. */
  release(timestamp: string): boolean {
    return this.statement('release').run(timestamp).changes > 0;
  }
}
