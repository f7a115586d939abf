import type { Statement } from 'better-sqlite3';
import type { HybridClock } from '../sync/hlc';
import { hashTimestamp, MerkleDelta } from '../sync/merkle';
import type { ChangeMessage, FieldValue } from '../sync/messages';
import { expand, packable, type Pack } from './change-log';
import { lazyCommitted, type Committed } from './committed';
import type { Db } from './connection';
import { formatRowClock, mergeRowClocks, runClockText } from './row-clock';
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
 * Folds timestamps into a trie delta a minute at a time: XORed here, added to the delta once per
 * minute (a write stamps its fields in order, so a minute, once left, does not come back).
 */
class MinuteFolder {
  private end = -1;
  private millis = 0;
  private hash = 0;

  constructor(private readonly merkle: MerkleDelta) {}

  add(millis: number, timestamp: string): void {
    if (millis >= this.end) {
      this.done();
      this.millis = millis;
      this.end = (Math.floor(millis / 60_000) + 1) * 60_000;
    }
    this.hash = (this.hash ^ hashTimestamp(timestamp)) >>> 0;
  }

  /** Adds the minute in hand; call once the last timestamp is in. */
  done(): void {
    if (this.end >= 0) this.merkle.addHash(this.millis, this.hash);
    this.end = -1;
    this.hash = 0;
  }
}

/** A field value as JSON.stringify writes it. */
function valueJson(value: FieldValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return value === null ? 'null' : JSON.stringify(value);
}

/** `[counter, column, value]` as JSON.stringify writes a PackEntry; `columnJson` is the column's JSON. */
export function packEntryJson(counter: number, columnJson: string, value: FieldValue): string {
  return `[${counter},${columnJson},${valueJson(value)}]`;
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
  const minutes = new MinuteFolder(merkle);
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
      minutes.add(millis, timestamp);
      if (!pack || !packable(table, column)) {
        own.unpacked.push(message);
        continue;
      }
      if (current === null || millis !== packMillis) {
        if (current !== null) current.fields += ']';
        current = { first: timestamp, last: timestamp, table, row, fields: '[' };
        packMillis = millis;
        packs.push(current);
      } else current.fields += ',';
      current.fields += packEntryJson(clock.counter, JSON.stringify(column), value);
      current.last = timestamp;
    }
    if (current !== null) current.fields += ']';
  }
  minutes.done();
  return { messages, packs, merkle, rows };
}

/** The SQL function that lays a local change's clock over a stored row's (see row-clock.ts). */
const mergeClocksFunction = 'cg_merge_row_clocks';

/**
 * Upsert of a local row change: its fields win, and its stamps are laid over the row's clock in
 * the stored form every replica writes for the same clock. Table and column names come from the
 * schema registry (checked before), never from message text.
 */
