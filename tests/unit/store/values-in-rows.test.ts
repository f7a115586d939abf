import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeLogViewWithRowsSql, packedColumns } from '../../../src-main/store/change-log-view';
import { ChangeLog, fromFieldRow, type FieldRow } from '../../../src-main/store/change-log';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { domainTables } from '../../../src-main/store/schema';
import { WritePath, type RowChange } from '../../../src-main/store/write-path';
import type { ChangeMessage, FieldValue } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';

// Pack entries of this device's own writes leave their values to the rows (migration 0210); the
// log must still give back every message ever written or received, with the value it had.

const node = '00000000000000c3';
const peer = '00000000000000e5';
const base = Date.parse('2026-11-23T09:00:00.000Z');

/**
 * The pack entries as stored: [counter, column] or [counter, column, value]; in a pack of several
 * rows (migration 0220), its columns, then runs of [row, counter] (those columns) or
 * [row, counter, item …], an item a column or [column, value].
 */
function storedEntries(db: Db): unknown[][] {
  const rows = db.prepare('SELECT fields FROM change_packs ORDER BY first').pluck().all() as string[];
  return rows.flatMap((fields) => JSON.parse(fields) as unknown[][]);
}

/** A message as the log gives it back: `base` only where one is set. */
function plain({ timestamp, table, row, column, value, base: versionBase }: ChangeMessage): ChangeMessage {
  return { timestamp, table, row, column, value, ...(versionBase ? { base: versionBase } : {}) };
}

function byTimestamp(a: ChangeMessage, b: ChangeMessage): number {
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}

function viewed(db: Db): ChangeMessage[] {
  const rows = db
    .prepare('SELECT timestamp, tbl, row_id, col, value, base FROM change_log ORDER BY timestamp')
    .all() as FieldRow[];
  return rows.map(fromFieldRow);
}

/** A peer's message stamped `millis` after base, with counter `counter`. */
function fromPeer(millis: number, counter: number, row: string, column: string, value: FieldValue): ChangeMessage {
  const at = new Date(base + millis).toISOString();
  return { timestamp: `${at}-${counter.toString(16).padStart(4, '0')}-${peer}`, table: 'partners', row, column, value };
}

describe('values kept in rows', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('stores a new row value once, and puts it back into the log before anything overwrites it', () => {
    const db = openDatabase(join(temp.dir, 'once.sqlite'), { create: true });
    let now = base;
    const writePath = new WritePath(db, node, { now: () => now });
    const written = writePath.write([
      { table: 'partners', row: 'p1', values: { name: 'Food Bank', kind: 'organisation', tombstone: 0 } },
    ]);
    // One copy: the entries name their columns, the row holds the values.
    expect(storedEntries(db)).toEqual([
      ['name', 'kind', 'tombstone'],
      ['p1', 0],
    ]);
    now += 5;
    written.push(...writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank North' } }]));
    // The first name is no longer in the row: its entry holds it again.
    expect(storedEntries(db)).toEqual([
      ['name', 'kind', 'tombstone'],
      ['p1', 0, ['name', 'Food Bank'], 'kind', 'tombstone'],
      ['name'],
      ['p1', 0],
    ]);
    // A peer's newer kind overwrites ours; an older sector loses and changes nothing.
    const received = [fromPeer(10, 0, 'p1', 'kind', 'network'), fromPeer(-10, 0, 'p1', 'sector', 'health')];
    writePath.receive(received);
    expect(storedEntries(db)[1]).toEqual(['p1', 0, ['name', 'Food Bank'], ['kind', 'organisation'], 'tombstone']);
    const everything = [...written, ...received].map(plain).sort(byTimestamp);
    expect(new ChangeLog(db).after('', 100)).toEqual(everything);
    expect(viewed(db)).toEqual(everything);
    db.close();
  });

  it('refuses to give a value the row no longer holds rather than send a wrong one', () => {
    const db = openDatabase(join(temp.dir, 'lost.sqlite'), { create: true });
    new WritePath(db, node, { now: () => base }).write([{ table: 'partners', row: 'p1', values: { name: 'Clinic' } }]);
    // Only a damaged or hand-edited file gets here: the row's clock no longer stamps the entry.
    db.prepare("UPDATE partners SET _clock = '{}' WHERE id = 'p1'").run();
    expect(() => new ChangeLog(db).after('', 10)).toThrow(/is not in its row/);
    db.close();
  });

  it('gives back every message written or received, whatever the order of writes and overwrites', () => {
    const rows = ['p1', 'p2', 'p3'];
    const short = fc.constantFrom('name', 'kind', 'sector', 'tags');
    const value = fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null));
    const change = fc.record({
      row: fc.constantFrom(...rows),
      values: fc.dictionary(fc.oneof(short, fc.constant('notes')), value, { minKeys: 1, maxKeys: 3 }),
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), changes: fc.array(change, { minLength: 1, maxLength: 4 }) }),
      fc.record({
        kind: fc.constant('batch' as const),
        writes: fc.array(fc.array(change, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        kind: fc.constant('receive' as const),
        messages: fc.array(
          fc.record({
            millis: fc.integer({ min: -50, max: 400 }),
            row: fc.constantFrom(...rows),
            column: short,
            value,
          }),
          { minLength: 1, maxLength: 5 },
        ),
      }),
    );
    let run = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const db = openDatabase(join(temp.dir, `property-${run++}.sqlite`), { create: true });
        try {
          let now = base;
          let counter = 0;
          const writePath = new WritePath(db, node, { now: () => now });
          const expected = new Map<string, ChangeMessage>();
          const note = (messages: readonly ChangeMessage[]) => {
            for (const message of messages)
              if (!expected.has(message.timestamp)) expected.set(message.timestamp, plain(message));
          };
          for (const item of steps) {
            now += 20;
            if (item.kind === 'write')
              note(writePath.write(item.changes.map((c) => ({ table: 'partners', ...c }) as RowChange)));
            else if (item.kind === 'batch')
              writePath.batch(() => {
                for (const changes of item.writes)
                  note(writePath.write(changes.map((c) => ({ table: 'partners', ...c }) as RowChange)));
              });
            else {
              const messages = item.messages.map((m) => fromPeer(m.millis, counter++, m.row, m.column, m.value));
              writePath.receive(messages);
              note(messages);
            }
          }
          const everything = [...expected.values()].sort(byTimestamp);
          expect(new ChangeLog(db).after('', 10_000)).toEqual(everything);
          expect(viewed(db)).toEqual(everything);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('has a change_log view that reads every packed column of the current tables from its row', () => {
    const db = openDatabase(join(temp.dir, 'view.sqlite'), { create: true });
    const stored = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'change_log'")
      .pluck()
      .get();
    // Fails when a table gains a packed column: a new migration must rebuild the view with it.
    expect(stored).toBe(changeLogViewWithRowsSql(packedColumns(domainTables)).replace(/;$/, ''));
    db.close();
  });
});
