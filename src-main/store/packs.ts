import type { ChangeMessage, FieldValue } from '../sync/messages';
import { isErasable } from './erasure';
import { isLongText } from './schema';

// How the change log keeps messages in packs (migration 0190); store/change-log.ts reads and writes them.

/**
 * Whether a message of this field goes into a pack (migration 0190). Long texts keep a row each
 * in change_fields: their versions are looked up one by one (bases, conflict copies, erased words).
 */
export function packable(table: string, column: string): boolean {
  return !isLongText(table, column) && !isErasable(table, column);
}

/**
 * [counter, column, value]: the rest of the timestamp is the pack's. An entry of this device's own
 * write leaves the value out, [counter, column], while the row still holds it (migration 0210): the
 * row's field, stamped with that very timestamp, is the value. Before anything overwrites that
 * field, the write path puts the old value back into the entry (ChangeLog.keepOverwritten).
 */
export type PackEntry = [number, string] | [number, string, FieldValue];

/**
 * One row change's short fields, stamped by one clock within one millisecond: this device's own, or
 * another's as received (see receivedRuns). `fields` is the JSON text of its PackEntry list.
 *
 * A pack of several rows (migration 0220) has `row` (`row_id`) empty: a large write of this device
 * keeps up to fieldsPerPackOfRows consecutive stamps of one table, across rows, in one pack, its
 * `fields` being the JSON text of a PackOfRows. A write of 10,000 rows then adds a few hundred log
 * rows, not 10,000, and names each row's columns once per pack, not once per row.
 */
export interface Pack {
  first: string;
  last: string;
  table: string;
  row: string;
  fields: string;
}

/** `row_id` of a pack of several rows (see Pack). */
export const severalRows = '';

/** Fields after which a pack of several rows takes no further row (the next row starts a new pack). */
export const fieldsPerPackOfRows = 250;

/**
 * An item of a RowRun: a column whose value is in the row (as `[counter, column]` in PackEntry), or
 * `[column, value]` once the field was overwritten (ChangeLog.keepOverwritten).
 */
export type RunItem = string | [string, FieldValue];

/**
 * In a pack of several rows, one row change's fields stamped in a row: `[row, counter]` for the
 * pack's columns in order (see PackOfRows), or `[row, counter, item …]`; the k-th column or item is
 * stamped with counter `counter + k`.
 */
export type RowRun = [string, number, ...RunItem[]];

/** `fields` of a pack of several rows: the columns of its whole-row runs, then the runs. */
export type PackOfRows = [string[], ...RowRun[]];

/** The items of a run: the pack's columns for `[row, counter]`, else its own. */
function runItems(header: readonly string[], run: RowRun): readonly RunItem[] {
  return run.length === 2 ? header : (run.slice(2) as RunItem[]);
}

export interface PackRow {
  first: string;
  last: string;
  tbl: string;
  row_id: string;
  fields: string;
}

/** `2026-11-23T09:00:00.000Z-` + counter + `-<node>`: the pack's timestamp with another counter. */
function stampOf(first: string, counter: number): string {
  return `${first.slice(0, 25)}${counter.toString(16).padStart(4, '0')}${first.slice(29)}`;
}

/** Messages `start` to `end` (exclusive) of a received batch, stored as `pack` if new to the log. */
export interface ReceivedRun {
  start: number;
  end: number;
  pack: Pack;
}

/**
 * Received messages that can be kept as a pack, as their writer keeps its own edits (a sync from
 * empty then writes about one log row per row change, not one per field): neighbours in the batch
 * (timestamps unique) of one table and row, one writer and one millisecond, with consecutive
 * counters. Their short fields make the pack; long texts and erasable fields among them stay single
 * rows, as in the writer's own log. Only runs of two short fields or more are worth a pack.
 */