function ownUpsertSql(table: string, columns: readonly string[]): string {
  const names = ['id', ...columns, '_clock'];
  const updates = columns.map((column) => `${column} = excluded.${column}`);
  const mergedClock = `${mergeClocksFunction}(${table}._clock, excluded._clock)`;
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

  constructor(private readonly db: Db) {
    // Only a row that exists already calls it: a new row takes the change's clock as it is.
    db.function(mergeClocksFunction, { deterministic: true }, (stored: unknown, newer: unknown) =>
      mergeRowClocks(String(stored), String(newer)),
    );
  }

  /** The upsert of these columns (sorted) of `table`, prepared once. */
  statement(table: string, columns: readonly string[]): Statement {
    const key = `${table}:${columns.join(',')}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(ownUpsertSql(table, columns));
      this.statements.set(key, statement);
    }
    return statement;
  }

  run(table: string, row: string, winners: Map<string, FieldValue>, stamps: Record<string, string>): void {
    const columns = [...winners.keys()].sort();
    const statement = this.statement(table, columns);
    const values: FieldValue[] = [row];
    for (const column of columns) values.push(winners.get(column) ?? null);
    values.push(formatRowClock(stamps));
    statement.run(values);
  }
}

export interface PackedChanges {
  packs: Pack[];
  merkle: MerkleDelta;
  committed: Committed;
}

/** What the quick path needs of a row change's columns, worked out once per table and column list. */
interface Shape {
  /** The columns as given: the order they are stamped in. */
  columns: string[];
  /** Index into `columns` of each column in sorted order: the upsert's parameters follow it. */
  sorted: number[];
  /** ` column column …`: the end of the row clock's short form (see row-clock.ts). */
  runColumns: string;
  /** Each column as JSON, for the pack text. */
  columnJson: string[];
  statement: Statement;
}

/**
 * The quick path for the common write (an import, a save of many cells): row changes whose fields
 * all go into packs. Each change is stamped field by field exactly as stampOwnChanges does, its
 * pack text and row clock are written as strings, and its row is upserted at once, without the
 * per-row maps. The same row twice in one write is upserted twice, in order: later stamps win each
 * field and the clocks merge in SQL, as one merged upsert would. Returns null, having done
 * nothing, when any field needs the full path (a long text, an erasable text, a file before 0190).
 */
export class PackedWrites {
  private readonly shapes = new Map<string, Shape | null>();
  private last: { table: string; shape: Shape } | null = null;

  constructor(private readonly upserts: OwnUpserts) {}

  write(changes: readonly RowChange[], clock: HybridClock): PackedChanges | null {
    const shapes: Shape[] = new Array<Shape>(changes.length);
    for (let i = 0; i < changes.length; i++) {
      const shape = this.shapeOf(changes[i]);
      if (shape === null) return null;
      shapes[i] = shape;
    }
    const packs: Pack[] = [];
    const merkle = new MerkleDelta();
    const tables = new Set<string>();
    let count = 0;
    const minutes = new MinuteFolder(merkle);
    const stamps: string[] = [];
    for (let c = 0; c < changes.length; c++) {
      const { table, row, values } = changes[c];
      const { columns, sorted, runColumns, columnJson, statement } = shapes[c];
      tables.add(table);
      count += columns.length;
      let current: Pack | null = null;
      let packMillis = -1;
      let split = false;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        const value = values[column];
        const timestamp = clock.send();
        const millis = clock.millis;
        stamps[i] = timestamp;
        minutes.add(millis, timestamp);
        // A pack never spans two milliseconds: the counter running out moves the clock on.
        if (current === null || millis !== packMillis) {
          if (current !== null) {
            current.fields += ']';
            split = true;
          }
          current = { first: timestamp, last: timestamp, table, row, fields: '[' };
          packMillis = millis;
          packs.push(current);
        } else current.fields += ',';
        current.fields += packEntryJson(clock.counter, columnJson[i], value);
        current.last = timestamp;
      }
      if (current !== null) current.fields += ']';
      const parameters: FieldValue[] = [row];
      for (let j = 0; j < sorted.length; j++) parameters.push(values[columns[sorted[j]]] ?? null);
      // Stamped within one millisecond, the fields' stamps run on from the first: the short form.
      parameters.push(split ? clockOf(columns, stamps) : `=${stamps[0]}${runColumns}`);
      statement.run(parameters);
    }
    minutes.done();
    // The messages are in the packs: made from them only if someone asks (see Committed).
    const committed = lazyCommitted(count, tables, () =>
      packs.flatMap(({ first, last, table, row, fields }) => expand({ first, last, tbl: table, row_id: row, fields })),
    );
    return { packs, merkle, committed };
  }

  private shapeOf({ table, values }: RowChange): Shape | null {
    // A write of many rows repeats one shape: check the last one first, without a key.
    const last = this.last;
    if (last !== null && last.table === table && sameColumns(values, last.shape.columns)) return last.shape;
    const columns = Object.keys(values);
    const key = `${table}\u0000${columns.join('\u0000')}`;
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      const sortedNames = [...columns].sort();
      shape =
        columns.length > 0 && columns.every((column) => packable(table, column))
          ? {
              columns,
              sorted: sortedNames.map((name) => columns.indexOf(name)),
              runColumns: runClockText('', columns).slice(1),
              columnJson: columns.map((column) => JSON.stringify(column)),
              statement: this.upserts.statement(table, sortedNames),
            }
          : null;
      this.shapes.set(key, shape);
    }
    if (shape !== null) this.last = { table, shape };
    return shape;
  }
}

/** The row clock of fields stamped across two milliseconds (rare: a counter ran out). */
function clockOf(columns: readonly string[], stamps: readonly string[]): string {
  const clock: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) clock[columns[i]] = stamps[i];
  return formatRowClock(clock);
}

/** Whether `values` has exactly these columns, in this order. */
function sameColumns(values: Record<string, FieldValue>, columns: readonly string[]): boolean {
  let i = 0;
  for (const column in values) {
    if (columns[i] !== column) return false;
    i++;
  }
  return i === columns.length;
}
