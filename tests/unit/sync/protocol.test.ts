import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { deriveSyncKey, keyCheckMatches, open, seal, syncKeyFromBytes } from '../../../src-main/sync/crypto';
import { driftWarningMs, syncWith } from '../../../src-main/sync/protocol';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openReplica, syncedState, syncId, teamKey, type TestReplica } from './replica-fixture';

const base = Date.parse('2026-11-23T09:00:00.000Z');

describe('sync between two replicas', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let replicas: TestReplica[];
  beforeEach(() => {
    temp = makeTempDir('cg-sync-');
    replicas = [];
  });
  afterEach(() => {
    for (const { db } of replicas) if (db.open) db.close();
    temp.cleanup();
  });
  const open2 = () => {
    replicas = [openReplica(temp.dir, 1, base), openReplica(temp.dir, 2, base + 500)];
    return replicas;
  };

  it('moves only what differs and ends with equal state and tries', async () => {
    const [a, b] = open2();
    for (let i = 0; i < 50; i++) a.writePath.write([{ table: 'partners', row: `p${i}`, values: { name: `P${i}` } }]);
    const first = await syncWith(b.replica, a.replica.asPeer());
    expect(first).toMatchObject({ inSync: true, received: 50, added: 50, sent: 0 });
    // Tries are kept per minute: edits in a later minute leave the first minute out of the exchange.
    a.clock.now += 3 * 60_000;
    b.clock.now += 3 * 60_000;
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Renamed' } }]);
    b.writePath.write([{ table: 'partners', row: 'p2', values: { sector: 'health' } }]);
    const second = await syncWith(b.replica, a.replica.asPeer());
    expect(second.inSync).toBe(true);
    // Only the new minute travels, not the 50 messages both already hold: a's edit comes, and b
    // sends that minute's two edits (its own and a's, which a drops as a repeat).
    expect(second.received).toBe(1);
    expect(second.sent).toBe(2);
    expect(syncedState(a.db)).toEqual(syncedState(b.db));
    expect(a.replica.merkle()).toEqual(b.replica.merkle());
    const again = await syncWith(a.replica, b.replica.asPeer());
    expect(again).toMatchObject({ received: 0, sent: 0, rounds: 1 });
  });

  it('pages through long histories', async () => {
    const [a, b] = open2();
    a.writePath.write(
      Array.from({ length: 1234 }, (_, i) => ({ table: 'partners', row: `p${i}`, values: { name: `P${i}` } })),
    );
    const report = await syncWith(b.replica, a.replica.asPeer(), { pageSize: 100 });
    expect(report).toMatchObject({ inSync: true, added: 1234 });
    expect(b.db.prepare('SELECT count(*) FROM partners').pluck().get()).toBe(1234);
  });

  it('keeps the losing version of a concurrently edited note as a conflict copy, and not a knowing overwrite', async () => {
    const [a, b] = open2();
    a.writePath.write([{ table: 'decisions', row: 'd1', values: { text: 'We fund the pantry' } }]);
    await syncWith(b.replica, a.replica.asPeer());
    // Both edit the text they saw, without hearing of each other.
    a.writePath.write([{ table: 'decisions', row: 'd1', values: { text: 'We fund the pantry in March' } }]);
    b.writePath.write([{ table: 'decisions', row: 'd1', values: { text: 'We fund the pantry and the clinic' } }]);
    await syncWith(a.replica, b.replica.asPeer());
    const winner = a.db.prepare("SELECT text FROM decisions WHERE id = 'd1'").pluck().get();
    expect(winner).toBe('We fund the pantry and the clinic');
    const copies = (db: TestReplica['db']) => db.prepare('SELECT tbl, row_id, col, value FROM conflict_copies').all();
    expect(copies(a.db)).toEqual([
      { tbl: 'decisions', row_id: 'd1', col: 'text', value: 'We fund the pantry in March' },
    ]);
    expect(copies(b.db)).toEqual(copies(a.db));
    // Typing over the merged text knowingly leaves the copy for the person to dismiss; a second
    // knowing edit makes no new copy.
    a.writePath.write([{ table: 'decisions', row: 'd1', values: { text: 'Pantry in March and the clinic' } }]);
    await syncWith(b.replica, a.replica.asPeer());
    expect(copies(b.db)).toHaveLength(1);
    expect(syncedState(a.db)).toEqual(syncedState(b.db));
  });

  it('warns about a clock far ahead but still applies its changes', async () => {
    const [a, b] = open2();
    a.clock.now = base + 3 * 3_600_000;
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'From the future' } }]);
    const report = await syncWith(b.replica, a.replica.asPeer());
    expect(report.driftWarning).toBe(true);
    expect(report.maxDriftMs).toBeGreaterThan(driftWarningMs);
    expect(b.db.prepare("SELECT name FROM partners WHERE id = 'p1'").pluck().get()).toBe('From the future');
    // b's next edit still sorts after the message from the fast clock.
    b.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Fixed' } }]);
    await syncWith(a.replica, b.replica.asPeer());
    expect(a.db.prepare("SELECT name FROM partners WHERE id = 'p1'").pluck().get()).toBe('Fixed');
  });

  it('refuses messages sealed with another passphrase and changes nothing', async () => {
    const [a] = open2();
    const stranger = openReplica(temp.dir, 3, base, syncKeyFromBytes(syncId, Buffer.alloc(32, 9)));
    replicas.push(stranger);
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Mine' } }]);
    stranger.writePath.write([{ table: 'partners', row: 'p9', values: { name: 'Theirs' } }]);
    const before = syncedState(a.db);
    const error = await syncWith(a.replica, stranger.replica.asPeer()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('wrong_passphrase');
    expect(syncedState(a.db)).toEqual(before);
  });

  it('does not send the text of a withdrawn participant’s notes, and the withdrawal travels', async () => {
    const [a, b] = open2();
    a.writePath.write([
      { table: 'participants', row: 'pt1', values: { pseudonym: 'Heron', consent: 'anonymous', withdrawn: 0 } },
      { table: 'voice_notes', row: 'n1', values: { participant_id: 'pt1', text: 'canary-withdrawn-words' } },
      { table: 'participants', row: 'pt1', values: { withdrawn: 1 } },
    ]);
    const sent = a.replica.sealedAfter('', 100).messages.map((m) => open(teamKey, m));
    expect(sent.find((m) => m.column === 'text')?.value).toBeNull();
    await syncWith(b.replica, a.replica.asPeer());
    expect(b.db.prepare("SELECT withdrawn FROM participants WHERE id = 'pt1'").pluck().get()).toBe(1);
    expect(b.db.prepare("SELECT text FROM voice_notes WHERE id = 'n1'").pluck().get()).toBeNull();
    expect(JSON.stringify(syncedState(b.db))).not.toContain('canary-withdrawn-words');
    expect(a.replica.merkle()).toEqual(b.replica.merkle());
  });
});

