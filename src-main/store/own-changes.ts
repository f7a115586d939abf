import type { Statement } from 'better-sqlite3';
import type { HybridClock } from '../sync/hlc';
import { hashTimestamp, MerkleDelta } from '../sync/merkle';
import type { ChangeMessage, FieldValue } from '../sync/messages';
import { packable, type Pack } from './change-log';
import type { Db } from './connection';
import type { RowChange } from './write-path';

/** One row in a local write: its new values and stamps, and the messages not packed (long texts). */
export interface OwnRow {
  table: string;
  row: string;
  winners: Map<string, FieldValue>;
  stamps: Record<string, string>;
  unpacked: ChangeMessage[];
}

export interface StampedChanges {
  messages: ChangeMessage[];
  packs: Pack[];
  merkle: MerkleDelta;
  rows: Map<string, OwnRow>;
}

/**
 * Stamps local changes field by field, in order, and packs each row change's short fields (a new
 * pack when the millisecond moves on, so a pack never spans two). The trie delta is gathered here,
 * once per message, and folded once per transaction. `pack` is false on a file before migration 0190.
 */
export function stampOwnChanges(changes: readonly RowChange[], clock: HybridClock, pack = true): StampedChanges {
  const messages: ChangeMessage[] = [];
  const packs: Pack[] = [];
  const merkle = new MerkleDelta();
  const rows = new Map<string, OwnRow>();
  // The trie delta of the current minute, XORed here and added to the map once per minute.
  let minuteEnd = -1;
  let minuteMillis = 0;
  let minuteHash = 0;
  for (const { table, row, values } of changes) {
    const key = `${table}\u0000${row}`;
    let own = rows.get(key);
    if (!own) {
      own = { table, row, winners: new Map(), stamps: {}, unpacked: [] };
      rows.set(key, own);
    }
    let current: Pack | null = null;
    let packMillis = -1;
    for (const column of Object.keys(values)) {
      const timestamp = clock.send();
      const value = values[column];
      const message: ChangeMessage = { timestamp, table, row, column, value };
      messages.push(message);
      own.winners.set(column, value);
      own.stamps[column] = timestamp;
      const millis = clock.millis;
      if (millis >= minuteEnd) {
        if (minuteEnd >= 0) merkle.addHash(minuteMillis, minuteHash);
        minuteMillis = millis;
        minuteEnd = (Math.floor(millis / 60_000) + 1) * 60_000;
        minuteHash = 0;
      }
      minuteHash = (minuteHash ^ hashTimestamp(timestamp)) >>> 0;
      if (!pack || !packable(table, column)) {
        own.unpacked.push(message);
        continue;
      }
      if (current === null || millis !== packMillis) {
        current = { first: timestamp, last: timestamp, table, row, entries: [] };
        packMillis = millis;
        packs.push(current);
      }
      current.entries.push([clock.counter, column, value]);
      current.last = timestamp;
    }
  }
  if (minuteEnd >= 0) merkle.addHash(minuteMillis, minuteHash);
  return { messages, packs, merkle, rows };
}

/**
 * Upsert of a local row change: its fields win, and its stamps (a JSON object, keys sorted) are
 * merged into the row's clock, keys sorted again so every replica stores the same text. Table and
 * column names come from the schema registry (checked before), never from message text.
 */
function ownUpsertSql(table: string, columns: readonly string[]): string {
  const names = ['id', ...columns, '_clock'];
  const updates = columns.map((column) => `${column} = excluded.${column}`);
  const mergedClock = `(SELECT json_group_object(key, value) FROM (SELECT key, value FROM json_each(json_patch(${table}._clock, excluded._clock)) ORDER BY key))`;
  return (
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
    `ON CONFLICT(id) DO UPDATE SET ${[...updates, `_clock = ${mergedClock}`].join(', ')}`
  );
}

/**
 * Writes local row changes. A local stamp is newer than any the row holds, so its fields simply
 * win and its stamps are merged into the row's clock in SQL, without reading the row first.
 */
export class OwnUpserts {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  run(table: string, row: string, winners: Map<string, FieldValue>, stamps: Record<string, string>): void {
    const columns = [...winners.keys()].sort();
    const key = `${table}:${columns.join(',')}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(ownUpsertSql(table, columns));
      this.statements.set(key, statement);
    }
    const values: FieldValue[] = [row];
    let clock = '{';
    for (let i = 0; i < columns.length; i++) {
      values.push(winners.get(columns[i]) ?? null);
      // Column names come from the schema registry and timestamps from our clock: nothing to escape.
      clock += `${i === 0 ? '' : ','}"${columns[i]}":"${stamps[columns[i]]}"`;
    }
    values.push(`${clock}}`);
    statement.run(values);
  }
}
