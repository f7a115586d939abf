import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../../../src-main/store/connection';
import { domainTables, type ColumnType, type DomainTable } from '../../../src-main/store/schema';
import { WritePath, type RowChange } from '../../../src-main/store/write-path';
import { formatHlc } from '../../../src-main/sync/hlc';
import { addToDelta } from '../../../src-main/sync/merkle';
import type { ChangeMessage, FieldValue } from '../../../src-main/sync/messages';
import { dumpTable, type Row } from './db-dump';
import { formatRowClock } from '../../../src-main/store/row-clock';

/**
 * Any set of messages, delivered to any replica in any order, in any batches, with repeats, must
 * leave every replica with the same domain rows, change log and merkle trie, and those must equal
 * plain last-writer-wins per field: the value of the message with the greatest timestamp.
 */
const tables = Object.keys(domainTables) as DomainTable[];
const nodePool = ['00000000000000a1', '00000000000000b2', '0123456789abcdef', 'fedcba9876543210'];
const base = Date.parse('2026-11-23T09:00:00.000Z');
const rowIds = ['r1', 'r2', 'r3'];

function valueArb(type: ColumnType, column: string): fc.Arbitrary<FieldValue> {
  switch (type) {
    case 'text':
      return fc.oneof(
        fc.constantFrom('', 'Food Bank', 'école', '1', 'a'),
        fc.string({ maxLength: 8 }),
        fc.constant(null),
      );
    case 'flag':
      // Flags are NOT NULL and the write path refuses null for them (see write-path.test.ts).
      return column.length > 0 ? fc.constantFrom(0, 1) : fc.constant(0);
    case 'integer':
      return fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constant(null));
    case 'real':
      // Quarters: fractional values, but no -0 (SQLite stores it as 0, which the model would not).
      return fc.oneof(
        fc.integer({ min: -4000, max: 4000 }).map((n) => n / 4 || 0),
        fc.constant(null),
      );
  }
}

const fieldArb: fc.Arbitrary<{ table: DomainTable; column: string; value: FieldValue }> = fc
  .constantFrom(...tables)
  .chain((table) => {
    const columns = Object.entries(domainTables[table] as Record<string, ColumnType>);
    return fc
      .constantFrom(...columns)
      .chain(([column, type]) => valueArb(type, column).map((value) => ({ table, column, value })));
  });

/** Messages from 2-4 devices, crowded into a few seconds so equal millis and counters are common. */
const messagesArb: fc.Arbitrary<ChangeMessage[]> = fc
  .integer({ min: 2, max: 4 })
  .chain((nodeCount) =>
    fc.uniqueArray(
      fc.record({
        millis: fc.integer({ min: base - 2000, max: base + 2000 }),
        counter: fc.integer({ min: 0, max: 3 }),
        node: fc.constantFrom(...nodePool.slice(0, nodeCount)),
        row: fc.constantFrom(...rowIds),
        field: fieldArb,
      }),
      { minLength: 1, maxLength: 40, selector: ({ millis, counter, node }) => `${millis}/${counter}/${node}` },
    ),
  )
  .map((drafts) =>
    drafts.map(({ millis, counter, node, row, field }) => ({
      timestamp: formatHlc({ millis, counter, node }),
      table: field.table,
      row,
      column: field.column,
      value: field.value,
    })),
  );

/** How one replica hears the messages: an order, some repeats, and batch sizes. */
interface Delivery {
  order: number[];
  repeats: { message: number; at: number }[];
  batchSizes: number[];
}

function deliveryArb(count: number): fc.Arbitrary<Delivery> {
  const indices = Array.from({ length: count }, (_, i) => i);
  return fc.record({
    order: fc.shuffledSubarray(indices, { minLength: count, maxLength: count }),
    repeats: fc.array(fc.record({ message: fc.nat(count - 1), at: fc.nat(count * 2) }), { maxLength: 10 }),
    batchSizes: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 }),
  });
}

function batches(messages: readonly ChangeMessage[], delivery: Delivery): ChangeMessage[][] {
  const stream = delivery.order.map((i) => messages[i]);
  for (const { message, at } of delivery.repeats) stream.splice(at % (stream.length + 1), 0, messages[message]);
  const result: ChangeMessage[][] = [];
  for (let start = 0, i = 0; start < stream.length; i++) {
    const size = delivery.batchSizes[i % delivery.batchSizes.length];
    result.push(stream.slice(start, start + size));
    start += size;
  }
  return result;
}

interface Snapshot {
  domain: Record<string, Row[]>;
  changeLog: Row[];
  merkle: Row[];
}

