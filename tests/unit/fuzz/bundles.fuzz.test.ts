import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createCipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatchAsync } from '../../../src-main/features/handlers';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { maxTextValueLength } from '../../../src-main/store/schema';
import type { BundleFile } from '../../../src-main/sync/bundle';
import { deriveSyncKey, open, seal, type SealedMessage, type SyncKey } from '../../../src-main/sync/crypto';
import { formatHlc, hlcMillisLimit } from '../../../src-main/sync/hlc';
import {
  dumpDataDir,
  expectWellFormedResult,
  openContractFixture,
  resourcesDir,
  type ContractFixture,
} from '../contract/contract-fixture';
import { makeTempDir } from '../../fixtures/temp-dir';
import { corrupted, plainMessageProblem } from './hostile';

/*
 * Sync bundle files through the real `sync.importBundle` channel (dispatch, as the transports call
 * it). A laptop exports bundles; a second device holding the same initiative imports them. Damaged
 * bundles (cut short, bytes flipped in the gzip stream, in a sealed message's nonce, ciphertext or
 * tag, in the clear timestamp or header), bundles of another passphrase or initiative, and bundles
 * whose messages were sealed with the team's real key but say something wrong (a bad timestamp,
 * a table or column that is not synced, a value of the wrong type or size) must each be refused
 * in plain words with the second device's data exactly as it was; a valid bundle imports after all
 * of them.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 30);
const passphrase = 'bundle fuzzing passphrase';
const otherNode = 'cccccccccccccccc';

interface Device {
  dataDir: string;
  call(channel: string, input: unknown): Promise<unknown>;
  ok<T>(channel: string, input: unknown): Promise<T>;
  /** Domain tables, change log, merkle trie and sync state of every file, plus the peer tries. */
  state(): unknown;
  close(): void;
}

/** A second device: its own data folder and node id, the app's real handlers. */
function openDevice(node: string): Device {
  const temp = makeTempDir('common-ground-bundle-device-');
  const library = new InitiativeLibrary(temp.dir, { node });
  const handlers = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  const call = (channel: string, input: unknown) => dispatchAsync(handlers, channel, input);
  return {
    dataDir: temp.dir,
    call,
    async ok<T>(channel: string, input: unknown) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    state() {
      const dump = dumpDataDir(temp.dir);
      const tries: Record<string, unknown> = {};
      for (const name of Object.keys(dump)) {
        const db = new Database(join(temp.dir, 'initiatives', name), { readonly: true });
        tries[name] = db.prepare('SELECT * FROM peer_tries ORDER BY node').all();
        db.close();
      }
      return { dump, tries };
    },
    close() {
      library.close();
      temp.cleanup();
    },
  };
}

let laptop: ContractFixture;
let device: Device;
let initiativeId: string;
let key: SyncKey;
/** A bundle from the laptop holding messages the device lacks. */
let good: Buffer;
let goodFile: BundleFile;
/** A bundle of another initiative, sealed with the same passphrase. */
let foreign: Buffer;

const decode = (bytes: Buffer) => JSON.parse(gunzipSync(bytes).toString('utf8')) as BundleFile;
const encode = (file: unknown) => gzipSync(JSON.stringify(file));

async function exportBundle(id: string): Promise<Buffer> {
  const result = await laptop.callAsync('sync.exportBundle', { initiativeId: id, everything: true });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return Buffer.from((result.value as { contentBase64: string }).contentBase64, 'base64');
}

