import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { openSqliteHubStore } from '../../../src-main/hub/hub-store';
import { createHubServer } from '../../../src-main/hub/server';
import { open, seal, syncKeyFromBytes } from '../../../src-main/sync/crypto';
import { HubPeer } from '../../../src-main/sync/hub-client';
import { decodeLanCode, lanHubUrl } from '../../../src-main/sync/lan-code';
import { LanHub, lanAddresses, lanAddressesEnv, qrOf } from '../../../src-main/sync/lan-hub';
import { makeTempDir } from '../../fixtures/temp-dir';

const syncId = '0190b2a4-1111-7000-8000-00000000abcd';
const key = syncKeyFromBytes(syncId, Buffer.alloc(32, 9));
const hubKey = 'a1b2c3d4e5f60718';

async function put(url: string, headers: Record<string, string>): Promise<{ status: number; error?: string }> {
  const response = await fetch(`${url}/v1/initiatives/${syncId}`, { method: 'PUT', headers });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, error: body.error };
}

async function refusedCode(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error('expected a refusal');
}

describe('a hub with a hub key', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    temp = makeTempDir('cg-hubkey-');
    server = createHubServer({ store: openSqliteHubStore(join(temp.dir, 'hub.sqlite')), hubKey });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    temp.cleanup();
  });

  it('answers /health to anyone', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('refuses every route without the key or with a wrong one, whatever the token', async () => {
    const bearer = { Authorization: `Bearer ${key.accessToken}` };
    expect(await put(url, bearer)).toEqual({ status: 401, error: expect.stringContaining('none was sent') });
    expect(await put(url, { ...bearer, 'X-Hub-Key': 'a1b2c3d4e5f60719' })).toEqual({
      status: 401,
      error: expect.stringContaining('does not match'),
    });
    expect(await put(url, { ...bearer, 'X-Hub-Key': `${hubKey}00` })).toMatchObject({ status: 401 });
    expect(await put(url, { ...bearer, 'X-Hub-Key': hubKey.toUpperCase() })).toMatchObject({ status: 401 });
    const merkle = await fetch(`${url}/v1/initiatives/${syncId}/merkle`, { headers: bearer });
    expect(merkle.status).toBe(401);
    const posted = await fetch(`${url}/v1/initiatives/${syncId}/messages`, {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [] }),
    });
    expect(posted.status).toBe(401);
    const unknownRoute = await fetch(`${url}/v1/anything`);
    expect(unknownRoute.status).toBe(401);
  });

  it('with the right key, still needs the initiative token', async () => {
    expect(await put(url, { Authorization: `Bearer ${key.accessToken}`, 'X-Hub-Key': hubKey })).toEqual({
      status: 201,
      error: undefined,
    });
    const other = syncKeyFromBytes(syncId, Buffer.alloc(32, 4));
    expect(await put(url, { Authorization: `Bearer ${other.accessToken}`, 'X-Hub-Key': hubKey })).toMatchObject({
      status: 403,
    });
  });

  it('HubPeer sends the key it is given and says plainly when it is refused', async () => {
    await new HubPeer(url, key, fetch, hubKey).register();
    expect(await new HubPeer(url, key, fetch, hubKey).merkle()).toEqual({});
    expect(await refusedCode(new HubPeer(url, key, fetch).register())).toBe('wrong_hub_code');
    expect(await refusedCode(new HubPeer(url, key, fetch, 'ffffffffffffffff').register())).toBe('wrong_hub_code');
  });
});

/** Reads the QR path back into pixels (4 per module, white around) and decodes it with jsQR. */
function readQr({ size, path }: { size: number; path: string }): string | undefined {
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}

describe('the QR code of a roundtable code', () => {
  it('decodes back to the code, and is a whole square with a quiet zone', () => {
    const code = 'K8QM-2T9X-7ZK3-M0QA-45RD-GH1W';
    const qr = qrOf(code);
    expect(qr.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    const coordinates = [...qr.path.matchAll(/M(\d+) (\d+)/g)].flatMap(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...coordinates)).toBe(4);
    expect(Math.max(...coordinates)).toBe(qr.size - 5);
    expect(readQr(qr)).toBe(code);
  });
});

