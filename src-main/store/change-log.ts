import type { Statement } from 'better-sqlite3';
import { AppError } from '../contract/result';
import type { ChangeMessage, FieldValue } from '../sync/messages';
import type { Db } from './connection';
import { lazyStatements } from './lazy-statements';
import {
  expand,
  holdsCounter,
  keepValue,
  packable,
  parsePack,
  receivedRuns,
  type Pack,
  type PackRow,
  type ParsedPack,
} from './packs';
import { parseRowClock } from './row-clock';
import { domainTables, isLongText, type TableRegistry } from './schema';

export { expand, packable, type Pack, type PackEntry, type PackRow } from './packs';

/** Packs keepOverwritten changed and has not stored yet, by their first timestamp. */
export type KeptPacks = Map<string, { pack: ParsedPack; changed: boolean }>;

/** A row of change_fields, as read by hand (`SELECT timestamp, tbl, row_id, col, value, base`). */
export interface FieldRow {
  timestamp: string;
  tbl: string;
  row_id: string;
  col: string;
  value: FieldValue;
  base: string | null;
}

/** Rows per INSERT when appending our own changes: fewer statements, same rows. */
const batch = 100;
const packColumns = '(first, last, tbl, row_id, fields)';
const fieldColumns = '(timestamp, tbl, row_id, col, value, base)';
const packRow = 'SELECT first, last, tbl, row_id, fields FROM change_packs';

function statements(fields: string) {
  return {
    addPack: `INSERT INTO change_packs ${packColumns} VALUES (?, ?, ?, ?, ?)`,
    addPacks: `INSERT INTO change_packs ${packColumns} VALUES ${Array(batch).fill('(?, ?, ?, ?, ?)').join(', ')}`,
    addOwnField: `INSERT INTO ${fields} ${fieldColumns} VALUES (?, ?, ?, ?, ?, ?)`,
    addField: `INSERT OR IGNORE INTO ${fields} ${fieldColumns} VALUES (?, ?, ?, ?, ?, ?) RETURNING timestamp`,
    addFields: `INSERT OR IGNORE INTO ${fields} ${fieldColumns}
    VALUES ${Array(batch).fill('(?, ?, ?, ?, ?, ?)').join(', ')} RETURNING timestamp`,
    // A received batch of 100 that the log holds none of (the usual case) goes in without RETURNING.
    anyHeld: `SELECT 1 FROM ${fields} WHERE timestamp IN (${Array(batch).fill('?').join(', ')}) LIMIT 1`,
    addNewFields: `INSERT INTO ${fields} ${fieldColumns} VALUES ${Array(batch).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`,
    addWriter: 'INSERT OR IGNORE INTO change_pack_writers (node) VALUES (?)',
    writers: 'SELECT node FROM change_pack_writers',
    fieldHas: `SELECT 1 FROM ${fields} WHERE timestamp = ?`,
    fieldBetween: `SELECT 1 FROM ${fields} WHERE timestamp >= ? AND timestamp <= ? LIMIT 1`,
    packStartsBetween: 'SELECT 1 FROM change_packs WHERE first >= ? AND first <= ? LIMIT 1',
    // A pack never spans two milliseconds, so its first timestamp starts with the millisecond's.
    packsUpTo: `${packRow} WHERE first >= ? AND first <= ? ORDER BY first DESC`,
    packsAfter: `${packRow} WHERE first > ? ORDER BY first`,
    straddling: `${packRow} WHERE first >= ? AND first <= ? AND last > ?`,
    fieldsAfter: `SELECT timestamp, tbl, row_id, col, value, base FROM ${fields}
    WHERE timestamp > ? ORDER BY timestamp LIMIT ?`,
    fieldsBetween: `SELECT timestamp, tbl, row_id, col, value, base FROM ${fields}
    WHERE timestamp > ? AND timestamp < ? ORDER BY timestamp LIMIT ?`,
    countFields: `SELECT count(*) FROM ${fields} WHERE timestamp > ?`,
    // A pack of several rows (row_id '', a PackOfRows) lists its columns, then runs of
    // `[row, counter]` (all those columns) or `[row, counter, item …]`.
    countPacks: `SELECT coalesce(sum(CASE row_id WHEN '' THEN
      (SELECT sum(CASE json_array_length(r.value) WHEN 2 THEN json_array_length(fields, '$[0]')
        ELSE json_array_length(r.value) - 2 END) FROM json_each(fields) r WHERE r.key > 0)
      ELSE json_array_length(fields) END), 0) FROM change_packs WHERE first > ?`,
    newestField: `SELECT max(timestamp) FROM ${fields}`,
    newestPackFirst: 'SELECT first FROM change_packs ORDER BY first DESC LIMIT 1',
    newestPackLast: 'SELECT max(last) FROM change_packs WHERE first >= ?',
    otherField: `SELECT 1 FROM ${fields} WHERE substr(timestamp, -16) <> ? LIMIT 1`,
    otherWriter: 'SELECT 1 FROM change_pack_writers WHERE node <> ? LIMIT 1',
    keepValues: 'UPDATE change_packs SET fields = ? WHERE first = ?',
  } as const;
}