beforeAll(async () => {
  laptop = openContractFixture();
  device = openDevice('00000000000000bb');
  initiativeId = laptop.ok('initiatives.create', { name: 'Bundle source' }).id;
  for (const name of ['Eastside Library', 'Clínica del Este'])
    laptop.ok('partners.create', { initiativeId, partner: { name, notes: 'first' } });
  const configured = await laptop.callAsync('sync.configure', { initiativeId, hubUrl: '', passphrase });
  if (!configured.ok) throw new Error(JSON.stringify(configured.error));
  // The device gets the initiative as a file (moving to a second computer), then only bundles.
  const exported = await laptop.callAsync('initiatives.exportFile', { initiativeId, passphrase });
  if (!exported.ok) throw new Error(JSON.stringify(exported.error));
  const file = exported.value as { contentBase64: string };
  await device.ok('initiatives.importFile', {
    fileName: 'source.cground',
    contentBase64: file.contentBase64,
    passphrase,
  });
  const status = await device.ok<{ configured: boolean }>('sync.status', { initiativeId });
  if (!status.configured) await device.ok('sync.configure', { initiativeId, hubUrl: '', passphrase });
  // Work the device has not seen: partners, a relationship, a theme, long notes.
  const ids = ['Youth Council "North"', 'Ana, facilitator', 'Transit Authority'].map(
    (name) => laptop.ok('partners.create', { initiativeId, partner: { name, tags: ['a', 'b c'] } }).id,
  );
  laptop.ok('relationships.create', {
    initiativeId,
    relationship: { fromId: ids[0], toId: ids[1], kind: 'funds', strength: 2 },
  });
  laptop.ok('themes.create', { initiativeId, theme: { name: 'Childcare', colour: '#336699' } });
  laptop.ok('partners.update', { initiativeId, partnerId: ids[2], patch: { notes: 'Bus passes\nfor youth' } });
  good = await exportBundle(initiativeId);
  goodFile = decode(good);
  key = await deriveSyncKey(initiativeId, passphrase);

  const otherId = laptop.ok('initiatives.create', { name: 'Another initiative' }).id;
  laptop.ok('partners.create', { initiativeId: otherId, partner: { name: 'Elsewhere' } });
  const other = await laptop.callAsync('sync.configure', { initiativeId: otherId, hubUrl: '', passphrase });
  if (!other.ok) throw new Error(JSON.stringify(other.error));
  foreign = await exportBundle(otherId);
}, 60_000);

afterAll(() => {
  laptop.close();
  device.close();
});

function expectPlainRefusal(result: unknown, label: string): void {
  expectWellFormedResult(result);
  expect(result.ok, `${label}: ${JSON.stringify(result).slice(0, 300)}`).toBe(false);
  if (result.ok) return;
  expect(result.error.code, result.error.message).not.toBe('internal');
  // A name the bundle itself carried (a table called "sqlite_master") is quoted back; the words around it must be plain.
  const ownWords = result.error.message.replace(/"[^"]*"/g, '"…"');
  expect(plainMessageProblem(ownWords), result.error.message.slice(0, 300)).toBeNull();
}

const importInput = (bytes: Buffer) => ({ initiativeId, contentBase64: bytes.toString('base64') });

/** Must be refused, and the device's files must be byte-for-byte what they were. */
async function expectRefused(bytes: Buffer, label = 'bundle'): Promise<{ code: string; message: string }> {
  const before = device.state();
  const result = await device.call('sync.importBundle', importInput(bytes));
  expectPlainRefusal(result, label);
  expect(device.state(), label).toEqual(before);
  return (result as { error: { code: string; message: string } }).error;
}

/** Every message of the good bundle, by timestamp, is in the device's change log. */
function changeLogHasGoodBundle(): boolean {
  const log = dumpDataDir(device.dataDir)[`${initiativeId}.sqlite`].change_log as { timestamp: string }[];
  const timestamps = new Set(log.map((row) => row.timestamp));
  return goodFile.messages.every((message) => timestamps.has(message.timestamp));
}

