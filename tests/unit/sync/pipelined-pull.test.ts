import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { openUnsealed, seal, syncKeyFromBytes, type SealedMessage, type Unsealed } from '../../../src-main/sync/crypto';
import { syncWith } from '../../../src-main/sync/protocol';
import type { SyncPeer } from '../../../src-main/sync/replica';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openReplica, syncedState, syncId, teamKey, type TestReplica } from './replica-fixture';

const base = Date.parse('2026-11-23T09:00:00.000Z');

/**
 * A long pull is a pipeline (src-main/sync/protocol.ts): the next page is asked for before the page
 * in hand is applied, and pages are unsealed on a worker thread. These tests hold what it must keep:
 * order, the same outcome, what came before a cut, and the refusal of a wrong passphrase.
 */
describe('pulling a long history as a pipeline', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let replicas: TestReplica[];
  beforeEach(() => {
    temp = makeTempDir('cg-pipeline-');
    replicas = [];
  });
  afterEach(() => {
    for (const { db } of replicas) if (db.open) db.close();
    temp.cleanup();
  });

  const withHistory = (count: number) => {
    const a = openReplica(temp.dir, 1, base);
    const b = openReplica(temp.dir, 2, base + 500);
    replicas.push(a, b);
    a.writePath.write(
      Array.from({ length: count }, (_, i) => ({ table: 'partners', row: `p${i}`, values: { name: `P${i}`, tags: 'x' } })),
    );
    return [a, b] as const;
  };

  /** Records, in order, each pull asked of the peer and each page the receiving replica applies. */
  const watch = (receiver: TestReplica, peer: SyncPeer) => {
    const events: string[] = [];
    const unsealedGiven: boolean[] = [];
    let pulls = 0;
    const watched: SyncPeer = {
      ...peer,
      pull: (after, limit) => {
        events.push(`pull ${++pulls}`);
        return peer.pull(after, limit);
      },
    };
    const applySealed = receiver.replica.applySealed.bind(receiver.replica);
    let applies = 0;
    receiver.replica.applySealed = (sealed, options) => {
      const page = ++applies;
      events.push(`apply ${page}`);
      unsealedGiven.push(Array.isArray(options?.unsealed));
      const outcome = applySealed(sealed, options);
      events.push(`applied ${page}`);
      return outcome;
    };
    return { events, unsealedGiven, peer: watched };
  };

  it('asks for the next page before applying the one in hand, and applies pages in order', async () => {
    const [a, b] = withHistory(250);
    const { events, peer } = watch(b, a.replica.asPeer());
    const report = await syncWith(b.replica, peer, { pageSize: 200 });
    expect(report).toMatchObject({ inSync: true, added: 500, received: 500 });
    // 500 messages in pages of 200: three pages, the third asked for before the first is applied.
    expect(events.indexOf('pull 2')).toBeLessThan(events.indexOf('apply 1'));
    expect(events.indexOf('pull 3')).toBeLessThan(events.indexOf('applied 1'));
    expect(events.filter((event) => event.startsWith('apply '))).toEqual(['apply 1', 'apply 2', 'apply 3']);
    expect(syncedState(b.db)).toEqual(syncedState(a.db));
  });

  it('unseals the pages of a long pull on a worker thread, and one page in place', async () => {
    const [a, b] = withHistory(250);
    const long = watch(b, a.replica.asPeer());
    await syncWith(b.replica, long.peer, { pageSize: 200 });
    expect(long.unsealedGiven).toEqual([true, true, true]);
    expect(syncedState(b.db)).toEqual(syncedState(a.db));

    a.clock.now += 3 * 60_000;
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Renamed' } }]);
    const short = watch(b, a.replica.asPeer());
    await syncWith(b.replica, short.peer, { pageSize: 200 });
    expect(short.unsealedGiven).toEqual([false]);
    expect(b.db.prepare("SELECT name FROM partners WHERE id = 'p1'").pluck().get()).toBe('Renamed');
  });

  it('holds SQLite checkpoints back during a long pull and folds the -wal file in once at the end', async () => {
    const [a, b] = withHistory(250);
    const seen: number[] = [];
    const applySealed = b.replica.applySealed.bind(b.replica);
    b.replica.applySealed = (sealed, options) => {
      seen.push(b.db.pragma('wal_autocheckpoint', { simple: true }) as number);
      return applySealed(sealed, options);
    };
    await syncWith(b.replica, a.replica.asPeer(), { pageSize: 200 });
    expect(seen).toEqual([0, 0, 0]);
    expect(b.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // Nothing left to fold: every frame of the -wal file is already in the database.
    const [{ log, checkpointed }] = b.db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(checkpointed).toBe(log);
    // A sync of one page leaves the setting alone.
    a.clock.now += 3 * 60_000;
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Renamed' } }]);
    seen.length = 0;
    await syncWith(b.replica, a.replica.asPeer(), { pageSize: 200 });
    expect(seen).toEqual([1000]);
  });

  it('keeps every page received before the connection is cut, and the next sync ends the job', async () => {
    const [a, b] = withHistory(250);
    const peer = a.replica.asPeer();
    let pulls = 0;
    const cut: SyncPeer = {
      ...peer,
      pull: (after, limit) =>
        ++pulls === 3 ? Promise.reject(new AppError('sync_unreachable', 'cut')) : peer.pull(after, limit),
    };
    const error = await syncWith(b.replica, cut, { pageSize: 200 }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('sync_unreachable');
    // Pages 1 and 2 came before the cut: both are applied, though page 2 arrived while 1 was applied.
    expect(b.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(400);
    const report = await syncWith(b.replica, peer, { pageSize: 200 });
    expect(report).toMatchObject({ inSync: true, added: 100 });
    expect(syncedState(b.db)).toEqual(syncedState(a.db));
  });

  it('refuses a long history sealed with another passphrase and changes nothing', async () => {
    const a = openReplica(temp.dir, 1, base);
    const stranger = openReplica(temp.dir, 3, base, syncKeyFromBytes(syncId, Buffer.alloc(32, 9)));
    replicas.push(a, stranger);
    stranger.writePath.write(
      Array.from({ length: 300 }, (_, i) => ({ table: 'partners', row: `s${i}`, values: { name: `S${i}` } })),
    );
    const before = syncedState(a.db);
    const error = await syncWith(a.replica, stranger.replica.asPeer(), { pageSize: 100 }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('wrong_passphrase');
    expect(syncedState(a.db)).toEqual(before);
  });
});

describe('the opening worker', () => {
  it('gives the same message, or the same error, as opening in place', async () => {
    const { OpeningWorker } = await import('../../../src-main/sync/opening-worker');
    const message = (i: number) => ({
      timestamp: `2026-11-23T09:00:00.000Z-${i.toString(16).padStart(4, '0')}-00000000000000a1`,
      table: 'partners',
      row: `p${i}`,
      column: 'name',
      value: `Partner ${i}`,
    });
    const sound = seal(teamKey, message(1));
    const bytes = Buffer.from(seal(teamKey, message(2)).payload, 'base64');
    bytes[20] ^= 1;
    const cases: SealedMessage[] = [
      sound,
      seal(teamKey, { ...message(3), base: '2026-11-23T08:00:00.000Z-0000-00000000000000a1' }),
      seal(syncKeyFromBytes(syncId, Buffer.alloc(32, 9)), message(4)),
      { timestamp: message(2).timestamp, payload: bytes.toString('base64') },
      { timestamp: message(5).timestamp, payload: 'c2hvcnQ=' },
      // Moved to another timestamp: the associated data no longer matches.
      { timestamp: message(6).timestamp, payload: sound.payload },
      { timestamp: message(7).timestamp, payload: 42 as unknown as string },
    ];
    const worker = new OpeningWorker(teamKey);
    let unsealed: Unsealed[] | null;
    try {
      unsealed = await worker.unseal(cases);
    } finally {
      await worker.close();
    }
    expect(unsealed).not.toBeNull();
    // The odd payload (not a string) is left to the thread that owns the store, as before.
    expect(unsealed!.map((answer) => answer === null)).toEqual([false, false, false, false, false, false, true]);
    const outcome = (sealed: SealedMessage, answer: Unsealed) => {
      try {
        return openUnsealed(teamKey, sealed, answer);
      } catch (error) {
        return { error: (error as Error).message, code: (error as { code?: string }).code };
      }
    };
    cases.forEach((sealed, i) => expect(outcome(sealed, unsealed![i])).toEqual(outcome(sealed, null)));
    expect(outcome(cases[2], unsealed![2])).toMatchObject({ code: 'wrong_passphrase' });
    expect(outcome(cases[4], unsealed![4])).toMatchObject({ code: 'damaged' });
  });
});