describe('sync encryption', () => {
  it('derives the same key from the same passphrase, another from another', async () => {
    const one = await deriveSyncKey(syncId, 'correct horse battery');
    const two = await deriveSyncKey(syncId, 'correct horse battery');
    const other = await deriveSyncKey(syncId, 'correct horse battery!');
    expect(keyCheckMatches(two, one.keyCheck)).toBe(true);
    expect(keyCheckMatches(other, one.keyCheck)).toBe(false);
    expect(one.accessToken).not.toBe(other.accessToken);
    const sealed = seal(one, {
      timestamp: '2026-11-23T09:00:00.000Z-0000-aaaaaaaaaaaaaaa1',
      table: 'partners',
      row: 'p',
      column: 'name',
      value: 'Food Bank',
    });
    expect(open(two, sealed).value).toBe('Food Bank');
    expect(() => open(other, sealed)).toThrow(/passphrase/);
  });

  it('uses a fresh nonce each time and binds the payload to its timestamp', () => {
    const message = {
      timestamp: '2026-11-23T09:00:00.000Z-0000-aaaaaaaaaaaaaaa1',
      table: 'partners',
      row: 'p',
      column: 'name',
      value: 'Same',
    };
    const one = seal(teamKey, message);
    const two = seal(teamKey, message);
    expect(one.payload).not.toBe(two.payload);
    expect(Buffer.from(one.payload, 'base64').toString('latin1')).not.toContain('Same');
    expect(() => open(teamKey, { ...one, timestamp: '2026-11-23T09:00:00.000Z-0001-aaaaaaaaaaaaaaa1' })).toThrow();
  });
});
