import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { seal, syncKeyFromBytes } from '../../../src-main/sync/crypto';
import { HubPeer } from '../../../src-main/sync/hub-client';
import { syncWith } from '../../../src-main/sync/protocol';
import { makeTempDir } from '../../fixtures/temp-dir';
import { startHub, type HubProcess } from './hub-process';
import { openReplica, syncedState, teamKey, type TestReplica } from './replica-fixture';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const partners = (device: TestReplica) =>
  device.db.prepare('SELECT name FROM partners ORDER BY name').pluck().all() as string[];
const setAside = (device: TestReplica) =>
  device.db.prepare('SELECT timestamp, reason FROM set_aside_messages ORDER BY timestamp').all() as {
    timestamp: string;
    reason: string;
  }[];

/**
 * A hub process holds a few messages no device of the team can read: one sealed with another key,
 * one with a byte changed, one that opens but names no table of ours. A device syncing through it
 * sets them aside and keeps syncing; a device with the wrong passphrase opens nothing and is told so.
 */
describe('unreadable messages on the hub', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let hub: HubProcess;
  let laptop: TestReplica;
  let tablet: TestReplica;
  const bad: string[] = [];

  beforeAll(async () => {
    temp = makeTempDir('cg-set-aside-');
    hub = await startHub({ DATABASE_URL: '', HUB_DB: join(temp.dir, 'hub.sqlite') });
    laptop = openReplica(temp.dir, 1, base);
    tablet = openReplica(temp.dir, 2, base + 30_000);
    laptop.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank' } }]);
    const peer = new HubPeer(hub.url, teamKey);
    await peer.register(hub.enrolmentKey);
    await syncWith(laptop.replica, peer);

    const at = (second: number) => `2026-11-23T09:00:${String(second).padStart(2, '0')}.000Z-0000-00000000000000ee`;
    const foreign = seal(syncKeyFromBytes(teamKey.syncId, Buffer.alloc(32, 9)), {
      timestamp: at(10),
      table: 'partners',
      row: 'p9',
      column: 'name',
      value: 'Not ours',
    });
    const altered = seal(teamKey, {
      timestamp: at(11),
      table: 'partners',
      row: 'p8',
      column: 'name',
      value: 'Altered',
    });
    const bytes = Buffer.from(altered.payload, 'base64');
    bytes[20] ^= 0xff;
    const odd = seal(teamKey, { timestamp: at(12), table: 'no_such_table', row: 'x', column: 'y', value: 1 });
    await peer.push([foreign, { timestamp: altered.timestamp, payload: bytes.toString('base64') }, odd]);
    bad.push(foreign.timestamp, altered.timestamp, odd.timestamp);
  }, 60_000);

  afterAll(async () => {
    laptop.db.close();
    tablet.db.close();
    await hub.stop();
    temp.cleanup();
  });

  it('sets them aside, applies everything else, and later syncs go on in step', async () => {
    const peer = new HubPeer(hub.url, teamKey);
    const first = await syncWith(tablet.replica, peer);
    expect(first.inSync).toBe(true);
    expect(partners(tablet)).toEqual(['Food Bank']);
    expect(setAside(tablet).map((row) => row.timestamp)).toEqual(bad);
    expect(setAside(tablet).map((row) => row.reason)).toEqual([
      'could not be opened',
      'could not be opened',
      'unreadable: unknown table "no_such_table"',
    ]);
    // Their timestamps count in the trie, so the tablet and the hub agree and nothing is pulled again.
    expect(tablet.replica.merkle()).toEqual(await peer.merkle());
    expect(await syncWith(tablet.replica, peer)).toMatchObject({ inSync: true, received: 0, rounds: 1 });

    laptop.clock.now += 120_000;
    laptop.writePath.write([{ table: 'partners', row: 'p2', values: { name: 'Clinic' } }]);
    await syncWith(laptop.replica, peer);
    expect(await syncWith(tablet.replica, peer)).toMatchObject({ inSync: true, added: 1 });
    expect(partners(tablet)).toEqual(['Clinic', 'Food Bank']);
    // The laptop, which never set anything aside, holds the same data.
    await syncWith(laptop.replica, peer);
    expect(partners(laptop)).toEqual(partners(tablet));
    expect(syncedState(laptop.db).partners).toEqual(syncedState(tablet.db).partners);

    // A lone foreign message, alone in what the tablet pulls: its key has opened others' changes
    // before, so this is one bad message, not a wrong passphrase.
    const lone = seal(syncKeyFromBytes(teamKey.syncId, Buffer.alloc(32, 5)), {
      timestamp: '2026-11-23T09:30:00.000Z-0000-00000000000000ee',
      table: 'partners',
      row: 'p7',
      column: 'name',
      value: 'Lone',
    });
    await peer.push([lone]);
    expect(await syncWith(tablet.replica, peer)).toMatchObject({ inSync: true, received: 1, added: 0 });
    expect(setAside(tablet)).toHaveLength(4);
  });

  it('tells a wrong passphrase apart: nothing opens, nothing is applied or set aside', async () => {
    const { messages } = await new HubPeer(hub.url, teamKey).pull('', 5000);
    const stranger = openReplica(temp.dir, 3, base, syncKeyFromBytes(teamKey.syncId, randomBytes(32)));
    try {
      const error = (() => {
        try {
          stranger.replica.applySealed(messages);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('wrong_passphrase');
      expect(partners(stranger)).toEqual([]);
      expect(setAside(stranger)).toEqual([]);
      expect(stranger.replica.merkle()).toEqual({});
    } finally {
      stranger.db.close();
    }
  });
});