function snapshot(db: Db): Snapshot {
  const domain: Record<string, Row[]> = {};
  for (const table of tables) domain[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Row[];
  return { domain, changeLog: dumpTable(db, 'change_log'), merkle: dumpTable(db, 'merkle') };
}

/** The expected state, computed without SQL: last writer wins per (table, row, column). */
function model(messages: readonly ChangeMessage[]): Snapshot {
  const unique = new Map(messages.map((m) => [m.timestamp, m]));
  const sorted = [...unique.values()].sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
  const rows = new Map<string, { values: Record<string, FieldValue>; clock: Record<string, string> }>();
  for (const m of sorted) {
    const key = `${m.table}\u0000${m.row}`;
    const entry = rows.get(key) ?? { values: {}, clock: {} };
    entry.values[m.column] = m.value;
    entry.clock[m.column] = m.timestamp;
    rows.set(key, entry);
  }
  const domain: Record<string, Row[]> = {};
  for (const table of tables) {
    const registry: Record<string, ColumnType> = domainTables[table];
    const columns = Object.keys(registry);
    domain[table] = [...rows.entries()]
      .filter(([key]) => key.startsWith(`${table}\u0000`))
      .map(([key, { values, clock }]) => {
        const row: Row = { id: key.slice(table.length + 1) };
        // Flag columns are NOT NULL DEFAULT 0 in the schema; every other column starts out null.
        for (const column of columns) row[column] = values[column] ?? (registry[column] === 'flag' ? 0 : null);
        // Every replica stores the same text for the same clock (row-clock.ts).
        row._clock = formatRowClock(clock);
        return row;
      })
      .sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
  }
  // A voice note's text set to null is an erasure: every older version of that text is blank in
  // the log too (store/erasure.ts). The rows are unaffected: the winner is never older.
  const erasedUpTo = new Map<string, string>();
  for (const m of sorted)
    if (m.table === 'voice_notes' && m.column === 'text' && m.value === null) erasedUpTo.set(m.row, m.timestamp);
  const logValue = (m: ChangeMessage) =>
    m.table === 'voice_notes' && m.column === 'text' && m.timestamp < (erasedUpTo.get(m.row) ?? '') ? null : m.value;
  const delta = new Map<string, number>();
  for (const m of sorted) addToDelta(delta, Date.parse(m.timestamp.slice(0, 24)), m.timestamp);
  return {
    domain,
    changeLog: sorted.map((m) => ({
      timestamp: m.timestamp,
      tbl: m.table,
      row_id: m.row,
      col: m.column,
      value: logValue(m),
      base: m.base ?? null,
    })),
    merkle: [...delta.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([node, hash]) => ({ node, hash })),
  };
}

function replica(node: string, now: number): { db: Db; writePath: WritePath } {
  const db = openMemoryDatabase();
  return { db, writePath: new WritePath(db, node, { now: () => now }) };
}

/**
 * 300 runs of three SQLite replicas take 10-20 s on an idle 2-core machine and over 30 s while
 * other suites load it (33-34 s measured in a full run). The limit only guards against a hang;
 * nothing here is timed.
 */
const propertyTimeout = 120_000;

describe('convergence of replicas', () => {
  it(
    'gives identical state for any delivery order, batching and repeats, equal to the LWW model',
    () => {
      const scenario = messagesArb.chain((messages) =>
        fc.tuple(fc.constant(messages), fc.array(deliveryArb(messages.length), { minLength: 2, maxLength: 3 })),
      );
      fc.assert(
        fc.property(scenario, ([messages, deliveries]) => {
          const expected = model(messages);
          const states = deliveries.map((delivery, i) => {
            const { db, writePath } = replica(`ffffffffffffff0${i}`, base + i * 7_000);
            try {
              let added = 0;
              for (const batch of batches(messages, delivery)) added += writePath.receive(batch).added;
              expect(added).toBe(messages.length);
              return snapshot(db);
            } finally {
              db.close();
            }
          });
          for (const state of states) expect(state).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    },
    propertyTimeout,
  );

  it(
    'converges when devices write locally and then exchange their change logs',
    () => {
      const localWrite = fc.record({ row: fc.constantFrom(...rowIds), field: fieldArb });
      const scenario = fc.tuple(
        fc.array(fc.array(localWrite, { maxLength: 12 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
      );
      fc.assert(
        fc.property(scenario, ([writesPerDevice, clockSkews, seeds]) => {
          const devices = writesPerDevice.map((_, i) => replica(nodePool[i], base + clockSkews[i]));
          try {
            writesPerDevice.forEach((writes, i) => {
              for (const { row, field } of writes) {
                const change: RowChange = { table: field.table, row, values: { [field.column]: field.value } };
                devices[i].writePath.write([change]);
              }
            });
            const logs = devices.map(
              ({ db }) =>
                db
                  .prepare(
                    'SELECT timestamp, tbl AS "table", row_id AS row, col AS column, value, base FROM change_log',
                  )
                  .all() as ChangeMessage[],
            );
            const everything = logs.flat();
            devices.forEach(({ writePath }, i) => {
              // Others' logs in a rotated order, with this device's own messages mixed in as repeats.
              const offset = seeds[i] % everything.length || 0;
              writePath.receive([...everything.slice(offset), ...everything.slice(0, offset)]);
            });
            const expected = model(everything);
            for (const { db } of devices) expect(snapshot(db)).toEqual(expected);
          } finally {
            for (const { db } of devices) db.close();
          }
        }),
        { numRuns: 300 },
      );
    },
    propertyTimeout,
  );
});
