import type { Statement } from 'better-sqlite3';
import { formatHlc, type HybridClock } from '../sync/hlc';
import { hashTimestamp, MerkleDelta, TimestampHasher } from '../sync/merkle';
import type { ChangeMessage, FieldValue } from '../sync/messages';
import { expand, packable, type ChangeLog, type KeptPacks, type Pack } from './change-log';
import { fieldsPerPackOfRows, severalRows } from './packs';
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
    this.addHash(millis, hashTimestamp(timestamp));
  }

  /** `add` with the timestamp's hash already made (see TimestampHasher). */
  addHash(millis: number, hash: number): void {
    if (millis >= this.end) {
      this.done();
      this.millis = millis;
      this.end = (Math.floor(millis / 60_000) + 1) * 60_000;
    }
    this.hash = (this.hash ^ hash) >>> 0;
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

/**
 * Stamps local changes field by field, in order, and packs each row change's short fields (a new
 * pack when the millisecond moves on, so a pack never spans two). An entry leaves its value to the
 * row (see PackEntry) unless a later change of the same write overwrites its field. The trie delta
 * is gathered here, once per message, and folded once per transaction. `pack` is false on a file
 * before migration 0190.
 */
export function stampOwnChanges(changes: readonly RowChange[], clock: HybridClock, pack = true): StampedChanges {
  const messages: ChangeMessage[] = [];
  const packs: Pack[] = [];
  // Each pack's entries, its text written once every stamp of the write is known.
  const entries: { own: OwnRow; messages: ChangeMessage[]; counters: number[] }[] = [];
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
        current = { first: timestamp, last: timestamp, table, row, fields: '' };
        packMillis = millis;
        packs.push(current);
        entries.push({ own, messages: [], counters: [] });
      }
      entries[entries.length - 1].messages.push(message);
      entries[entries.length - 1].counters.push(clock.counter);
      current.last = timestamp;
    }
  }
  minutes.done();
  for (let i = 0; i < packs.length; i++) {
    const { own, messages: packed, counters } = entries[i];
    packs[i].fields = `[${packed
      .map(({ timestamp, column, value }, j) =>
        own.stamps[column] === timestamp
          ? packEntryJson(counters[j], JSON.stringify(column))
          : packEntryJson(counters[j], JSON.stringify(column), value),
      )
      .join(',')}]`;
  }
  return { messages, packs, merkle, rows };
}

/**
 * `[counter, column]`, or `[counter, column, value]`, as JSON.stringify writes a PackEntry;
 * `columnJson` is the column's JSON.
 */
function packEntryJson(counter: number, columnJson: string, ...value: [] | [FieldValue]): string {
  return value.length === 0 ? `[${counter},${columnJson}]` : `[${counter},${columnJson},${valueJson(value[0])}]`;
}

/** The SQL function that lays a local change's clock over a stored row's (see row-clock.ts). */
const mergeClocksFunction = 'cg_merge_row_clocks';

/**
 * A local row change as an insert of a new row, and the upsert for a row that exists already: its
 * fields win, and its stamps are laid over the row's clock in the stored form every replica writes
 * for the same clock. Table and column names come from the schema registry (checked before), never
 * from message text.
 */
function ownWriteSql(table: string, columns: readonly string[]): { insert: string; upsert: string } {
  const names = ['id', ...columns, '_clock'];
  const insert = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const updates = columns.map((column) => `${column} = excluded.${column}`);
  const mergedClock = `${mergeClocksFunction}(${table}._clock, excluded._clock)`;
  return {
    insert: `${insert} ON CONFLICT(id) DO NOTHING`,
    upsert: `${insert} ON CONFLICT(id) DO UPDATE SET ${[...updates, `_clock = ${mergedClock}`].join(', ')}`,
  };
}

export interface OwnWrite {
  insert: Statement;
  upsert: Statement;
}

/**
 * Writes local row changes. A local stamp is newer than any the row holds, so its fields simply
 * win. A new row is one insert. On a row that exists, the values its fields hold go back into the
 * log first (their pack entries may have left them to the row: see PackEntry), then its clock is
 * merged in SQL without reading it.
 */
export class OwnUpserts {
  private readonly statements = new Map<string, OwnWrite>();

  constructor(
    private readonly db: Db,
    private readonly log: ChangeLog,
  ) {
    // Only a row that exists already calls it: a new row takes the change's clock as it is.
    db.function(mergeClocksFunction, { deterministic: true }, (stored: unknown, newer: unknown) =>
      mergeRowClocks(String(stored), String(newer)),
    );
  }

