import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { AppError } from '../../../src-main/contract/result';
import { exportBundle, importBundle } from '../../../src-main/sync/bundle';
import { syncKeyFromBytes } from '../../../src-main/sync/crypto';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openReplica, syncedState, syncId, type TestReplica } from './replica-fixture';

const base = Date.parse('2026-11-23T09:00:00.000Z');
const nodeOf = (index: number) => index.toString(16).padStart(16, 'a');

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('bundle files', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let a: TestReplica;
  let b: TestReplica;
  beforeEach(() => {
    temp = makeTempDir('cg-bundle-');
    a = openReplica(temp.dir, 1, base);
    b = openReplica(temp.dir, 2, base + 5 * 60_000);
  });
  afterEach(() => {
    a.db.close();
    b.db.close();
    temp.cleanup();
  });

  it('imports once, reports what it added, and a second import adds nothing', () => {
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank', notes: 'Pantry hours' } }]);
    const bundle = exportBundle(a.replica, nodeOf(1));
    expect(bundle).toMatchObject({ messages: 2, everything: true });
    expect(bundle.bytes.toString('latin1')).not.toContain('Pantry');
    expect(importBundle(b.replica, bundle.bytes)).toEqual({ added: 2, duplicates: 0, fromNode: nodeOf(1) });
    expect(importBundle(b.replica, bundle.bytes)).toEqual({ added: 0, duplicates: 2, fromNode: nodeOf(1) });
    expect(syncedState(b.db).partners).toEqual(syncedState(a.db).partners);
  });

  it('sends back only what the other device lacked when it last exported', () => {
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank' } }]);
    importBundle(b.replica, exportBundle(a.replica, nodeOf(1)).bytes);
    b.writePath.write([{ table: 'partners', row: 'p2', values: { name: 'Clinic' } }]);
    // b knows a's trie from a's bundle, so its bundle holds only its own new minute.
    const reply = exportBundle(b.replica, nodeOf(2));
    expect(reply).toMatchObject({ messages: 1, everything: false });
    expect(exportBundle(b.replica, nodeOf(2), { everything: true }).messages).toBe(2);
    expect(importBundle(a.replica, reply.bytes).added).toBe(1);
    expect(a.replica.merkle()).toEqual(b.replica.merkle());
  });

  it('refuses a bundle of another passphrase, another initiative or a damaged file, changing nothing', () => {
    a.writePath.write([{ table: 'partners', row: 'p1', values: { name: 'Food Bank' } }]);
    const before = syncedState(b.db);
    const stranger = openReplica(temp.dir, 3, base, syncKeyFromBytes(syncId, Buffer.alloc(32, 1)));
    const otherTeam = openReplica(temp.dir, 4, base, syncKeyFromBytes('another-initiative', Buffer.alloc(32, 7)));
    try {
      stranger.writePath.write([{ table: 'partners', row: 'p9', values: { name: 'X' } }]);
      expect(refusal(() => importBundle(b.replica, exportBundle(stranger.replica, nodeOf(3)).bytes)).code).toBe(
        'wrong_passphrase',
      );
      expect(refusal(() => importBundle(b.replica, exportBundle(otherTeam.replica, nodeOf(4)).bytes)).message).toMatch(
        /another initiative/,
      );
      const bytes = exportBundle(a.replica, nodeOf(1)).bytes;
      expect(refusal(() => importBundle(b.replica, bytes.subarray(0, bytes.length - 10))).message).toMatch(/damaged/);
      expect(refusal(() => importBundle(b.replica, gzipSync('{"format":"zip"}'))).message).toMatch(
        /not a Common Ground/,
      );
      expect(syncedState(b.db)).toEqual(before);
    } finally {
      stranger.db.close();
      otherTeam.db.close();
    }
  });
});
