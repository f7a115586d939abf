import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../../../src-main/store/connection';
import { WritePath } from '../../../src-main/store/write-path';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { dumpAll } from './db-dump';

describe('WritePath.batch', () => {
  let db: Db;
  let writePath: WritePath;
  let announced: ChangeMessage[][];

  beforeEach(() => {
    db = openMemoryDatabase();
    announced = [];
    writePath = new WritePath(db, '00000000000000aa', { onCommit: (committed) => announced.push([...committed.messages()]) });
  });
  afterEach(() => db.close());

  it('announces every write of the batch once, after it commits', () => {
    writePath.batch(() => {
      writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank' } }]);
      writePath.write([{ table: 'partners', row: 'p2', values: { name: 'Clinic' } }]);
      expect(announced).toEqual([]);
    });
    expect(announced).toHaveLength(1);
    expect(announced[0].map((message) => message.row)).toEqual(['p1', 'p2']);
  });

  it('a batch that fails part-way writes nothing and announces nothing', () => {
    const before = dumpAll(db);
    expect(() =>
      writePath.batch(() => {
        writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank' } }]);
        throw new Error('row 2 was bad');
      }),
    ).toThrow('row 2 was bad');
    expect(dumpAll(db)).toEqual(before);
    expect(announced).toEqual([]);
    // The next write is announced as usual.
    writePath.write([{ table: 'partners', row: 'p3', values: { name: 'Library' } }]);
    expect(announced).toHaveLength(1);
  });
});
