import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog } from '../../../src-main/store/change-log';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { WritePath } from '../../../src-main/store/write-path';
import { formatHlc } from '../../../src-main/sync/hlc';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';
import { dumpTable } from './db-dump';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const writers = ['00000000000000a1', '00000000000000c3', '00000000000000d4'];
const readerNode = writers[0];
const columns = ['name', 'kind', 'notes', 'sector', 'email'];

function byTimestamp(a: ChangeMessage, b: ChangeMessage): number {
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}

function withoutBase({ timestamp, table, row, column, value }: ChangeMessage): ChangeMessage {
  return { timestamp, table, row, column, value };
}

function viewed(db: Db): ChangeMessage[] {
  return (
    db.prepare('SELECT timestamp, tbl, row_id, col, value FROM change_log ORDER BY timestamp').all() as {
      timestamp: string;
      tbl: string;
      row_id: string;
      col: string;
      value: string;
    }[]
  ).map((row) => ({ timestamp: row.timestamp, table: row.tbl, row: row.row_id, column: row.col, value: row.value }));
}

/** Row changes of two other devices, stamped as their clocks would (some counters skipped). */
const rowChange = fc.record({
  writer: fc.integer({ min: 1, max: 2 }),
  row: fc.constantFrom('p1', 'p2', 'p3'),
  fields: fc.shuffledSubarray(columns, { minLength: 1 }),
  nextMillis: fc.boolean(),
  skip: fc.boolean(),
});
const delivery = fc.record({
  from: fc.nat(40),
  length: fc.nat(40),
  order: fc.constantFrom('sorted', 'reversed', 'doubled', 'shuffled'),
  seed: fc.nat(),
  /** This device writes before the delivery: its own packs, later echoed back. */
  ownEdit: fc.option(fc.record({ row: fc.constantFrom('p1', 'p4'), fields: fc.subarray(columns, { minLength: 1 }) })),
});

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('received messages kept in packs, whatever arrives in whatever order', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('keeps exactly the messages received, once each, in packs that never overlap for one writer', () => {
    let file = 0;
    fc.assert(
      fc.property(
        fc.array(rowChange, { minLength: 1, maxLength: 12 }),
        fc.array(delivery, { maxLength: 8 }),
        (changes, deliveries) => {
          const clocks = writers.map(() => ({ millis: base, counter: 0 }));
          const others: ChangeMessage[] = [];
          for (const { writer, row, fields, nextMillis, skip } of changes) {
            const clock = clocks[writer];
            if (nextMillis) clock.millis += 1 + writer;
            clock.counter += skip ? 2 : 0;
            for (const column of fields) {
              const timestamp = formatHlc({ millis: clock.millis, counter: clock.counter++, node: writers[writer] });
              others.push({ timestamp, table: 'partners', row, column, value: `${column} ${timestamp.slice(20, 29)}` });
            }
          }
          others.sort(byTimestamp);
          const db = openDatabase(join(temp.dir, `reader-${file}.sqlite`), { create: true });
          // The same messages one at a time, never in a pack: what the domain tables must come to.
          const reference = openDatabase(join(temp.dir, `reference-${file++}.sqlite`), { create: true });
          try {
            db.pragma('synchronous = OFF');
            reference.pragma('synchronous = OFF');
            const reader = new WritePath(db, readerNode, { now: () => base + 1 });
            const referencePath = new WritePath(reference, '00000000000000e5', { now: () => base + 1 });
            const own: ChangeMessage[] = [];
            const held = new Set<string>();
            for (const { from, length, order, seed, ownEdit } of deliveries) {
              if (ownEdit) {
                const values = Object.fromEntries(ownEdit.fields.map((column) => [column, `own ${column}`]));
                for (const message of reader.write([{ table: 'partners', row: ownEdit.row, values }])) {
                  own.push(message);
                  held.add(message.timestamp);
                }
              }
              // Others' messages, with this device's own among them as a hub would echo them.
              const known = [...others, ...own].sort(byTimestamp);
              const slice = known.slice(from % known.length, (from % known.length) + length);
              const batch =
                order === 'reversed'
                  ? [...slice].reverse()
                  : order === 'doubled'
                    ? slice.flatMap((message) => [message, { ...message }])
                    : order === 'shuffled'
                      ? shuffle(slice, seed)
                      : slice;
              const fresh = new Set(slice.map((message) => message.timestamp).filter((t) => !held.has(t)));
              expect(reader.receive(batch).added).toBe(fresh.size);
              for (const timestamp of fresh) held.add(timestamp);
              for (const message of slice) held.add(message.timestamp);
            }
            expect(reader.receive(others).added).toBe(others.filter((m) => !held.has(m.timestamp)).length);
            const everything = [...others, ...own].sort(byTimestamp);
            expect(viewed(db)).toEqual(everything.map(withoutBase));
            const log = new ChangeLog(db);
            expect(log.after('', everything.length + 1).map(withoutBase)).toEqual(everything.map(withoutBase));
            expect(log.countAfter('')).toBe(everything.length);
            for (const message of everything) expect(log.has(message.timestamp)).toBe(true);
            expect(reader.receive([...everything].reverse())).toMatchObject({ added: 0 });

            // One writer's packs, in order, each end before the next begins.
            const packs = db
              .prepare('SELECT first, last FROM change_packs ORDER BY substr(first, 30), first')
              .all() as {
              first: string;
              last: string;
            }[];
            for (let i = 1; i < packs.length; i++) {
              if (packs[i].first.slice(29) === packs[i - 1].first.slice(29))
                expect(packs[i - 1].last < packs[i].first).toBe(true);
            }

            for (const message of everything) referencePath.receive([message]);
            expect(dumpTable(db, 'partners')).toEqual(dumpTable(reference, 'partners'));
            expect(dumpTable(db, 'merkle')).toEqual(dumpTable(reference, 'merkle'));
            expect(dumpTable(db, 'conflict_copies')).toEqual(dumpTable(reference, 'conflict_copies'));
          } finally {
            db.close();
            reference.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
