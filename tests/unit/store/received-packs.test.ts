import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeLog, fromFieldRow, type FieldRow } from '../../../src-main/store/change-log';
import { openDatabase, type Db } from '../../../src-main/store/connection';
import { WritePath, type RowChange } from '../../../src-main/store/write-path';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { syncWith } from '../../../src-main/sync/protocol';
import { LocalReplica } from '../../../src-main/sync/replica';
import { makeTempDir } from '../../fixtures/temp-dir';
import { teamKey } from '../sync/replica-fixture';
import { dumpTable } from './db-dump';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const writerNode = '00000000000000a1';
const readerNode = '00000000000000b2';

/** Every message as the change_log view lists it, oldest first. */
function viewed(db: Db): ChangeMessage[] {
  const rows = db
    .prepare('SELECT timestamp, tbl, row_id, col, value, base FROM change_log ORDER BY timestamp')
    .all() as FieldRow[];
  return rows.map(fromFieldRow);
}

function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/** Three partners, each with short fields around a long text (notes), as a device writes them. */
const partners: RowChange[] = [
  {
    table: 'partners',
    row: 'p1',
    values: { name: 'Food Bank', kind: 'organisation', notes: 'Pantry', sector: 'food' },
  },
  { table: 'partners', row: 'p2', values: { name: 'Clinic', kind: 'organisation', influence: 3 } },
  { table: 'partners', row: 'p3', values: { notes: 'Evenings', name: 'Youth Club', interest: 2 } },
];