function byTimestamp(a: ChangeMessage, b: ChangeMessage): number {
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}

/** Of a timestamp repeated in a batch, its first message only. */
function firstOfEach(messages: readonly ChangeMessage[]): ChangeMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => !seen.has(message.timestamp) && seen.add(message.timestamp));
}

export function fromFieldRow(row: FieldRow): ChangeMessage {
  return {
    timestamp: row.timestamp,
    table: row.tbl,
    row: row.row_id,
    column: row.col,
    value: row.value,
    ...(row.base ? { base: row.base } : {}),
  };
}

/**
 * The change log as messages, whichever way they are stored (migration 0190): packs of this
 * device's short-field edits, and one row per message for the rest. Every read of the log by
 * timestamp goes through here; the write path appends through here.
 */
export class ChangeLog {
  /**
   * False on a file not yet at migration 0190 (a migration test, a tool): there change_log is still
   * the one table of messages, and nothing is packed.
   */
  readonly packed: boolean;
  /** The table of messages kept one per row. */
  readonly fieldsTable: 'change_fields' | 'change_log';
  private readonly statement: (name: keyof ReturnType<typeof statements>) => Statement;
  private readonly rowReads = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    /** The tables whose rows may hold values of packs (those the write path writes). */
    private readonly tables: TableRegistry = domainTables,
  ) {
    this.packed =
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'change_packs'").get() !== undefined;
    this.fieldsTable = this.packed ? 'change_fields' : 'change_log';
    this.statement = lazyStatements(db, statements(this.fieldsTable));
  }

  /** A row as stored (every column and its `_clock`), or undefined. */
  private readRow(table: string, row: string): Record<string, FieldValue> | undefined {
    let read = this.rowReads.get(table);
    if (!read) {
      // The name comes from the log, written by this code: still, only a table of the registry.
      if (!Object.hasOwn(this.tables, table))
        throw new AppError('internal', `change log: unknown table "${table.slice(0, 40)}"`);
      read = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`);
      this.rowReads.set(table, read);
    }
    return read.get(row) as Record<string, FieldValue> | undefined;
  }

  /**
   * A pack's messages, each with its value: an entry that left its value to the row (see PackEntry)
   * takes the row's field, which must still carry that entry's timestamp. Anything else means the
   * log lost a version: the read fails rather than send a wrong value to another device.
   */
  private expandPack(pack: PackRow): ChangeMessage[] {
    // A pack of several rows reads each of its rows once.
    const rows = new Map<string, { record: Record<string, FieldValue> | null; clock: Record<string, string> }>();
    return expand(pack, (column, timestamp, row) => {
      let read = rows.get(row);
      if (read === undefined) {
        const record = this.readRow(pack.tbl, row) ?? null;
        read = { record, clock: record ? parseRowClock(String(record._clock)) : {} };
        rows.set(row, read);
      }
      const { record, clock } = read;
      if (!record || clock[column] !== timestamp || !Object.hasOwn(record, column))
        throw new AppError(
          'internal',
          `change log: the value of ${timestamp} (${pack.tbl}.${column}) is not in its row`,
        );
      return record[column];
    });
  }

  /**
   * Before a write overwrites `columns` of a row: the values they hold now go back into the pack
   * entries that left them to the row (this device's own writes, see PackEntry), so the log keeps
   * every version a peer may still ask for. Costs a read of the row and of each pack concerned;
   * nothing to do for a row that does not exist yet.
   *
   * With `keeping`, the packs changed stay parsed there (a large write overwriting many rows of one
   * pack of several rows changes it once), and the caller stores them with storeKept before its
   * transaction ends; without, they are stored at once.
   */
  keepOverwritten(table: string, row: string, columns: Iterable<string>, keeping?: KeptPacks): void {
    if (!this.packed) return;
    const record = this.readRow(table, row);
    if (!record) return;
    const clock = parseRowClock(String(record._clock));
    const packs = keeping ?? new Map<string, { pack: ParsedPack; changed: boolean }>();
    for (const column of columns) {
      const timestamp = clock[column];
      if (timestamp === undefined || !packable(table, column)) continue;
      const stored = this.packOfWriterUpTo(timestamp);
      if (stored === null || stored.last < timestamp) continue;
      let held = packs.get(stored.first);
      if (!held) {
        held = { pack: parsePack(stored), changed: false };
        packs.set(stored.first, held);
      }
      const counter = parseInt(timestamp.slice(25, 29), 16);
      if (keepValue(held.pack, row, counter, column, record[column] ?? null)) held.changed = true;
    }
    if (!keeping) this.storeKept(packs);
  }

  /** Stores the packs keepOverwritten changed in `keeping`, and empties it. */
  storeKept(keeping: KeptPacks): void {
    for (const [first, { pack, changed }] of keeping)
      if (changed) this.statement('keepValues').run(JSON.stringify(pack.items), first);
    keeping.clear();
  }

  /** Appends packs just stamped by `node`'s clock (past everything in the log). */
  appendPacks(packs: readonly Pack[], node: string): void {
    if (packs.length === 0) return;
    this.statement('addWriter').run(node);
    this.insertPacks(packs);
  }

  /** Inserts packs whose writers are listed already, 100 per statement. */
  private insertPacks(packs: readonly Pack[]): void {
    const parameters: string[] = new Array<string>(batch * 5);
    let start = 0;
    for (; start + batch <= packs.length; start += batch) {
      for (let i = 0; i < batch; i++) {
        const pack = packs[start + i];
        parameters[i * 5] = pack.first;
        parameters[i * 5 + 1] = pack.last;
        parameters[i * 5 + 2] = pack.table;
        parameters[i * 5 + 3] = pack.row;
        parameters[i * 5 + 4] = pack.fields;
      }
      this.statement('addPacks').run(parameters);
    }
    for (; start < packs.length; start++) {
      const pack = packs[start];
      this.statement('addPack').run(pack.first, pack.last, pack.table, pack.row, pack.fields);
    }
  }

  /** Appends messages just stamped by our own clock: a collision fails the transaction. */
  appendOwnFields(messages: readonly ChangeMessage[]): void {
    for (const message of messages) {
      const { timestamp, table, row, column, value, base } = message;
      this.statement('addOwnField').run(timestamp, table, row, column, value, base ?? null);
    }
  }

  /** The node ids that wrote packs: a received message can only be in a pack of one of them. */
  packWriters(): Set<string> {
    if (!this.packed) return new Set();
    return new Set(this.statement('writers').pluck().all() as string[]);
  }

  /**
   * Adds received messages: runs that can be packed go in as packs (see `receivedRuns`), the rest in
   * rows of 100 per statement. Returns those that were new to the log (of a timestamp repeated
   * within the batch, its first message). Only long texts keep a base.
   */
  addReceived(messages: readonly ChangeMessage[], writers: ReadonlySet<string>): Set<ChangeMessage> {
    // A sync page comes in timestamp order and so holds no repeat: no need to look for any.
    let ascending = true;
    for (let i = 1; ascending && i < messages.length; i++)
      ascending = messages[i - 1].timestamp < messages[i].timestamp;
    const unique = ascending ? messages : firstOfEach(messages);
    // 0: to be looked for in the log; 1: new, in a pack; 2: new, a single row.
    const status = new Uint8Array(unique.length);
    const packs: Pack[] = [];
    const runs = this.packed ? receivedRuns(unique) : [];
    // A sync from empty, or catching up: the log holds nothing in the batch's span at all.
    const allNew = runs.length > 0 && this.holdsNothingIn(unique, writers);
    if (allNew) status.fill(2);
    for (const run of runs) {
      if (!allNew && !this.runIsNew(unique[run.start].timestamp, unique[run.end - 1].timestamp, writers)) continue;
      packs.push(run.pack);
      for (let i = run.start; i < run.end; i++) status[i] = packable(unique[i].table, unique[i].column) ? 1 : 2;
    }
    const added = new Set<ChangeMessage>();
    const candidates: ChangeMessage[] = [];
    for (let i = 0; i < unique.length; i++) {
      const message = unique[i];
      if (status[i] === 1) added.add(message);
      else if (status[i] === 2 || !(writers.has(message.timestamp.slice(-16)) && this.inPack(message.timestamp)))
        candidates.push(message);
    }
    // Only now: the checks above must see the log as it was before this batch.
    if (packs.length > 0) {
      for (const node of new Set(packs.map((pack) => pack.first.slice(-16)))) this.statement('addWriter').run(node);
      this.insertPacks(packs);
    }
    const parameters: FieldValue[] = new Array<FieldValue>(batch * 6);
    const fill = (message: ChangeMessage, at: number) => {
      parameters[at] = message.timestamp;
      parameters[at + 1] = message.table;
      parameters[at + 2] = message.row;
      parameters[at + 3] = message.column;
      parameters[at + 4] = message.value;
      parameters[at + 5] = isLongText(message.table, message.column) ? (message.base ?? null) : null;
    };
    let candidateOf: Map<string, ChangeMessage> | null = null;
    const note = (timestamps: string[]) => {
      candidateOf ??= new Map(candidates.map((message) => [message.timestamp, message]));
      for (const timestamp of timestamps) added.add(candidateOf.get(timestamp)!);
    };
    const timestamps = new Array<string>(batch);
    let start = 0;
    for (; start + batch <= candidates.length; start += batch) {
      for (let i = 0; i < batch; i++) {
        fill(candidates[start + i], i * 6);
        timestamps[i] = candidates[start + i].timestamp;
      }
      // Asking first costs 100 index probes; RETURNING cost a string and a lookup for every row.
      if (allNew || this.statement('anyHeld').get(timestamps) === undefined) {
        this.statement('addNewFields').run(parameters);
        for (let i = 0; i < batch; i++) added.add(candidates[start + i]);
      } else note(this.statement('addFields').pluck().all(parameters) as string[]);
    }
    for (; start < candidates.length; start++) {
      fill(candidates[start], 0);
      note(this.statement('addField').pluck().all(parameters.slice(0, 6)) as string[]);
    }
    return added;
  }

  /**
   * Whether the log holds no message in `first`..`last`, a run of one writer within one millisecond:
   * no single row in that span (whichever writer's: a cheap test, if stricter than needed) and no
   * pack of that writer reaching into it.
   */
  private runIsNew(first: string, last: string, writers: ReadonlySet<string>): boolean {
    if (this.statement('fieldBetween').get(first, last) !== undefined) return false;
    if (!writers.has(first.slice(-16))) return true;
    const pack = this.packOfWriterUpTo(last);
    return pack === null || pack.last < first;
  }

  /** Whether the log holds no message between the oldest and the newest of these (any writer's). */
  private holdsNothingIn(messages: readonly ChangeMessage[], writers: ReadonlySet<string>): boolean {
    let oldest = messages[0].timestamp;
    let newest = oldest;
    for (const { timestamp } of messages) {
      if (timestamp < oldest) oldest = timestamp;
      else if (timestamp > newest) newest = timestamp;
    }
    if (this.statement('fieldBetween').get(oldest, newest) !== undefined) return false;
    if (this.statement('packStartsBetween').get(oldest, newest) !== undefined) return false;
    // A pack starting before the oldest can reach in only from its millisecond (it never spans
    // two), and only the last such pack of each writer (one writer's packs never overlap).
    for (const node of writers) {
      const pack = this.packOfWriterUpTo(`${oldest.slice(0, 29)}${node}`);
      if (pack !== null && pack.last >= oldest) return false;
    }
    return true;
  }

  has(timestamp: string): boolean {
    return this.statement('fieldHas').get(timestamp) !== undefined || this.inPack(timestamp);
  }

  /**
   * One device's packs never overlap (its clock stamps them in order), so the only pack of the
   * timestamp's device that can hold it is the last one starting at or before it.
   */
  private inPack(timestamp: string): boolean {
    if (!this.packed) return false;
    const row = this.packOfWriterUpTo(timestamp);
    if (row === null || row.last < timestamp) return false;
    return holdsCounter(parsePack(row), parseInt(timestamp.slice(25, 29), 16));
  }

  /** The last pack of the timestamp's writer that starts at or before it, in its millisecond. */
  private packOfWriterUpTo(timestamp: string): PackRow | null {
    const node = timestamp.slice(-16);
    for (const row of this.statement('packsUpTo').iterate(timestamp.slice(0, 24), timestamp) as Iterable<PackRow>) {
      if (row.first.slice(-16) === node) return row;
    }
    return null;
  }

  /** Up to `limit` messages with timestamps after `after` (a timestamp or an ISO time), oldest first. */
  after(after: string, limit: number): ChangeMessage[] {
    if (limit <= 0) return [];
    const packed = this.straddling(after);
    // Packs come in order of their first message; once `limit` messages are in hand, a pack that
    // starts after the last of them cannot hold any of the first `limit`.
    let threshold: string | null = null;
    if (this.packed) {
      for (const row of this.statement('packsAfter').iterate(after) as Iterable<PackRow>) {
        if (threshold !== null && row.first >= threshold) break;
        for (const message of this.expandPack(row))
          if (threshold === null || message.timestamp < threshold) packed.push(message);
        if (threshold === null && packed.length >= limit) {
          packed.sort(byTimestamp);
          packed.length = limit;
          threshold = packed[limit - 1].timestamp;
        }
      }
    }
    // Single messages only up to that point: the packs already fill the page beyond it.
    const fieldRows = (
      threshold === null
        ? this.statement('fieldsAfter').all(after, limit)
        : this.statement('fieldsBetween').all(after, threshold, limit)
    ) as FieldRow[];
    const fields = fieldRows.map(fromFieldRow);
    const all = fields.concat(packed).sort(byTimestamp);
    if (all.length > limit) all.length = limit;
    return all;
  }

  /** How many messages `after` would page through from this cursor. */
  countAfter(after: string): number {
    const fields = this.statement('countFields').pluck().get(after) as number;
    if (!this.packed) return fields;
    return fields + (this.statement('countPacks').pluck().get(after) as number) + this.straddling(after).length;
  }

  /** The newest timestamp in the log, or null when it is empty. */
  newest(): string | null {
    const field = this.statement('newestField').pluck().get() as string | null;
    if (!this.packed) return field;
    const first = this.statement('newestPackFirst').pluck().get() as string | undefined;
    // Only a pack of the same millisecond as the newest first can end later than it does.
    const pack = first ? (this.statement('newestPackLast').pluck().get(first.slice(0, 24)) as string) : null;
    if (field === null || (pack !== null && pack > field)) return pack;
    return field;
  }

  /** Whether any message in the log was written by a device other than `node`. */
  othersWrote(node: string): boolean {
    if (this.statement('otherField').pluck().get(node) !== undefined) return true;
    return this.packed && this.statement('otherWriter').pluck().get(node) !== undefined;
  }

  /** Messages after `after` from packs that start at or before it (of its millisecond only). */
  private straddling(after: string): ChangeMessage[] {
    if (!this.packed || after.length < 24) return [];
    const rows = this.statement('straddling').all(after.slice(0, 24), after, after) as PackRow[];
    return rows.flatMap((row) => this.expandPack(row).filter((message) => message.timestamp > after));
  }
}