export function receivedRuns(messages: readonly ChangeMessage[]): ReceivedRun[] {
  const runs: ReceivedRun[] = [];
  let start = 0;
  while (start < messages.length) {
    const { table, row, timestamp: head } = messages[start];
    const counter = counterOf(head);
    const prefix = head.slice(0, 25);
    const suffix = head.slice(29);
    let end = start + 1;
    // Anything but the run's next timestamp, exactly as the clock writes it, ends the run: another
    // millisecond or writer, a counter skipped or past the last one.
    while (counter >= 0 && end < messages.length) {
      const { timestamp, table: nextTable, row: nextRow } = messages[end];
      if (nextTable !== table || nextRow !== row || timestamp.length !== head.length) break;
      if (
        counterOf(timestamp) !== counter + end - start ||
        !timestamp.startsWith(prefix) ||
        !timestamp.endsWith(suffix)
      )
        break;
      end++;
    }
    let first = '';
    let last = '';
    const entries: PackEntry[] = [];
    for (let i = start; i < end; i++) {
      const { timestamp, column, value } = messages[i];
      if (!packable(table, column)) continue;
      if (first === '') first = timestamp;
      last = timestamp;
      entries.push([counter + i - start, column, value]);
    }
    if (entries.length > 1)
      runs.push({ start, end, pack: { first, last, table, row, fields: JSON.stringify(entries) } });
    start = end;
  }
  return runs;
}

/** A timestamp's counter when written as the clock writes it (four lowercase hex digits), else -1. */
function counterOf(timestamp: string): number {
  let counter = 0;
  for (let i = 25; i < 29; i++) {
    const code = timestamp.charCodeAt(i);
    const digit = code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1;
    if (digit < 0) return -1;
    counter = counter * 16 + digit;
  }
  return counter;
}

/**
 * A pack's messages, in order. `held` gives the value of an entry that left it to the row (called
 * with the entry's column, timestamp and row, and the index of its run in a pack of several rows);
 * without it, the pack must hold every value.
 */
export function expand(
  pack: PackRow,
  held?: (column: string, timestamp: string, row: string, run: number) => FieldValue,
): ChangeMessage[] {
  const valueOf = (column: string, timestamp: string, row: string, run: number): FieldValue => {
    if (held) return held(column, timestamp, row, run);
    throw new Error(`change log: ${timestamp} keeps its value in the row, and nobody read it`);
  };
  if (pack.row_id === severalRows) {
    const messages: ChangeMessage[] = [];
    const [header, ...runs] = JSON.parse(pack.fields) as PackOfRows;
    runs.forEach((run, index) => {
      const [row, counter] = run;
      runItems(header, run).forEach((item, k) => {
        const timestamp = stampOf(pack.first, counter + k);
        const column = typeof item === 'string' ? item : item[0];
        const value = typeof item === 'string' ? valueOf(column, timestamp, row, index) : item[1];
        messages.push({ timestamp, table: pack.tbl, row, column, value });
      });
    });
    return messages;
  }
  return (JSON.parse(pack.fields) as PackEntry[]).map((entry) => {
    const timestamp = stampOf(pack.first, entry[0]);
    const value = entry.length > 2 ? (entry[2] as FieldValue) : valueOf(entry[1], timestamp, pack.row_id, 0);
    return { timestamp, table: pack.tbl, row: pack.row_id, column: entry[1], value };
  });
}

/** A pack's `fields` as parsed, to look for an entry or keep a value in one (see keepValue). */
export interface ParsedPack {
  several: boolean;
  items: PackEntry[] | PackOfRows;
}

export function parsePack(pack: PackRow): ParsedPack {
  return { several: pack.row_id === severalRows, items: JSON.parse(pack.fields) as PackEntry[] | PackOfRows };
}

/** Whether the pack holds a message with this counter. */
export function holdsCounter(pack: ParsedPack, counter: number): boolean {
  if (!pack.several) return (pack.items as PackEntry[]).some((entry) => entry[0] === counter);
  const [header, ...runs] = pack.items as PackOfRows;
  return runs.some((run) => counter >= run[1] && counter < run[1] + runItems(header, run).length);
}

/**
 * Puts `value` into the entry of `row`'s `column` stamped with `counter`, if that entry left its
 * value to the row. Returns whether it did.
 */
export function keepValue(pack: ParsedPack, row: string, counter: number, column: string, value: FieldValue): boolean {
  if (!pack.several) {
    const entries = pack.items as PackEntry[];
    const at = entries.findIndex((candidate) => candidate[0] === counter);
    const entry = entries[at];
    if (!entry || entry.length !== 2 || entry[1] !== column) return false;
    entries[at] = [counter, column, value];
    return true;
  }
  const [header, ...runs] = pack.items as PackOfRows;
  for (const run of runs) {
    const at = counter - run[1];
    if (run[0] !== row || at < 0 || at >= runItems(header, run).length) continue;
    // A whole-row run names its items from here on.
    if (run.length === 2) run.push(...header);
    if (run[2 + at] !== column) return false;
    run[2 + at] = [column, value];
    return true;
  }
  return false;
}