/** A sealed message exactly as crypto.ts builds it, but from any plaintext: the MAC holds, the content lies. */
function sealRaw(sealKey: SyncKey, timestamp: string, plaintext: string): SealedMessage {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey.key, nonce);
  cipher.setAAD(Buffer.from(`${sealKey.syncId}\u0000${timestamp}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { timestamp, payload: Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]).toString('base64') };
}

let counter = 0;
/** A fresh, valid timestamp of a third device, a minute before now. */
function freshTimestamp(): string {
  counter = (counter + 1) % 0xffff;
  return formatHlc({ millis: Date.now() - 60_000, counter, node: otherNode });
}

/** The good bundle with extra sealed messages spliced in at the given places. */
function withMessages(extra: { at: number; message: SealedMessage }[]): Buffer {
  const messages = [...goodFile.messages];
  for (const { at, message } of extra) messages.splice(at % (messages.length + 1), 0, message);
  return encode({ ...goodFile, messages });
}

describe('sync bundle import', () => {
  it('the fixture is sound: the good bundle opens, carries new work, and sealRaw seals as the app does', async () => {
    expect(goodFile.messages.length).toBeGreaterThan(10);
    expect(changeLogHasGoodBundle()).toBe(false);
    const body = JSON.stringify(['partners', 'p-raw', 'name', 'Raw']);
    const timestamp = freshTimestamp();
    expect(open(key, sealRaw(key, timestamp, body))).toEqual({
      timestamp,
      table: 'partners',
      row: 'p-raw',
      column: 'name',
      value: 'Raw',
    });
    // And the same message through seal() opens to the same thing.
    expect(open(key, seal(key, open(key, sealRaw(key, timestamp, body))))).toMatchObject({ value: 'Raw' });
  });

  it(
    'refuses a gzip stream damaged any way in plain words with nothing changed, or imports it whole',
    async () => {
      await fc.assert(
        fc.asyncProperty(corrupted(good), async (bytes) => {
          const before = device.state();
          const result = await device.call('sync.importBundle', importInput(bytes));
          expectWellFormedResult(result);
          if (!result.ok) {
            expectPlainRefusal(result, 'damaged gzip');
            return void expect(device.state()).toEqual(before);
          }
          // The damage missed what gzip checks (a header byte such as its time stamp): all of it is there.
          const { added, duplicates } = result.value as { added: number; duplicates: number };
          expect(added + duplicates).toBe(goodFile.messages.length);
          expect(changeLogHasGoodBundle()).toBe(true);
        }),
        { numRuns: runs },
      );
    },
    30_000 + runs * 1_000,
  );

  it(
    'refuses a flipped byte in any sealed message (nonce, ciphertext or tag) or in its clear timestamp',
    async () => {
      const region = fc.constantFrom('nonce', 'ciphertext', 'tag', 'timestamp');
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: goodFile.messages.length - 1 }),
          region,
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          async (index, where, position, mask) => {
            const messages = goodFile.messages.map((message) => ({ ...message }));
            const target = messages[index];
            if (where === 'timestamp') {
              // Another valid timestamp: the sealed payload is bound to the one it was sealed under.
              const moved = formatHlc({
                millis: Date.parse(target.timestamp.slice(0, 24)) + 1 + (position % 1000),
                counter: 0,
                node: otherNode,
              });
              target.timestamp = moved;
            } else {
              const bytes = Buffer.from(target.payload, 'base64');
              const [from, length] =
                where === 'nonce' ? [0, 12] : where === 'tag' ? [bytes.length - 16, 16] : [12, bytes.length - 28];
              bytes[from + (position % length)] ^= mask;
              target.payload = bytes.toString('base64');
            }
            const error = await expectRefused(encode({ ...goodFile, messages }), where);
            expect(error.code).toBe('wrong_passphrase');
          },
        ),
        { numRuns: runs },
      );
    },
    30_000 + runs * 1_000,
  );

  const headerDamage: [string, (file: BundleFile) => unknown][] = [
    ['not a bundle format', (file) => ({ ...file, format: 'common-ground-backup' })],
    ['a future version', (file) => ({ ...file, version: 2 })],
    ['a version as text', (file) => ({ ...file, version: '1' })],
    ['no sync id', (file) => ({ ...file, syncId: undefined })],
    ['a sync id that is a number', (file) => ({ ...file, syncId: 7 })],
    ['another key check', (file) => ({ ...file, keyCheck: '0'.repeat(32) })],
    ['a key check of another length', (file) => ({ ...file, keyCheck: file.keyCheck + '00' })],
    ['a node that is not hex', (file) => ({ ...file, node: 'not-a-node-id!!!' })],
    ['a node that is too long', (file) => ({ ...file, node: 'a'.repeat(10_000) })],
    ['a merkle trie of text', (file) => ({ ...file, merkle: { '': 'x' } })],
    ['a merkle trie that is null', (file) => ({ ...file, merkle: null })],
    ['messages that are not a list', (file) => ({ ...file, messages: { 0: file.messages[0] } })],
    [
      'a message without payload',
      (file) => ({ ...file, messages: [...file.messages, { timestamp: freshTimestamp() }] }),
    ],
    ['a message that is a string', (file) => ({ ...file, messages: [...file.messages, 'message'] })],
    ['a message that is null', (file) => ({ ...file, messages: [null, ...file.messages] })],
    [
      'a payload too short to hold a tag',
      (file) => ({ ...file, messages: [...file.messages, { timestamp: freshTimestamp(), payload: 'AAAA' }] }),
    ],
    [
      'a payload that is not base64',
      (file) => ({
        ...file,
        messages: [...file.messages, { timestamp: freshTimestamp(), payload: '%%%%'.repeat(20) }],
      }),
    ],
    ['the whole file a JSON list', () => []],
    ['the whole file null', () => null],
    ['the whole file a number', () => 1e308],
  ];

  it.each(headerDamage)('refuses a bundle with %s, changing nothing', async (label, damage) => {
    await expectRefused(encode(damage(goodFile)), label);
  });

  const handMade: [string, () => Buffer][] = [
    ['an empty file', () => Buffer.alloc(0)],
    ['random bytes', () => randomBytes(4096)],
    ['a gzip header and nothing else', () => good.subarray(0, 10)],
    ['gzip of plain text', () => gzipSync('hello, this is not a bundle')],
    ['gzip of JSON nested a hundred thousand deep', () => gzipSync('['.repeat(100_000) + ']'.repeat(100_000))],
    ['the bundle without gzip', () => Buffer.from(JSON.stringify(goodFile))],
    [
      'a gzip trailer declaring a huge length',
      () => {
        const copy = Buffer.from(good);
        copy.writeUInt32LE(0xffffffff, copy.length - 4);
        return copy;
      },
    ],
    ['two bundles glued together', () => Buffer.concat([good, gzipSync('{"format":"x"}')])],
  ];

  it.each(handMade)('refuses %s, changing nothing', async (label, bytes) => {
    await expectRefused(bytes(), label);
  });

  it('refuses a bundle of another initiative and one sealed with another passphrase', async () => {
    expect((await expectRefused(foreign, 'foreign')).message).toMatch(/another initiative/);
    const wrongKey = await deriveSyncKey(initiativeId, 'a different team phrase');
    const resealed = goodFile.messages.map((message) => seal(wrongKey, open(key, message)));
    const wrong = await expectRefused(encode({ ...goodFile, keyCheck: wrongKey.keyCheck, messages: resealed }));
    expect(wrong.code).toBe('wrong_passphrase');
    // The right key check but messages of another key: refused when the first one will not open.
    const mixed = await expectRefused(encode({ ...goodFile, messages: [...goodFile.messages, resealed[0]] }));
    expect(mixed.code).toBe('wrong_passphrase');
    // Messages of another initiative under this header: their associated data names the other sync id.
    const foreignMessages = decode(foreign).messages;
    expect((await expectRefused(encode({ ...goodFile, messages: foreignMessages }))).code).toBe('wrong_passphrase');
  });

  /*
   * Messages sealed with the team's real key (the MAC holds) whose content is wrong. Each is
   * spliced among the good bundle's messages: the whole bundle is refused, none of it applied.
   */
  const farFuture = (counter: number) => formatHlc({ millis: hlcMillisLimit - 1, counter, node: otherNode });
  const badTimestamps = [
    '',
    'yesterday',
    '2026-02-30T10:00:00.000Z-0000-cccccccccccccccc',
    '2026-11-23T09:00:00.000Z-0000-CCCCCCCCCCCCCCCC',
    '2026-11-23T09:00:00.000Z-00000-cccccccccccccccc',
    '2026-11-23T09:00:00Z-0000-cccccccccccccccc',
    '2026-11-23T09:00:00.000Z-0000-cccccccccccccccc\n',
    '1969-12-31T23:59:59.999Z-0000-cccccccccccccccc',
    '2051-11-05T13:21:00.000Z-0000-cccccccccccccccc',
    '9999-12-31T23:59:59.999Z-ffff-cccccccccccccccc',
    '2026-11-23T09:00:00.000Z-0000-cccccccccccccccc'.repeat(300),
    // At the very end of the clock's range: accepting it would pin this device's clock there and
    // every later edit would fail, at once or after a few thousand edits (found by this fuzz; now
    // refused on receipt).
    farFuture(0xfffe),
    farFuture(0),
  ];
  const badTables = [
    'change_log',
    'merkle',
    'sync_state',
    'peer_tries',
    'conflict_copies',
    'sqlite_schema',
    'sqlite_master',
    'partners_fts',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'partners; DROP TABLE partners',
    'Partners',
    '',
  ];
  const badColumns = ['id', '_clock', 'rowid', '__proto__', 'constructor', 'name; --', 'Name', 'nope', ''];
  const badRows: unknown[] = ['', 'x'.repeat(81), 5, null, {}, ['p1'], true];
  /** [column of partners, value it may not hold] */
  const badValues: [string, unknown][] = [
    ['name', 5],
    ['name', true],
    ['name', {}],
    ['name', ['a']],
    ['name', 'x'.repeat(maxTextValueLength + 1)],
    ['notes', { toString: 'x' }],
    ['tombstone', 2],
    ['tombstone', null],
    ['tombstone', '1'],
    ['tombstone', true],
    ['tombstone', 0.5],
    ['influence', 1.5],
    ['influence', '3'],
    ['influence', 2 ** 60],
    ['lived_experience', -1],
  ];
  /** Plaintexts that are not a change message at all. */
  const badBodies = [
    'not json',
    '',
    'null',
    '{"table":"partners","row":"p1","column":"name","value":"x"}',
    '["partners","p1","name"]',
    '["partners","p1","name","x","2026-11-23T09:00:00.000Z-0000-cccccccccccccccc","extra"]',
    '[1,2,3,4]',
    '["partners","p1","influence",1e400]',
    '["partners","p1","name","x","not a timestamp"]',
    '["partners","p1","notes","x",42]',
    '['.repeat(10_000) + ']'.repeat(10_000),
  ];

  const rawBody = (table: unknown, row: unknown, column: unknown, value: unknown) =>
    JSON.stringify([table, row, column, value]);
  const badMessage: fc.Arbitrary<{ label: string; timestamp: () => string; body: string }> = fc.oneof(
    fc.constantFrom(...badTimestamps).map((timestamp) => ({
      label: `timestamp ${JSON.stringify(timestamp.slice(0, 60))}`,
      timestamp: () => timestamp,
      body: rawBody('partners', 'p-bad', 'name', 'x'),
    })),
    fc.constantFrom(...badTables).map((table) => ({
      label: `table ${JSON.stringify(table)}`,
      timestamp: freshTimestamp,
      body: rawBody(table, 'p-bad', 'name', 'x'),
    })),
    fc.constantFrom(...badColumns).map((column) => ({
      label: `column ${JSON.stringify(column)}`,
      timestamp: freshTimestamp,
      body: rawBody('partners', 'p-bad', column, 'x'),
    })),
    fc.constantFrom(...badRows).map((row) => ({
      label: `row ${JSON.stringify(row)?.slice(0, 40)}`,
      timestamp: freshTimestamp,
      body: rawBody('partners', row, 'name', 'x'),
    })),
    fc.constantFrom(...badValues).map(([column, value]) => ({
      label: `${column} = ${JSON.stringify(value)?.slice(0, 40)}`,
      timestamp: freshTimestamp,
      body: rawBody('partners', 'p-bad', column, value),
    })),
    fc.constantFrom(...badBodies).map((body) => ({
      label: `body ${body.slice(0, 60)}`,
      timestamp: freshTimestamp,
      body,
    })),
  );

  it(
    'refuses a bundle whose sealed messages open but say something wrong, applying none of it',
    async () => {
      await fc.assert(
        fc.asyncProperty(badMessage, fc.nat(), async ({ label, timestamp, body }, at) => {
          const bytes = withMessages([{ at, message: sealRaw(key, timestamp(), body) }]);
          const error = await expectRefused(bytes, label);
          expect(error.code, label).toBe('invalid_input');
        }),
        { numRuns: runs * 2 },
      );
    },
    30_000 + runs * 2_000,
  );

  it.each(badTimestamps.map((timestamp) => [timestamp.slice(0, 60), timestamp]))(
    'refuses a bundle holding only a message dated %j',
    async (_label, timestamp) => {
      const message = sealRaw(key, timestamp, rawBody('partners', 'p-bad', 'name', 'x'));
      const bytes = encode({ ...goodFile, messages: [message] });
      expect((await expectRefused(bytes, timestamp.slice(0, 60))).code).toBe('invalid_input');
    },
  );

  it('still imports a valid bundle afterwards, and the device can still edit', async () => {
    // One more change so this bundle is new even if a damaged-but-whole copy went in above.
    laptop.ok('partners.create', { initiativeId, partner: { name: 'Late arrival' } });
    const latest = await exportBundle(initiativeId);
    const result = await device.ok<{ added: number; duplicates: number }>('sync.importBundle', importInput(latest));
    expect(result.added).toBeGreaterThan(0);
    expect(changeLogHasGoodBundle()).toBe(true);
    const names = (partners: { name: string; notes: string }[]) =>
      partners.map((partner) => `${partner.name}|${partner.notes}`).sort();
    const onDevice = names(await device.ok('partners.list', { initiativeId }));
    expect(onDevice).toEqual(names(laptop.ok('partners.list', { initiativeId })));
    expect(onDevice).toContain('Transit Authority|Bus passes\nfor youth');
    // The device's clock was never pinned by anything refused above: it still writes.
    await device.ok('partners.create', { initiativeId, partner: { name: 'Written after the fuzz' } });
    // And the import is idempotent.
    const again = await device.ok<{ added: number; duplicates: number }>('sync.importBundle', importInput(latest));
    expect(again.added).toBe(0);
  });
});
