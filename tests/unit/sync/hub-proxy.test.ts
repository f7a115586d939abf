import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteHubStore, type HubStore } from '../../../src-main/hub/hub-store';
import { createHubServer, type HubOptions } from '../../../src-main/hub/server';
import { makeTempDir } from '../../fixtures/temp-dir';
import { startHub, type HubProcess } from './hub-process';

/** GET /health from a chosen loopback address (all of 127/8 is this machine), with extra headers. */
function health(url: string, localAddress: string, headers: Record<string, string> = {}): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, localAddress, path: '/health', headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function statuses(url: string, localAddress: string, headers: Record<string, string>[]): Promise<number[]> {
  const answers: number[] = [];
  for (const one of headers) answers.push(await health(url, localAddress, one));
  return answers;
}

const asClients = (...addresses: string[]) => addresses.map((address) => ({ 'X-Forwarded-For': address }));

describe('the hub process behind a reverse proxy (rate limit of 2 a minute)', () => {
  let hub: HubProcess;
  let temp: ReturnType<typeof makeTempDir>;
  afterEach(async () => {
    await hub.stop();
    temp.cleanup();
  });

  function start(env: Record<string, string>): Promise<HubProcess> {
    temp = makeTempDir('cg-hub-proxy-');
    return startHub({
      DATABASE_URL: '',
      HUB_DB: join(temp.dir, 'hub.sqlite'),
      HUB_REQUESTS_PER_MINUTE: '2',
      ...env,
    });
  }

  it('with HUB_TRUSTED_PROXIES, counts each forwarded client on its own', async () => {
    hub = await start({ HUB_TRUSTED_PROXIES: '127.0.0.1' });
    // Six people behind one proxy, two requests each: nobody is refused.
    const six = asClients(
      '198.51.100.1',
      '198.51.100.2',
      '198.51.100.3',
      '198.51.100.4',
      '198.51.100.5',
      '198.51.100.6',
    );
    expect(await statuses(hub.url, '127.0.0.1', [...six, ...six])).toEqual(Array(12).fill(200));
    // One of them past the budget is refused; the others still are not.
    expect(await statuses(hub.url, '127.0.0.1', asClients('198.51.100.1', '198.51.100.2'))).toEqual([429, 429]);
    expect(await statuses(hub.url, '127.0.0.1', asClients('203.0.113.9'))).toEqual([200]);
  });

  it('with HUB_TRUSTED_PROXIES, a client cannot pick a fresh bucket by writing its own X-Forwarded-For', async () => {
    hub = await start({ HUB_TRUSTED_PROXIES: '127.0.0.1' });
    // The proxy appends the real address after whatever the client sent: the real one counts.
    const spoofed = ['1.1.1.1', '2.2.2.2', '3.3.3.3'].map((fake) => ({ 'X-Forwarded-For': `${fake}, 198.51.100.7` }));
    expect(await statuses(hub.url, '127.0.0.1', spoofed)).toEqual([200, 200, 429]);
    // A client reaching the hub directly (not through the proxy) is its own socket address.
    expect(await statuses(hub.url, '127.0.0.2', asClients('4.4.4.4', '5.5.5.5', '6.6.6.6'))).toEqual([200, 200, 429]);
  });

  it('without HUB_TRUSTED_PROXIES, ignores forwarded headers: one address is one client', async () => {
    hub = await start({});
    const forged = [
      ...asClients('198.51.100.1', '198.51.100.2'),
      { Forwarded: 'for=198.51.100.3' },
      ...asClients('198.51.100.4'),
    ];
    expect(await statuses(hub.url, '127.0.0.1', forged)).toEqual([200, 200, 429, 429]);
  });
});

describe('the hub reading a Forwarded header from its proxy', () => {
  let store: HubStore;
  let temp: ReturnType<typeof makeTempDir>;
  let close: () => Promise<void>;
  afterEach(async () => {
    await close();
    await store.close();
    temp.cleanup();
  });

  async function serve(options: Partial<HubOptions>): Promise<string> {
    temp = makeTempDir('cg-hub-forwarded-');
    store = openSqliteHubStore(join(temp.dir, 'hub.sqlite'));
    const server = createHubServer({ store, requestsPerMinute: 1, ...options });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('takes the last untrusted for= of the chain, and ignores X-Forwarded-For then', async () => {
    const url = await serve({ trustedProxies: { addresses: ['127.0.0.0/8', '10.0.0.0/8'], header: 'forwarded' } });
    const answers = await statuses(url, '127.0.0.1', [
      { Forwarded: 'for=192.0.2.60;proto=https, for="10.1.2.3:8080"' },
      { Forwarded: 'for="[2001:db8:cafe::17]:4711"' },
      // Same client as the first, through another proxy hop: its minute is spent.
      { Forwarded: 'for=192.0.2.60' },
      // X-Forwarded-For is not the configured header, so this is the proxy's own bucket.
      { 'X-Forwarded-For': '192.0.2.99' },
      { 'X-Forwarded-For': '192.0.2.98' },
    ]);
    expect(answers).toEqual([200, 200, 429, 200, 429]);
  });

  it('refuses to start with a proxy entry that is not an address or a range', async () => {
    await expect(serve({ trustedProxies: { addresses: ['proxy.example.org'] } })).rejects.toThrow(
      /not a proxy address or range: proxy.example.org/,
    );
    close = () => Promise.resolve();
  });
});