  /** The statements for these columns (sorted) of `table`, prepared once. */
  statement(table: string, columns: readonly string[]): OwnWrite {
    const key = `${table}:${columns.join(',')}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const sql = ownWriteSql(table, columns);
      statement = { insert: this.db.prepare(sql.insert), upsert: this.db.prepare(sql.upsert) };
      this.statements.set(key, statement);
    }
    return statement;
  }

  run(table: string, row: string, winners: Map<string, FieldValue>, stamps: Record<string, string>): void {
    const columns = [...winners.keys()].sort();
    const values: FieldValue[] = [row];
    for (const column of columns) values.push(winners.get(column) ?? null);
    values.push(formatRowClock(stamps));
    this.write(this.statement(table, columns), table, row, columns, values);
  }

  /**
   * `parameters`: the row id, the values of `columns` (sorted) and the change's clock text.
   * `beforeOverwrite` runs first when the row exists (the quick path stores its packs then);
   * `keeping` as for ChangeLog.keepOverwritten.
   */
  write(
    statement: OwnWrite,
    table: string,
    row: string,
    columns: readonly string[],
    parameters: FieldValue[],
    beforeOverwrite?: () => void,
    keeping?: KeptPacks,
  ): void {
    if (statement.insert.run(parameters).changes > 0) return;
    beforeOverwrite?.();
    this.log.keepOverwritten(table, row, columns, keeping);
    statement.upsert.run(parameters);
  }
}

export interface PackedChanges {
  merkle: MerkleDelta;
  committed: Committed;
}

/** What the quick path needs of a row change's columns, worked out once per table and column list. */
interface Shape {
  /** The columns as given: the order they are stamped in. */
  columns: string[];
  /** The columns in sorted order: the statements' parameters follow it. */
  sortedNames: string[];
  /** Index into `columns` of each column in sorted order. */
  sorted: number[];
  /** ` column column …`: the end of the row clock's short form (see row-clock.ts). */
  runColumns: string;
  /** Each column as JSON, for the pack text. */
  columnJson: string[];
  /** The start of a pack of several rows of this shape: `[` and the columns (see PackOfRows). */
  header: string;
  statement: OwnWrite;
}

/**
 * The quick path for the common write (an import, a save of many cells): row changes whose fields
 * all go into packs. Each change is stamped field by field exactly as stampOwnChanges does, but its
 * stamps go into packs of several rows (PackOfRows in packs.ts: up to fieldsPerPackOfRows stamps of
 * one shape of change, cut where a millisecond ends or a row about to be overwritten comes), its
 * pack text and row clock are written as strings, and its row is written at once, without the
 * per-row maps. Every entry leaves its value to the row (a local stamp always wins its field); the
 * same row twice in one write is written twice, in order, the second keeping the first's values in
 * the log as any overwrite does. The packs go into `log` here. Returns null, having done nothing,
 * when any field needs the full path (a long text, an erasable text, a file before 0190).
 */
export class PackedWrites {
  private readonly shapes = new Map<string, Shape | null>();
  private last: { table: string; shape: Shape } | null = null;
  private readonly hasher: TimestampHasher;

  constructor(
    private readonly upserts: OwnUpserts,
    private readonly log: ChangeLog,
    private readonly node: string,
  ) {
    this.hasher = new TimestampHasher(node);
  }

  write(changes: readonly RowChange[], clock: HybridClock): PackedChanges | null {
    const shapes: Shape[] = new Array<Shape>(changes.length);
    for (let i = 0; i < changes.length; i++) {
      const shape = this.shapeOf(changes[i]);
      if (shape === null) return null;
      shapes[i] = shape;
    }
    const node = this.node;
    const packs: Pack[] = [];
    // The values of each run of each pack, for the messages if someone asks (see Committed).
    const sources: Record<string, FieldValue>[][] = [];
    // The pack being filled: its millisecond, how many fields it holds, its last counter.
    let current: Pack | null = null;
    let packMillis = -1;
    let packFields = 0;
    let packShape: Shape | null = null;
    let lastCounter = 0;
    const close = () => {
      if (current === null) return;
      current.fields += ']';
      current.last = formatHlc({ millis: packMillis, counter: lastCounter, node });
      current = null;
    };
    let stored = 0;
    // Before a row that exists is overwritten, the log must hold every pack so far (see keepOverwritten).
    const storePacks = () => {
      close();
      this.log.appendPacks(packs.slice(stored), node);
      stored = packs.length;
    };
    const keeping: KeptPacks = new Map();
    const merkle = new MerkleDelta();
    const tables = new Set<string>();
    let count = 0;
    const minutes = new MinuteFolder(merkle);
    const millisOf: number[] = [];
    const counters: number[] = [];
    for (let c = 0; c < changes.length; c++) {
      const { table, row, values } = changes[c];
      const shape = shapes[c];
      const { columns, sortedNames, sorted, runColumns, statement } = shape;
      if (c === 0 || table !== changes[c - 1].table) tables.add(table);
      count += columns.length;
      if (current !== null && (shape !== packShape || packFields >= fieldsPerPackOfRows)) close();
      const rowJson = JSON.stringify(row);
      let runStart = 0;
      let split = false;
      // Only a pack's first and last timestamps are written out; the trie hashes the rest from parts.
      for (let i = 0; i < columns.length; i++) {
        clock.tick();
        const millis = clock.millis;
        const counter = clock.counter;
        millisOf[i] = millis;
        counters[i] = counter;
        minutes.addHash(millis, this.hasher.hash(millis, counter));
        // A pack never spans two milliseconds: the counter running out moves the clock on.
        if (current === null || millis !== packMillis) {
          if (current !== null && i > runStart) {
            // The row's fields so far end their run in the pack of the millisecond before.
            current.fields += runText(rowJson, counters[runStart], shape, runStart, i);
            sources[sources.length - 1].push(values);
            split = true;
          }
          close();
          runStart = i;
          const first = formatHlc({ millis, counter, node });
          current = { first, last: first, table, row: severalRows, fields: shape.header };
          packShape = shape;
          packMillis = millis;
          packFields = 0;
          packs.push(current);
          sources.push([]);
        }
        lastCounter = counter;
        packFields++;
      }
      const pack = current as Pack | null;
      if (pack === null) throw new Error('write path: a row change without fields');
      pack.fields += runText(rowJson, counters[runStart], shape, runStart, columns.length);
      sources[sources.length - 1].push(values);
      const parameters = new Array<FieldValue>(sorted.length + 2);
      parameters[0] = row;
      for (let j = 0; j < sorted.length; j++) parameters[j + 1] = values[columns[sorted[j]]] ?? null;
      // Stamped within one millisecond, the fields' stamps run on from the first: the short form.
      parameters[sorted.length + 1] = split
        ? clockOf(columns, millisOf, counters, node)
        : `=${formatHlc({ millis: millisOf[0], counter: counters[0], node })}${runColumns}`;
      this.upserts.write(statement, table, row, sortedNames, parameters, storePacks, keeping);
    }
    minutes.done();
    storePacks();
    this.log.storeKept(keeping);
    const committed = lazyCommitted(count, tables, () =>
      packs.flatMap(({ first, last, table, row, fields }, i) =>
        expand(
          { first, last, tbl: table, row_id: row, fields },
          (column, _timestamp, _row, run) => sources[i][run][column],
        ),
      ),
    );
    return { merkle, committed };
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
              sortedNames,
              sorted: sortedNames.map((name) => columns.indexOf(name)),
              runColumns: runClockText('', columns).slice(1),
              columnJson: columns.map((column) => JSON.stringify(column)),
              header: `[[${columns.map((column) => JSON.stringify(column)).join(',')}]`,
              statement: this.upserts.statement(table, sortedNames),
            }
          : null;
      this.shapes.set(key, shape);
    }
    if (shape !== null) this.last = { table, shape };
    return shape;
  }
}

/**
 * The text to append to a pack's `fields` for a RowRun of the columns `start` to `end` (exclusive)
 * stamped from `counter`, their values left to the row: `[row, counter]` for all of them, the
 * pack's columns (see PackOfRows).
 */
function runText(rowJson: string, counter: number, shape: Shape, start: number, end: number): string {
  return start === 0 && end === shape.columns.length
    ? `,[${rowJson},${counter}]`
    : `,[${rowJson},${counter},${shape.columnJson.slice(start, end).join(',')}]`;
}

/** The row clock of fields stamped across two milliseconds (rare: a counter ran out). */
function clockOf(
  columns: readonly string[],
  millis: readonly number[],
  counters: readonly number[],
  node: string,
): string {
  const clock: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++)
    clock[columns[i]] = formatHlc({ millis: millis[i], counter: counters[i], node });
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
