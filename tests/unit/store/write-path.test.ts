import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { openDatabase, openMemoryDatabase, type Db } from '../../../src-main/store/connection';
import { createPartnerRepository } from '../../../src-main/store/partners';
import { maxRowIdLength, maxTextValueLength } from '../../../src-main/store/schema';
import { WritePath, type RowChange } from '../../../src-main/store/write-path';
import { formatHlc, parseHlc } from '../../../src-main/sync/hlc';
import { hashTimestamp } from '../../../src-main/sync/merkle';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';
import { dumpAll } from './db-dump';
import { parseRowClock } from '../../../src-main/store/row-clock';

const local = '00000000000000aa';
const remoteB = '00000000000000bb';
const remoteC = '00000000000000cc';
const start = Date.parse('2026-11-23T09:00:00.000Z');
const hour = 3_600_000;

function stamp(millis: number, counter: number, node: string): string {
  return formatHlc({ millis, counter, node });
}

function message(timestamp: string, row: string, column: string, value: ChangeMessage['value']): ChangeMessage {
  return { timestamp, table: 'partners', row, column, value };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

function logRows(db: Db): ChangeMessage[] {
  return db
    .prepare('SELECT timestamp, tbl AS "table", row_id AS row, col AS column, value FROM change_log ORDER BY timestamp')
    .all() as ChangeMessage[];
}

describe('WritePath on an in-memory database', () => {
  let db: Db;
  let writePath: WritePath;
  let committed: (readonly ChangeMessage[])[];
  beforeEach(() => {
    db = openMemoryDatabase();
    committed = [];
    writePath = new WritePath(db, local, {
      now: () => start,
      onCommit: (written) => committed.push(written.messages()),
    });
  });
  afterEach(() => db.close());

  it('turns a write into one message per field with increasing timestamps, all logged', () => {
    const changes: RowChange[] = [
      {
        table: 'partners',
        row: 'p1',
        values: { name: 'Food Bank', kind: 'organisation', sector: 'nonprofit', tombstone: 0 },
      },
      { table: 'partners', row: 'p2', values: { name: 'Ana', kind: 'person', sector: 'community', tombstone: 0 } },
    ];
    const messages = writePath.write(changes);
    expect(messages).toHaveLength(8);
    expect(messages.map((m) => `${m.row}.${m.column}=${String(m.value)}`)).toEqual([
      'p1.name=Food Bank',
      'p1.kind=organisation',
      'p1.sector=nonprofit',
      'p1.tombstone=0',
      'p2.name=Ana',
      'p2.kind=person',
      'p2.sector=community',
      'p2.tombstone=0',
    ]);
    for (let i = 1; i < messages.length; i++) expect(messages[i].timestamp > messages[i - 1].timestamp).toBe(true);
    expect(messages.every((m) => parseHlc(m.timestamp)?.node === local)).toBe(true);
    expect(logRows(db)).toEqual(messages);
    expect(committed).toEqual([messages]);
    // The saved clock is the last timestamp issued.
    expect(db.prepare("SELECT value FROM sync_state WHERE key = 'clock'").pluck().get()).toBe(messages[7].timestamp);
    const root = db.prepare("SELECT hash FROM merkle WHERE node = ''").pluck().get();
    expect(root).toBe(messages.reduce((acc, m) => (acc ^ hashTimestamp(m.timestamp)) >>> 0, 0));

    const partners = createPartnerRepository(db, writePath);
    expect(partners.list().map(({ id, name, kind, sector }) => ({ id, name, kind, sector }))).toEqual([
      { id: 'p2', name: 'Ana', kind: 'person', sector: 'community' },
      { id: 'p1', name: 'Food Bank', kind: 'organisation', sector: 'nonprofit' },
    ]);
    const row = db.prepare("SELECT _clock FROM partners WHERE id = 'p1'").pluck().get() as string;
    expect(parseRowClock(row)).toEqual(Object.fromEntries(messages.slice(0, 4).map((m) => [m.column, m.timestamp])));
    // Stamped in one go, the row's fields hold one timestamp and the three after it: the short form.
    expect(row).toBe(
      `=${messages[0].timestamp} ${messages
        .slice(0, 4)
        .map((m) => m.column)
        .join(' ')}`,
    );
  });

  it('lets a later local write win over an earlier one', () => {
    const partners = createPartnerRepository(db, writePath);
    const created = partners.create({ name: 'Clinic', kind: 'organisation', sector: 'health' });
    expect(partners.update(created.id, { name: 'Riverside Clinic' }).name).toBe('Riverside Clinic');
    // A create logs every partner field (12) plus the tombstone; the update logs one more.
    expect(logRows(db)).toHaveLength(14);
    expect(
      logRows(db)
        .filter((row) => row.column === 'name')
        .map((row) => row.value),
    ).toEqual(['Clinic', 'Riverside Clinic']);
  });

  it('keeps the value with the greatest timestamp whatever order messages arrive in', () => {
    const versions = [
      message(stamp(start - 2 * hour, 0, remoteB), 'p1', 'name', 'oldest'),
      message(stamp(start, 0, remoteB), 'p1', 'name', 'same ms, node b'),
      message(stamp(start, 0, remoteC), 'p1', 'name', 'newest: same ms, node c'),
      message(stamp(start, 1, remoteB), 'p1', 'sector', 'health'),
    ];
    for (const order of permutations(versions)) {
      const replica = openMemoryDatabase();
      const replicaPath = new WritePath(replica, local, { now: () => start });
      for (const single of order) replicaPath.receive([single]);
      const row = replica.prepare("SELECT name, sector, _clock FROM partners WHERE id = 'p1'").get();
      expect(row).toEqual({
        name: 'newest: same ms, node c',
        sector: 'health',
        _clock: JSON.stringify({ name: versions[2].timestamp, sector: versions[3].timestamp }),
      });
      expect(logRows(replica)).toHaveLength(4);
      replica.close();
    }
  });

  it('logs an older message that loses its field without applying it', () => {
    writePath.receive([message(stamp(start, 5, remoteB), 'p1', 'name', 'newer')]);
    const outcome = writePath.receive([message(stamp(start, 4, remoteC), 'p1', 'name', 'older')]);
    expect(outcome).toEqual({ added: 1, duplicates: 0, maxDriftMs: 0 });
    expect(db.prepare("SELECT name FROM partners WHERE id = 'p1'").pluck().get()).toBe('newer');
    expect(logRows(db).map((m) => m.value)).toEqual(['older', 'newer']);
  });

  it('counts duplicates and ignores them', () => {
    const batch = [
      message(stamp(start - 1000, 0, remoteB), 'p1', 'name', 'Library'),
      message(stamp(start - 1000, 1, remoteB), 'p1', 'tombstone', 0),
    ];
    expect(writePath.receive(batch)).toEqual({ added: 2, duplicates: 0, maxDriftMs: 0 });
    expect(committed).toHaveLength(1);
    const before = dumpAll(db);
    expect(writePath.receive(batch)).toEqual({ added: 0, duplicates: 2, maxDriftMs: 0 });
    expect(writePath.receive([batch[0], batch[0]])).toMatchObject({ added: 0, duplicates: 2 });
    expect(committed).toHaveLength(1);
    const after = dumpAll(db);
    // Only the clock may move; the data, log and merkle stay as they were.
    expect({ ...after, sync_state: [] }).toEqual({ ...before, sync_state: [] });

    const fresh = message(stamp(start, 0, remoteC), 'p2', 'name', 'Museum');
    expect(writePath.receive([fresh, fresh, batch[1]])).toMatchObject({ added: 1, duplicates: 2 });
  });

  it('hides a tombstoned partner from the list and brings it back on restore', () => {
    const partners = createPartnerRepository(db, writePath);
    const kept = partners.create({ name: 'Kept', kind: 'organisation', sector: 'faith' });
    const gone = partners.create({ name: 'Gone', kind: 'person', sector: 'media' });
    partners.remove(gone.id);
    expect(partners.list().map((p) => p.id)).toEqual([kept.id]);
    expect(() => partners.get(gone.id)).toThrow(AppError);
    expect(partners.restore(gone.id)).toEqual(gone);
    expect(partners.list().map((p) => p.id)).toEqual([gone.id, kept.id]);
  });

  it('hides a partner when a remote tombstone wins, and not when it is older', () => {
    const partners = createPartnerRepository(db, writePath);
    const p = partners.create({ name: 'Shelter', kind: 'organisation', sector: 'nonprofit' });
    writePath.receive([message(stamp(start - hour, 0, remoteB), p.id, 'tombstone', 1)]);
    expect(partners.list()).toHaveLength(1);
    writePath.receive([message(stamp(start + hour, 0, remoteB), p.id, 'tombstone', 1)]);
    expect(partners.list()).toHaveLength(0);
  });

  const invalid: [string, unknown][] = [
    ['unknown table', { ...message(stamp(start, 9, remoteB), 'p9', 'name', 'x'), table: 'users' }],
    ['prototype table', { ...message(stamp(start, 9, remoteB), 'p9', 'name', 'x'), table: '__proto__' }],
    ['unknown column', message(stamp(start, 9, remoteB), 'p9', 'favourite_colour', 'x')],
    ['inherited column name', message(stamp(start, 9, remoteB), 'p9', 'constructor', 'x')],
    ['SQL in a column name', message(stamp(start, 9, remoteB), 'p9', 'name = 1; DROP TABLE partners; --', 'x')],
    ['bad timestamp', message('2026-11-23T09:00:00.000Z-0001-zz', 'p9', 'name', 'x')],
    ['missing timestamp', { table: 'partners', row: 'p9', column: 'name', value: 'x' }],
    ['number for text', message(stamp(start, 9, remoteB), 'p9', 'name', 42)],
    ['text for a flag', message(stamp(start, 9, remoteB), 'p9', 'tombstone', '1')],
    ['2 for a flag', message(stamp(start, 9, remoteB), 'p9', 'tombstone', 2)],
    ['boolean for a flag', { ...message(stamp(start, 9, remoteB), 'p9', 'tombstone', 1), value: true }],
    ['missing value', { timestamp: stamp(start, 9, remoteB), table: 'partners', row: 'p9', column: 'name' }],
    ['text too long', message(stamp(start, 9, remoteB), 'p9', 'name', 'x'.repeat(maxTextValueLength + 1))],
    ['empty row id', message(stamp(start, 9, remoteB), '', 'name', 'x')],
    ['row id too long', message(stamp(start, 9, remoteB), 'r'.repeat(maxRowIdLength + 1), 'name', 'x')],
    ['not an object', null],
  ];

  it.each(invalid)('refuses a whole batch holding one message with %s, changing nothing', (_, bad) => {
    writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Before', tombstone: 0 } }]);
    committed = [];
    const before = dumpAll(db);
    const good1 = message(stamp(start + 10, 0, remoteB), 'p1', 'name', 'After');
    const good2 = message(stamp(start + 10, 1, remoteB), 'p2', 'name', 'New');
    // The batch comes from outside, so its shape is only known at run time.
    const batch = [good1, bad, good2] as ChangeMessage[];
    let thrown: unknown;
    try {
      writePath.receive(batch);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('invalid_input');
    expect((thrown as AppError).message).toMatch(/^message 1:/);
    expect(dumpAll(db)).toEqual(before);
    expect(committed).toEqual([]);
  });

  it('accepts text exactly at the length limit', () => {
    const long = 'y'.repeat(maxTextValueLength);
    expect(writePath.receive([message(stamp(start, 0, remoteB), 'p1', 'name', long)]).added).toBe(1);
    expect(db.prepare("SELECT length(name) FROM partners WHERE id = 'p1'").pluck().get()).toBe(maxTextValueLength);
  });

  it('counts the limit in characters as the channels do, so a text of emoji at the limit is taken', () => {
    // Each family is 5 code points and 8 UTF-16 units: 100,000 characters, 160,000 units. zod
    // takes it at the channels; the store refused it with an internal error before.
    const family = '👩‍👩‍👧';
    const atLimit = family.repeat(maxTextValueLength / 5);
    expect(writePath.receive([message(stamp(start, 0, remoteB), 'p1', 'name', atLimit)]).added).toBe(1);
    expect(() => writePath.write([{ table: 'partners', row: 'p2', values: { name: `${atLimit}x` } }])).toThrow(
      /text too long/,
    );
  });

  it('refuses a local write with a bad value before writing anything', () => {
    const before = dumpAll(db);
    expect(() =>
      writePath.write([
        { table: 'partners', row: 'p1', values: { name: 'ok' } },
        { table: 'partners', row: 'p2', values: { tombstone: 7 } },
      ]),
    ).toThrow(AppError);
    expect(dumpAll(db)).toEqual(before);
  });

  it('stamps local writes after a remote timestamp from a clock running hours ahead', () => {
    const ahead = stamp(start + 3 * hour, 7, remoteB);
    expect(writePath.receive([message(ahead, 'p1', 'name', 'From the future')]).maxDriftMs).toBe(3 * hour);
    const [next] = writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Mine' } }]);
    expect(next.timestamp > ahead).toBe(true);
    expect(db.prepare("SELECT name FROM partners WHERE id = 'p1'").pluck().get()).toBe('Mine');
  });

  // BUG: valueProblem lets null through for every column type, including the 'flag' column
  // tombstone, but tombstone is NOT NULL in 0010-initial. receive() of {column: 'tombstone', value:
  // null} (and write() of the same) throws SqliteError SQLITE_CONSTRAINT_NOTNULL instead of an
  // AppError, so one such message from a peer makes every batch holding it fail as 'internal'.
  it('accepts or cleanly refuses a null tombstone', () => {
    let thrown: unknown;
    try {
      writePath.receive([message(stamp(start, 0, remoteB), 'p1', 'tombstone', null)]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown === undefined || thrown instanceof AppError).toBe(true);
  });

  // Found by this suite: a remote timestamp at the counter limit used to throw a ClockError from
  // receive(); the clock now moves on a millisecond instead.
  it('accepts a timestamp at the counter limit and sorts later local changes after it', () => {
    const atLimit = message(stamp(start + 1000, 0xffff, remoteB), 'p1', 'name', 'x');
    expect(writePath.receive([atLimit]).added).toBe(1);
    const [next] = writePath.write([{ table: 'partners', row: 'p1', values: { name: 'y' } }]);
    expect(next.timestamp > atLimit.timestamp).toBe(true);
  });

  it('refuses a timestamp outside the range the merkle trie can key, changing nothing', () => {
    const before = dumpAll(db);
    const old = {
      ...message(stamp(start, 0, remoteB), 'p1', 'name', 'x'),
      timestamp: '1960-01-01T00:00:00.000Z-0000-00000000000000bb',
    };
    expect(() => writePath.receive([old])).toThrow(AppError);
    expect(dumpAll(db)).toEqual(before);
  });

  // RISK: remote timestamps are accepted however far ahead they are (by design, drift is only
  // reported). After one message an hour ahead, every local change in that hour bumps the 16-bit
  // counter of that one remote millisecond, so after 65 535 changes write() throws ClockError
  // ("too many changes in one millisecond") until the wall clock catches up; a peer a year ahead
  // would block writing for a year. Here the wall clock advances 1 ms per change, so without the
  // remote timestamp the counter would never grow.
  it('keeps accepting local changes after receiving a timestamp an hour ahead', () => {
    let wall = start;
    const drifting = new WritePath(db, local, { now: () => wall++ });
    drifting.receive([message(stamp(start + hour, 0, remoteB), 'p0', 'name', 'ahead')]);
    for (let batch = 0; batch < 18; batch++) {
      const rows: RowChange[] = Array.from({ length: 1000 }, (_, i) => ({
        table: 'partners',
        row: `b${batch}-${i}`,
        values: { name: 'n', kind: 'person', sector: 'media', tombstone: 0 },
      }));
      drifting.write(rows);
    }
    expect(wall).toBeLessThan(start + hour);
  });
});

describe('WritePath clock across restarts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('keeps sorting new changes after old ones when the wall clock is an hour earlier on reopen', () => {
    const path = join(temp.dir, 'clock.sqlite');
    const first = openDatabase(path, { create: true });
    const before = new WritePath(first, local, { now: () => start }).write([
      { table: 'partners', row: 'p1', values: { name: 'One', kind: 'person', tombstone: 0 } },
    ]);
    first.close();

    const second = openDatabase(path);
    try {
      const after = new WritePath(second, local, { now: () => start - hour }).write([
        { table: 'partners', row: 'p1', values: { name: 'Two' } },
      ]);
      expect(after[0].timestamp > before[before.length - 1].timestamp).toBe(true);
      expect(second.prepare("SELECT name FROM partners WHERE id = 'p1'").pluck().get()).toBe('Two');
      expect(logRows(second)).toHaveLength(4);
    } finally {
      second.close();
    }
  });
});
