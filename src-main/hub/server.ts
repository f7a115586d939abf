import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseHlc } from '../sync/hlc';
import type { SealedMessage } from '../sync/crypto';
import { clientAddress, trustedProxyList, type TrustedProxies } from './client-address';
import type { HubStore } from './hub-store';

/**
 * The sync hub's HTTP API. Every initiative route needs `Authorization: Bearer <token>`; the first
 * PUT of a sync id registers it with that token (ids are random UUIDs, so there is nothing to
 * claim), later requests must present the same token. The hub checks shapes and sizes, stores
 * sealed payloads as they come and answers from its trie; it cannot read what it stores.
 *
 * A hub given a hub key (see HubOptions.hubKey) also needs `X-Hub-Key` on every route but /health.
 *
 *   GET  /health
 *   PUT  /v1/initiatives/:syncId                   register (idempotent for the same token)
 *   GET  /v1/initiatives/:syncId/merkle            { nodes }
 *   GET  /v1/initiatives/:syncId/messages?after=&limit=   { messages, more }
 *   POST /v1/initiatives/:syncId/messages          { messages } -> { added }
 */
export interface HubOptions {
  store: HubStore;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Requests per client address per minute. */
  requestsPerMinute?: number;
  /**
   * The reverse proxies in front of the hub, whose forwarded header names the client. Without
   * them, forwarded headers are ignored and each socket address is one client.
   */
  trustedProxies?: TrustedProxies;
  now?: () => number;
  /**
   * A key for the whole hub (the roundtable hub a laptop hosts on its LAN): when set, every route
   * but /health needs it in the X-Hub-Key header, before any initiative token is looked at.
   */
  hubKey?: string;
}

export const hubKeyHeader = 'x-hub-key';

export const maxPageSize = 5000;
const maxPayloadChars = 200_000;
const syncIdPattern = /^[A-Za-z0-9-]{8,64}$/;

class HubError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function readBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(new HubError(413, `request body over ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HubError(413, `request body over ${limit} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HubError(400, 'request body is not JSON'));
      }
    });
    request.on('error', reject);
  });
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function bearer(request: IncomingMessage): string {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,256})$/.exec(header);
  if (!match) throw new HubError(401, 'missing or malformed access token');
  return match[1];
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Compared as hashes, so neither the length nor the content of the key leaks through timing. */
function checkHubKey(request: IncomingMessage, hubKey: string): void {
  const presented = request.headers[hubKeyHeader];
  if (typeof presented !== 'string' || presented === '') {
    throw new HubError(401, 'this hub needs its hub key (the roundtable code); none was sent');
  }
  if (!sameHash(hashToken(presented), hashToken(hubKey))) {
    throw new HubError(401, 'the hub key does not match this hub (check the roundtable code)');
  }
}

function sealedMessages(body: unknown): SealedMessage[] {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages) || messages.length > maxPageSize) {
    throw new HubError(400, `expected { messages: [...] } with at most ${maxPageSize} messages`);
  }
  return messages.map((message: unknown, index) => {
    const { timestamp, payload } = (message ?? {}) as Record<string, unknown>;
    if (typeof timestamp !== 'string' || !parseHlc(timestamp))
      throw new HubError(400, `message ${index}: bad timestamp`);
    if (typeof payload !== 'string' || payload.length > maxPayloadChars || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) {
      throw new HubError(400, `message ${index}: bad payload`);
    }
    return { timestamp, payload };
  });
}

/** A fixed window per client address: simple, and enough to stop a runaway client or a scan. */
function rateLimiter(perMinute: number, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (address: string): boolean => {
    const at = now();
    const window = windows.get(address);
    if (!window || at - window.start >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      windows.set(address, { start: at, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= perMinute;
  };
}

export function createHubServer(options: HubOptions): Server {
  const { store } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const allow = rateLimiter(options.requestsPerMinute ?? 600, options.now ?? Date.now);
  const proxies = options.trustedProxies?.addresses.length ? trustedProxyList(options.trustedProxies.addresses) : null;

  async function authorised(request: IncomingMessage, syncId: string): Promise<void> {
    const token = bearer(request);
    const stored = await store.tokenHash(syncId);
    if (stored === undefined) throw new HubError(404, 'no initiative with that sync id on this hub');
    if (!sameHash(stored, hashToken(token))) throw new HubError(403, 'access token does not match');
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://hub');
    if (url.pathname === '/health' && request.method === 'GET') {
      send(response, 200, { ok: true, store: store.kind });
      return;
    }
    if (options.hubKey !== undefined) checkHubKey(request, options.hubKey);
    const match = /^\/v1\/initiatives\/([^/]+)(\/merkle|\/messages)?$/.exec(url.pathname);
    if (!match) throw new HubError(404, 'no such route');
    const syncId = decodeURIComponent(match[1]);
    if (!syncIdPattern.test(syncId)) throw new HubError(400, 'bad sync id');
    const part = match[2] ?? '';
    if (part === '' && request.method === 'PUT') {
      const token = bearer(request);
      const created = await store.register(syncId, hashToken(token));
      if (!created) await authorised(request, syncId);
      send(response, created ? 201 : 200, { created });
      return;
    }
    if (part === '/merkle' && request.method === 'GET') {
      await authorised(request, syncId);
      send(response, 200, { nodes: await store.merkle(syncId) });
      return;
    }
    if (part === '/messages' && request.method === 'GET') {
      await authorised(request, syncId);
      const after = url.searchParams.get('after') ?? '';
      const limit = Math.min(Number(url.searchParams.get('limit') ?? maxPageSize) || maxPageSize, maxPageSize);
      if (after.length > 64) throw new HubError(400, 'bad cursor');
      send(response, 200, await store.after(syncId, after, Math.max(1, limit)));
      return;
    }
    if (part === '/messages' && request.method === 'POST') {
      await authorised(request, syncId);
      const messages = sealedMessages(await readBody(request, maxBodyBytes));
      send(response, 200, { added: await store.insert(syncId, messages) });
      return;
    }
    throw new HubError(405, 'method not allowed');
  }

  return createServer((request, response) => {
    if (!allow(clientAddress(request, proxies, options.trustedProxies?.header))) {
      response.setHeader('Retry-After', '60');
      send(response, 429, { error: 'too many requests; wait a minute' });
      request.resume();
      return;
    }
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof HubError) send(response, error.status, { error: error.message });
      else {
        console.error('hub error', error);
        send(response, 500, { error: 'internal error' });
      }
      if (!request.complete) request.resume();
    });
  });
}