describe('the LAN hub service', () => {
  let temp: ReturnType<typeof makeTempDir>;

  beforeAll(() => {
    temp = makeTempDir('cg-lanhub-');
  });
  afterAll(() => temp.cleanup());

  it('lists the addresses chosen by hand, and otherwise no loopback address', () => {
    const before = process.env[lanAddressesEnv];
    try {
      process.env[lanAddressesEnv] = '127.0.0.1, 127.0.0.2';
      expect(lanAddresses()).toEqual(['127.0.0.1', '127.0.0.2']);
      delete process.env[lanAddressesEnv];
      for (const address of lanAddresses()) expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(lanAddresses()).not.toContain('127.0.0.1');
    } finally {
      if (before === undefined) delete process.env[lanAddressesEnv];
      else process.env[lanAddressesEnv] = before;
    }
  });

  it('is off until started, listens only where told, keeps its code across restarts, and stops', async () => {
    const lan = new LanHub({ dataDir: temp.dir, addresses: () => ['127.0.0.1'] });
    expect(lan.status()).toEqual({ running: false, port: null, endpoints: [] });
    expect(lan.peerFor(key)).toBeNull();

    const on = await lan.start();
    expect(on.running).toBe(true);
    expect(on.endpoints).toHaveLength(1);
    const [endpoint] = on.endpoints;
    const hub = decodeLanCode(endpoint.code);
    expect(hub).toMatchObject({ address: '127.0.0.1', port: on.port });
    expect(readQr(endpoint.qr)).toBe(endpoint.code);
    expect(existsSync(join(temp.dir, 'lan-hub', 'hub.sqlite'))).toBe(true);
    expect(JSON.parse(readFileSync(join(temp.dir, 'lan-hub', 'settings.json'), 'utf8'))).toEqual({
      hubKey: hub.hubKey,
      port: on.port,
    });
    // Starting again while on changes nothing.
    expect(await lan.start()).toEqual(on);

    // Reached over HTTP with the code's key; the hosting laptop's own peer shares the same store.
    const remote = new HubPeer(lanHubUrl(hub), key, fetch, hub.hubKey);
    await remote.register();
    const own = lan.peerFor(key)!;
    expect(await own.merkle()).toEqual({});
    expect(await refusedCode(lan.peerFor(syncKeyFromBytes(syncId, Buffer.alloc(32, 1)))!.merkle())).toBe(
      'wrong_passphrase',
    );

    expect(lan.stop()).toEqual({ running: false, port: null, endpoints: [] });
    expect(await refusedCode(remote.merkle())).toBe('sync_unreachable');
    expect(await refusedCode(own.merkle())).toBe('sync_unreachable');
    expect(lan.stop()).toMatchObject({ running: false });
    await lan.whenStopped();

    // A new start (or a new app run) is off until asked, then comes back with the same code.
    const again = new LanHub({ dataDir: temp.dir, addresses: () => ['127.0.0.1'] });
    expect(again.status().running).toBe(false);
    const back = await again.start();
    expect(back.endpoints[0].code).toBe(endpoint.code);
    again.stop();
    await again.whenStopped();
  });

  it('blanks erased words in its own file when the hosting laptop asks, keeping its trie', async () => {
    const lan = new LanHub({ dataDir: temp.dir, addresses: () => ['127.0.0.1'] });
    await lan.start();
    try {
      const own = lan.peerFor(key)!;
      const timestamp = '2026-11-23T09:00:00.000Z-0000-00000000000000aa';
      const words = { timestamp, table: 'voice_notes', row: 'n1', column: 'text', value: 'said in the room' };
      await own.push([seal(key, words)]);
      const trie = await own.merkle();
      expect(await own.erase([seal(key, { ...words, value: null })])).toEqual({ erased: 1 });
      const { messages } = await own.pull('', 10);
      expect(messages.map((message) => open(key, message).value)).toEqual([null]);
      expect(await own.merkle()).toEqual(trie);
    } finally {
      lan.stop();
      await lan.whenStopped();
    }
  });

  it('stays off when stopped while it was still starting', async () => {
    const lan = new LanHub({ dataDir: temp.dir, addresses: () => ['127.0.0.1'] });
    const starting = lan.start();
    expect(lan.stop().running).toBe(false);
    expect((await starting).running).toBe(false);
    await lan.whenStopped();
    expect(lan.status().running).toBe(false);
    expect(lan.peerFor(key)).toBeNull();
  });

  it('says plainly when this laptop is on no network', async () => {
    const lan = new LanHub({ dataDir: temp.dir, addresses: () => [] });
    expect(await refusedCode(lan.start())).toBe('sync_unreachable');
    expect(lan.status().running).toBe(false);
  });
});
