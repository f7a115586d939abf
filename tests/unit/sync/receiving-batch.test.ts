import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { openDatabase } from '../../../src-main/store/connection';
import type { TableRegistry } from '../../../src-main/store/schema';
import { WritePath } from '../../../src-main/store/write-path';
import { seal } from '../../../src-main/sync/crypto';
import { formatHlc, hlcMillisLimit, receiveHeadroomMs } from '../../../src-main/sync/hlc';
import { LocalReplica } from '../../../src-main/sync/replica';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openReplica, syncedState, teamKey, type TestReplica } from './replica-fixture';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const peerNode = '00000000000000c7';

/**
 * A received batch is checked once and folds only its newest timestamp into the clock (see
 * WritePath.receiveSound). What that must keep: a refusal of the whole batch when any message is
 * dated too far ahead, and a clock past every received timestamp.
 */
describe('receiving a batch', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let replicas: TestReplica[];
  beforeEach(() => {
    temp = makeTempDir('cg-receive-');
    replicas = [];
  });
  afterEach(() => {
    for (const { db } of replicas) if (db.open) db.close();
    temp.cleanup();
  });
  const message = (millis: number, counter: number, row: string, name: string) => ({
    timestamp: formatHlc({ millis, counter, node: peerNode }),
    table: 'partners',
    row,
    column: 'name',
    value: name,
  });

  it('refuses the whole batch when a message other than the first is dated too far ahead', () => {
    const a = openReplica(temp.dir, 1, base);
    replicas.push(a);
    const before = syncedState(a.db);
    const tooFar = hlcMillisLimit - receiveHeadroomMs + 5;
    const error = (() => {
      try {
        return a.writePath.receive([message(base, 0, 'p1', 'Fine'), message(tooFar, 0, 'p2', 'Far'), message(base, 1, 'p3', 'Fine')]);
      } catch (e) {
        return e;
      }
    })();
    expect((error as AppError).code).toBe('invalid_input');
    expect(syncedState(a.db)).toEqual(before);
  });

  it('stamps the next local edit after the newest message received, wherever it sits in the batch', () => {
    const a = openReplica(temp.dir, 1, base);
    replicas.push(a);
    const ahead = base + 60_000;
    a.replica.applySealed(
      [message(ahead, 9, 'p1', 'Newest'), message(base, 3, 'p2', 'Older'), message(ahead, 2, 'p3', 'Same ms')].map(
        (m) => seal(teamKey, m),
      ),
    );
    const [own] = a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Mine' } }]);
    expect(own.timestamp > formatHlc({ millis: ahead, counter: 9, node: peerNode })).toBe(true);
    expect(a.db.prepare("SELECT name FROM partners WHERE id = 'p1'").pluck().get()).toBe('Mine');
  });

  it('tells new messages from repeats in batches of a hundred and more, repeats mixed in anywhere', () => {
    const a = openReplica(temp.dir, 1, base);
    replicas.push(a);
    const batch = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => message(base + from + i, 0, `p${from + i}`, `P${from + i}`));
    expect(a.writePath.receive(batch(0, 250))).toMatchObject({ added: 250, duplicates: 0 });
    // 300 messages: the 250 held, 50 new spread among them, and one repeated within the batch.
    const old = batch(0, 250);
    const fresh = batch(250, 300);
    const mixed = old.flatMap((held, i) => (i % 5 === 0 ? [held, fresh[i / 5]] : [held]));
    mixed.push(fresh[7]);
    expect(a.writePath.receive(mixed)).toMatchObject({ added: 50, duplicates: 251 });
    expect(a.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(300);
    expect(a.writePath.receive(batch(300, 400))).toMatchObject({ added: 100, duplicates: 0 });
    expect(a.db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(400);
  });

  it("checks received messages against its write path's own tables, not only the app's", () => {
    // A tool (the write-path bench) brings a table of its own; its replica must apply what it syncs.
    const registry: TableRegistry = { tool_rows: { label: 'text' } };
    const db = openDatabase(join(temp.dir, 'tool.sqlite'), { create: true });
    db.exec("CREATE TABLE tool_rows (id TEXT PRIMARY KEY NOT NULL, label TEXT, _clock TEXT NOT NULL DEFAULT '{}')");
    replicas.push({ db } as TestReplica);
    const replica = new LocalReplica(db, new WritePath(db, '00000000000000d1', { tables: registry }), teamKey);
    const sealed = seal(teamKey, {
      timestamp: formatHlc({ millis: base, counter: 0, node: peerNode }),
      table: 'tool_rows',
      row: 'r1',
      column: 'label',
      value: 'Kept',
    });
    expect(replica.applySealed([sealed])).toMatchObject({ added: 1, setAside: 0 });
    expect(db.prepare("SELECT label FROM tool_rows WHERE id = 'r1'").pluck().get()).toBe('Kept');
  });
});
