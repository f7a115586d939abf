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
 */
export interface Pack {
  first: string;
  last: string;
  table: string;
  row: string;
  fields: string;
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
 * with the entry's column and timestamp); without it, the pack must hold every value.
 */
export function expand(row: PackRow, held?: (column: string, timestamp: string) => FieldValue): ChangeMessage[] {
  return (JSON.parse(row.fields) as PackEntry[]).map((entry) => {
    const timestamp = stampOf(row.first, entry[0]);
    let value: FieldValue;
    if (entry.length > 2) value = entry[2] as FieldValue;
    else if (held) value = held(entry[1], timestamp);
    else throw new Error(`change log: ${timestamp} keeps its value in the row, and nobody read it`);
    return { timestamp, table: row.tbl, row: row.row_id, column: entry[1], value };
  });
}
