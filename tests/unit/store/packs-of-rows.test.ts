import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog, fromFieldRow, type FieldRow } from '../../../src-main/store/change-log';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { fieldsPerPackOfRows } from '../../../src-main/store/packs';
import { WritePath, type RowChange } from '../../../src-main/store/write-path';
import type { ChangeMessage, FieldValue } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';

// Packs of several rows (migration 0220): a large write of this device keeps its stamps in packs
// that list many rows, each naming its columns once. Every message must still come back, with the
// value it had, through the log, the view, the count and the lookup by timestamp.

const node = '00000000000000b7';
const base = Date.parse('2026-11-23T09:00:00.000Z');

function byTimestamp(a: ChangeMessage, b: ChangeMessage): number {
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}

function plain({ timestamp, table, row, column, value }: ChangeMessage): ChangeMessage {
  return { timestamp, table, row, column, value };
}

function viewed(db: Db): ChangeMessage[] {
  const rows = db
    .prepare('SELECT timestamp, tbl, row_id, col, value, base FROM change_log ORDER BY timestamp')
    .all() as FieldRow[];
  return rows.map(fromFieldRow);
}

function partner(row: string, values: Record<string, FieldValue>): RowChange {
  return { table: 'partners', row, values };
}

/** The packs as stored: their row_id and fields. */
function packs(db: Db): { row_id: string; fields: unknown[] }[] {
  return (
    db.prepare('SELECT row_id, fields FROM change_packs ORDER BY first').all() as { row_id: string; fields: string }[]
  ).map(({ row_id, fields }) => ({ row_id, fields: JSON.parse(fields) as unknown[] }));
}

/** The log read every way it can be: all of it, page by page, counted, and by timestamp. */
function expectLogHolds(db: Db, expected: ChangeMessage[]): void {
  const log = new ChangeLog(db);
  const everything = [...expected].sort(byTimestamp);
  expect(log.after('', 100_000)).toEqual(everything);
  expect(viewed(db)).toEqual(everything);
  expect(log.countAfter('')).toBe(everything.length);
  const paged: ChangeMessage[] = [];
  for (let cursor = ''; ;) {
    const page = log.after(cursor, 37);
    if (page.length === 0) break;
    paged.push(...page);
    cursor = page[page.length - 1].timestamp;
    expect(log.countAfter(cursor)).toBe(everything.length - paged.length);
  }
  expect(paged).toEqual(everything);
  for (const { timestamp } of everything) expect(log.has(timestamp)).toBe(true);
}

