import fc from 'fast-check';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog, fromFieldRow, type FieldRow } from '../../../src-main/store/change-log';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { WritePath } from '../../../src-main/store/write-path';
import { formatHlc } from '../../../src-main/sync/hlc';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const writers = ['00000000000000a1', '00000000000000b2'];

/** Every message as the change_log view lists it, oldest first: what the reader must agree with. */
function everything(db: Db): ChangeMessage[] {
  const rows = db
    .prepare('SELECT timestamp, tbl, row_id, col, value, base FROM change_log ORDER BY timestamp')
    .all() as FieldRow[];
  return rows.map(fromFieldRow);
}

describe('the change log reader', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('pages, counts and finds messages exactly as the view lists them, packs of two writers overlapping', () => {
    let file = 0;
    const edit = fc.record({
      writer: fc.nat(1),
      millis: fc.integer({ min: 0, max: 2 }),
      row: fc.constantFrom('p1', 'p2', 'p3'),
      short: fc.integer({ min: 0, max: 4 }),
      notes: fc.boolean(),
    });
    const received = fc.record({ millis: fc.integer({ min: 0, max: 2 }), counter: fc.nat(20) });
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.array(received, { maxLength: 8 }),
        fc.array(fc.record({ cursor: fc.nat(60), limit: fc.integer({ min: 1, max: 7 }) }), { maxLength: 4 }),
        (edits, receipts, pages) => {
          const db = openDatabase(join(temp.dir, `log-${file++}.sqlite`), { create: true });
          try {
            // Two write paths on one file (as after a device's node id changed): both pack, and
            // their packs share milliseconds, so their timestamp ranges interleave.
            const clocks = [base, base];
            const paths = writers.map((node, i) => new WritePath(db, node, { now: () => clocks[i] }));
            // Each keeps its own clock, as on two devices, so their counters restart in each millisecond.
            const saved: (string | undefined)[] = [undefined, undefined];
            const clockRow = db.prepare("SELECT value FROM sync_state WHERE key = 'clock'").pluck();
            for (const { writer, millis, row, short, notes } of edits) {
              clocks[writer] = Math.max(clocks[writer], base + millis);
              db.prepare("DELETE FROM sync_state WHERE key = 'clock'").run();
              if (saved[writer])
                db.prepare("INSERT INTO sync_state (key, value) VALUES ('clock', ?)").run(saved[writer]);
              paths[writer].write([
                {
                  table: 'partners',
                  row,
                  values: {
                    kind: 'organisation',
                    ...Object.fromEntries(['name', 'sector', 'email', 'phone'].slice(0, short).map((c) => [c, 'x'])),
                    ...(notes ? { notes: 'x' } : {}),
                  },
                },
              ]);
              saved[writer] = clockRow.get() as string;
            }
            paths[0].receive(
              receipts.map(({ millis, counter }) => ({
                timestamp: formatHlc({ millis: base + millis, counter, node: '00000000000000c3' }),
                table: 'partners',
                row: 'p9',
                column: 'sector',
                value: 'health',
              })),
            );
            const all = everything(db);
            const log = new ChangeLog(db);
            expect(log.after('', all.length + 1)).toEqual(all);
            expect(log.countAfter('')).toBe(all.length);
            expect(log.newest()).toBe(all.at(-1)!.timestamp);
            for (const { cursor, limit } of pages) {
              const after = cursor < all.length ? all[cursor].timestamp : `${all.at(-1)!.timestamp}z`;
              const later = all.filter((message) => message.timestamp > after);
              expect(log.after(after, limit)).toEqual(later.slice(0, limit));
              expect(log.countAfter(after)).toBe(later.length);
            }
            for (const message of all) expect(log.has(message.timestamp)).toBe(true);
            // A received copy of any of them is a duplicate, whichever writer's pack holds it.
            expect(paths[1].receive(all)).toMatchObject({ added: 0, duplicates: all.length });
            expect(log.has(formatHlc({ millis: base, counter: 999, node: writers[0] }))).toBe(false);
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