describe('received messages kept in packs', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dbs: Db[];
  const open = (name: string) => {
    const db = openDatabase(join(temp.dir, name), { create: true });
    dbs.push(db);
    return db;
  };
  beforeEach(() => {
    temp = makeTempDir();
    dbs = [];
  });
  afterEach(() => {
    for (const db of dbs) db.close();
    temp.cleanup();
  });

  /** The writer's file and all it wrote, as the reader would receive it. */
  function written(): { db: Db; writePath: WritePath; messages: ChangeMessage[] } {
    const db = open('writer.sqlite');
    const writePath = new WritePath(db, writerNode, { now: () => base });
    writePath.write(partners);
    return { db, writePath, messages: new ChangeLog(db).after('', 100) };
  }

  it('stores a received batch as one pack per row change and reads it back message for message', () => {
    const writer = written();
    expect(writer.messages).toHaveLength(10);
    const db = open('reader.sqlite');
    const reader = new WritePath(db, readerNode, { now: () => base + 1000 });
    expect(reader.receive(writer.messages)).toMatchObject({ added: 10, duplicates: 0 });

    // p1's pack spans its notes (a single row), p3's starts after them: 3 packs, 2 single rows.
    expect(count(db, 'change_packs')).toBe(3);
    expect(db.prepare('SELECT tbl, row_id, col FROM change_fields ORDER BY timestamp').all()).toEqual([
      { tbl: 'partners', row_id: 'p1', col: 'notes' },
      { tbl: 'partners', row_id: 'p3', col: 'notes' },
    ]);
    expect(db.prepare('SELECT node FROM change_pack_writers').pluck().all()).toEqual([writerNode]);
    expect(dumpTable(db, 'change_log')).toEqual(dumpTable(writer.db, 'change_log'));
    expect(viewed(db)).toEqual(writer.messages);

    const log = new ChangeLog(db);
    expect(log.after('', 100)).toEqual(writer.messages);
    expect(log.countAfter('')).toBe(10);
    expect(log.newest()).toBe(writer.messages.at(-1)!.timestamp);
    // A page may start inside a pack, and end inside one.
    writer.messages.forEach((message, at) => {
      expect(log.after(message.timestamp, 3)).toEqual(writer.messages.slice(at + 1, at + 4));
      expect(log.countAfter(message.timestamp)).toBe(9 - at);
      expect(log.has(message.timestamp)).toBe(true);
    });
    expect(log.othersWrote(readerNode)).toBe(true);
    expect(dumpTable(db, 'partners')).toEqual(dumpTable(writer.db, 'partners'));
    expect(dumpTable(db, 'merkle')).toEqual(dumpTable(writer.db, 'merkle'));
  });

  it('recognises every message as held when it comes again, alone, in a batch, or twice in one batch', () => {
    const writer = written();
    const db = open('reader.sqlite');
    const reader = new WritePath(db, readerNode, { now: () => base + 1000 });
    const twice = writer.messages.flatMap((message) => [message, { ...message }]);
    expect(reader.receive(twice)).toMatchObject({ added: 10, duplicates: 10 });
    expect(reader.receive(writer.messages)).toMatchObject({ added: 0, duplicates: 10 });
    for (const message of writer.messages) expect(reader.receive([message])).toMatchObject({ added: 0 });
    expect(reader.receive([...writer.messages].reverse())).toMatchObject({ added: 0 });
    expect(count(db, 'change_packs')).toBe(3);
    expect(count(db, 'change_fields')).toBe(2);
    expect(viewed(db)).toEqual(writer.messages);
    expect(dumpTable(db, 'merkle')).toEqual(dumpTable(writer.db, 'merkle'));
  });

  it('takes our own packs echoed back as duplicates and packs nothing again', () => {
    const writer = written();
    const before = dumpTable(writer.db, 'change_packs');
    expect(writer.writePath.receive(writer.messages)).toMatchObject({ added: 0, duplicates: 10 });
    expect(dumpTable(writer.db, 'change_packs')).toEqual(before);
    expect(count(writer.db, 'change_fields')).toBe(2);
  });

  it('falls back to single rows for a run that overlaps a pack it holds (a sync cut short, then again)', () => {
    const writer = written();
    const db = open('reader.sqlite');
    const reader = new WritePath(db, readerNode, { now: () => base + 1000 });
    // The first batch ends inside p1's row change: name and kind make a pack.
    expect(reader.receive(writer.messages.slice(0, 2))).toMatchObject({ added: 2 });
    expect(count(db, 'change_packs')).toBe(1);
    // Again from kind on: p1's run reaches into that pack, so it is not packed; p2 and p3 are.
    expect(reader.receive(writer.messages.slice(1))).toMatchObject({ added: 8, duplicates: 1 });
    expect(db.prepare('SELECT row_id, json_array_length(fields) AS n FROM change_packs ORDER BY first').all()).toEqual([
      { row_id: 'p1', n: 2 },
      { row_id: 'p2', n: 3 },
      { row_id: 'p3', n: 2 },
    ]);
    expect(db.prepare('SELECT col FROM change_fields ORDER BY timestamp').pluck().all()).toEqual([
      'notes',
      'sector',
      'notes',
    ]);
    expect(viewed(db)).toEqual(writer.messages);
    expect(reader.receive(writer.messages)).toMatchObject({ added: 0, duplicates: 10 });
    expect(dumpTable(db, 'merkle')).toEqual(dumpTable(writer.db, 'merkle'));
  });

  it('falls back when the log holds a single row inside the run', () => {
    const writer = written();
    const db = open('reader.sqlite');
    const reader = new WritePath(db, readerNode, { now: () => base + 1000 });
    // p2's kind arrives first, alone: one row.
    expect(reader.receive([writer.messages[5]])).toMatchObject({ added: 1 });
    expect(reader.receive(writer.messages)).toMatchObject({ added: 9, duplicates: 1 });
    expect(db.prepare('SELECT DISTINCT row_id FROM change_packs ORDER BY row_id').pluck().all()).toEqual(['p1', 'p3']);
    expect(db.prepare("SELECT count(*) FROM change_fields WHERE row_id = 'p2'").pluck().get()).toBe(3);
    expect(viewed(db)).toEqual(writer.messages);
  });

  it('releases a message set aside earlier when it comes in a pack, and sends the packs on', async () => {
    const writer = written();
    const db = open('reader.sqlite');
    const reader = new WritePath(db, readerNode, { now: () => base + 1000 });
    const damaged = writer.messages[6];
    expect(reader.setAside([{ timestamp: damaged.timestamp, payload: 'x', reason: 'damaged' }])).toBe(1);
    expect(reader.receive(writer.messages)).toMatchObject({ added: 10 });
    expect(count(db, 'set_aside_messages')).toBe(0);
    expect(count(db, 'change_packs')).toBe(3);
    expect(dumpTable(db, 'merkle')).toEqual(dumpTable(writer.db, 'merkle'));

    // A third device syncs from the reader, page by page: it gets every message, packed again.
    const third = open('third.sqlite');
    const thirdSide = new LocalReplica(third, new WritePath(third, '00000000000000c3', { now: () => base }), teamKey);
    const report = await syncWith(thirdSide, new LocalReplica(db, reader, teamKey).asPeer(), { pageSize: 4 });
    expect(report).toMatchObject({ inSync: true, added: 10 });
    expect(viewed(third)).toEqual(writer.messages);
    expect(count(third, 'change_packs')).toBe(3);
  });

  it('keeps two writers’ packs of one millisecond apart and finds each message in its own', () => {
    const other = '00000000000000c3';
    const stamp = (counter: number, node: string) =>
      `2026-11-23T09:00:00.000Z-${counter.toString(16).padStart(4, '0')}-${node}`;
    const message = (counter: number, node: string, row: string, column: string): ChangeMessage => ({
      timestamp: stamp(counter, node),
      table: 'partners',
      row,
      column,
      value: `${node.slice(-2)} ${column}`,
    });
    const columns = ['name', 'kind', 'sector', 'email'];
    // Both writers used counters 1-4 of the same millisecond; sorted, their messages interleave.
    const batch = [
      ...columns.map((column, i) => message(i + 1, writerNode, 'p1', column)),
      ...columns.map((column, i) => message(i + 1, other, 'p2', column)),
    ];
    const db = open('reader.sqlite');
    const reader = new WritePath(db, readerNode, { now: () => base + 1000 });
    expect(reader.receive(batch)).toMatchObject({ added: 8 });
    expect(count(db, 'change_packs')).toBe(2);
    const sorted = [...batch].sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
    expect(viewed(db)).toEqual(sorted);
    expect(new ChangeLog(db).after('', 100)).toEqual(sorted);
    expect(reader.receive(sorted)).toMatchObject({ added: 0, duplicates: 8 });
    // Counter 5 of either writer is in neither pack.
    expect(new ChangeLog(db).has(stamp(5, writerNode))).toBe(false);
    expect(reader.receive([message(5, other, 'p2', 'phone')])).toMatchObject({ added: 1 });
  });
});