describe('packs of several rows', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Db;
  beforeEach(() => {
    temp = makeTempDir();
    db = openDatabase(join(temp.dir, 'rows.sqlite'), { create: true });
  });
  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  it('name each pack its columns once and each row by its id and first counter', () => {
    const writePath = new WritePath(db, node, { now: () => base });
    const written = writePath.write([
      partner('p1', { name: 'Food Bank', kind: 'organisation' }),
      partner('p2', { name: 'Clinic', kind: 'organisation' }),
      partner('p3', { sector: 'health' }),
    ]);
    expect(packs(db)).toEqual([
      {
        row_id: '',
        fields: [
          ['name', 'kind'],
          ['p1', 0],
          ['p2', 2],
        ],
      },
      { row_id: '', fields: [['sector'], ['p3', 4]] },
    ]);
    // The values stay in the rows: one copy.
    expect(db.prepare('SELECT fields FROM change_packs').pluck().all().join('')).not.toContain('Clinic');
    expectLogHolds(db, written.map(plain));
  });

  it('cut at the size limit, and keep every overwritten value when one write replaces many rows', () => {
    let now = base;
    const writePath = new WritePath(db, node, { now: () => now });
    const rows = Array.from({ length: 120 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    const first = writePath.write(
      rows.map((row, i) => partner(row, { name: `Partner ${i}`, kind: 'organisation', sector: 'health' })),
    );
    const sizes = packs(db).map(({ fields }) => fields.length - 1);
    // Up to the limit, in whole rows: 3 fields a row.
    expect(sizes.every((runs) => runs * 3 <= fieldsPerPackOfRows + 2)).toBe(true);
    expect(sizes.reduce((sum, runs) => sum + runs, 0)).toBe(120);
    expect(sizes.length).toBeGreaterThan(1);
    now += 10;
    // Every row again, and one row twice, in one write: each old value goes back into its pack.
    const second = writePath.write([
      ...rows.map((row, i) => partner(row, { name: `Partner ${i} renamed`, sector: 'education' })),
      partner('p005', { name: 'Twice' }),
    ]);
    expectLogHolds(db, [...first, ...second].map(plain));
    expect(db.prepare("SELECT name, sector, kind FROM partners WHERE id = 'p005'").get()).toEqual({
      name: 'Twice',
      sector: 'education',
      kind: 'organisation',
    });
  });

  it('split a row across two milliseconds when the counter runs out, and still give back every value', () => {
    let now = base;
    const writePath = new WritePath(db, node, { now: () => now });
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('clock', ?)").run(`2026-11-23T09:00:00.000Z-fffd-${node}`);
    const first = writePath.write([
      partner('p1', { name: 'A', kind: 'organisation', sector: 'health' }),
      partner('p2', { name: 'B', kind: 'person', sector: 'health' }),
    ]);
    // p1's first two fields take fffe and ffff, its third the next millisecond's first counter: two
    // runs naming their items, the second pack starting mid-row.
    expect(packs(db)).toEqual([
      {
        row_id: '',
        fields: [
          ['name', 'kind', 'sector'],
          ['p1', 0xfffe, 'name', 'kind'],
        ],
      },
      {
        row_id: '',
        fields: [
          ['name', 'kind', 'sector'],
          ['p1', 0, 'sector'],
          ['p2', 1],
        ],
      },
    ]);
    now += 5;
    const second = writePath.write([partner('p2', { kind: 'organisation' }), partner('p1', { sector: 'housing' })]);
    expect(packs(db)[1].fields.slice(1)).toEqual([
      ['p1', 0, ['sector', 'health']],
      ['p2', 1, 'name', ['kind', 'person'], 'sector'],
    ]);
    expectLogHolds(db, [...first, ...second].map(plain));
  });

  it('know their own messages when a peer sends them back', () => {
    const writePath = new WritePath(db, node, { now: () => base });
    const written = writePath.write(
      Array.from({ length: 30 }, (_, i) => partner(`p${i}`, { name: `N${i}`, kind: 'person' })),
    );
    const echoed = writePath.receive(written);
    expect(echoed.added).toBe(0);
    expect(echoed.duplicates).toBe(written.length);
    expectLogHolds(db, written.map(plain));
  });

  it('give back every message whatever the writes, repeats, counter ends and overwrites', () => {
    const column = fc.constantFrom('name', 'kind', 'sector', 'tags', 'email');
    const value = fc.oneof(fc.string({ maxLength: 5 }), fc.constant(null));
    const change = fc.record({
      row: fc.integer({ min: 0, max: 40 }).map((i) => `p${i}`),
      values: fc.dictionary(column, value, { minKeys: 1, maxKeys: 5 }),
    });
    const write = fc.record({
      // Many rows of one shape, as an import writes them, or a mix.
      changes: fc.oneof(
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc
          .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 20, max: 120 }), fc.string({ maxLength: 3 }))
          .map(([start, count, text]) =>
            Array.from({ length: count }, (_, i) => ({
              row: `p${(start + i) % 60}`,
              values: { name: `${text}${i}`, kind: 'person', sector: text },
            })),
          ),
      ),
      // Set the clock just below the end of its counter first.
      nearEnd: fc.option(fc.integer({ min: 1, max: 200 }), { freq: 3 }),
    });
    let run = 0;
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 6 }), (writes) => {
        const file = openDatabase(join(temp.dir, `property-${run++}.sqlite`), { create: true });
        try {
          let now = base;
          const writePath = new WritePath(file, node, { now: () => now });
          const expected: ChangeMessage[] = [];
          for (const { changes, nearEnd } of writes) {
            now += 3;
            if (nearEnd !== null) {
              const counter = (0x10000 - nearEnd).toString(16).padStart(4, '0');
              const at = new Date(now).toISOString();
              file
                .prepare(
                  "INSERT INTO sync_state (key, value) VALUES ('clock', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                )
                .run(`${at}-${counter}-${node}`);
            }
            const rowChanges = (changes as { row: string; values: Record<string, FieldValue> }[]).map(
              ({ row, values }) => partner(row, values),
            );
            expected.push(...writePath.write(rowChanges).map(plain));
          }
          expectLogHolds(file, expected);
        } finally {
          file.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
