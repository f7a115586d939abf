import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseHlc } from '../sync/hlc';
import type { SealedMessage } from '../sync/crypto';
import { clientAddress, trustedProxyList, type TrustedProxies } from './client-address';
import { canonicalEnrolmentKey, defaultQuotaBytes, enrolmentKeyHash, enrolmentKeyHeader } from './enrolment';
import { QuotaFullError, type HubStore } from './hub-store';

/**
 * The sync hub's HTTP API. Every initiative route needs `Authorization: Bearer <token>`; the first
 * PUT of a sync id registers it with that token, later requests must present the same token.
 * Registering needs an enrolment key from the hub's operator (`X-Enrolment-Key`, see enrolment.ts):
 * sync ids are shown on screens and copied around, so without it anyone who saw one could claim
 * it first, and anyone at all could store data here. Each initiative has a storage quota. The hub
 * checks shapes and sizes, stores sealed payloads as they come and answers from its trie; it
 * cannot read what it stores.
 *
 * A hub given a hub key (see HubOptions.hubKey) needs `X-Hub-Key` on every route but /health, and
 * that key admits registering too: the roundtable code that carries it is the room's enrolment.
 *
 * Refusals are `{ error, code? }`; `code` names the refusals the app words for people:
 * enrolment_key_needed (401), enrolment_key_wrong and enrolment_key_used (403), sync_id_taken
 * (409, a PUT with an enrolment key for an id held under another token), quota_full (507).
 *
 *   GET  /health
 *   PUT  /v1/initiatives/:syncId                   register (idempotent for the same token)
 *   GET  /v1/initiatives/:syncId/merkle            { nodes }
 *   GET  /v1/initiatives/:syncId/messages?after=&limit=   { messages, more }
 *   POST /v1/initiatives/:syncId/messages          { messages } -> { added }
 *   POST /v1/initiatives/:syncId/erase             { messages } -> { erased }: replaces the payloads
 *        of messages already held (same timestamps, so the trie is unchanged); see HubStore.erase
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
  /** Storage per initiative, in bytes, unless its enrolment key set its own. */
  quotaBytes?: number;
}

export const hubKeyHeader = 'x-hub-key';

export const maxPageSize = 5000;
const maxPayloadChars = 200_000;
const syncIdPattern = /^[A-Za-z0-9-]{8,64}$/;

class HubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A stable name for the refusals a client words for people; see the API comment above. */
    readonly code?: string,
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
  const quotaBytes = options.quotaBytes ?? defaultQuotaBytes;
  const proxies = options.trustedProxies?.addresses.length ? trustedProxyList(options.trustedProxies.addresses) : null;

  async function authorised(request: IncomingMessage, syncId: string): Promise<void> {
    const token = bearer(request);
    const stored = await store.tokenHash(syncId);
    if (stored === undefined) throw new HubError(404, 'no initiative with that sync id on this hub');
    if (!sameHash(stored, hashToken(token))) throw new HubError(403, 'access token does not match');
  }

  /** Registers the sync id, or checks the token of one already held; true when it was new. */
  async function register(request: IncomingMessage, syncId: string): Promise<boolean> {
    const token = hashToken(bearer(request));
    const presented = request.headers[enrolmentKeyHeader];
    const held = await store.tokenHash(syncId);
    if (held !== undefined) {
      if (sameHash(held, token)) return false;
      // Someone enrolling a new initiative under an id that is held: say so, not "wrong passphrase".
      if (typeof presented === 'string' && presented !== '') {
        throw new HubError(409, 'that sync id is already registered on this hub', 'sync_id_taken');
      }
      throw new HubError(403, 'access token does not match');
    }
    if (options.hubKey !== undefined) {
      if (await store.register(syncId, token)) return true;
      await authorised(request, syncId);
      return false;
    }
    if (typeof presented !== 'string' || presented.trim() === '') {
      throw new HubError(401, 'registering a new initiative needs an enrolment key', 'enrolment_key_needed');
    }
    const canonical = canonicalEnrolmentKey(presented);
    const outcome = canonical ? await store.enrol(syncId, token, enrolmentKeyHash(canonical)) : 'unknown_key';
    if (outcome === 'unknown_key')
      throw new HubError(403, 'this hub did not issue that enrolment key', 'enrolment_key_wrong');
    if (outcome === 'key_used_up') {
      throw new HubError(403, 'that enrolment key has registered all the initiatives it may', 'enrolment_key_used');
    }
    if (outcome === 'created') return true;
    // Registered a moment ago by another request: the token decides, as for any held id.
    await authorised(request, syncId);
    return false;
  }

  async function insert(syncId: string, messages: SealedMessage[]): Promise<number> {
    try {
      return await store.insert(syncId, messages, quotaBytes);
    } catch (error) {
      if (!(error instanceof QuotaFullError)) throw error;
      throw new HubError(
        507,
        `this initiative's storage on the hub is full (${error.usedBytes} of ${error.quotaBytes} bytes used)`,
        'quota_full',
      );
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://hub');
    if (url.pathname === '/health' && request.method === 'GET') {
      send(response, 200, { ok: true, store: store.kind });
      return;
    }
    if (options.hubKey !== undefined) checkHubKey(request, options.hubKey);
    const match = /^\/v1\/initiatives\/([^/]+)(\/merkle|\/messages|\/erase)?$/.exec(url.pathname);
    if (!match) throw new HubError(404, 'no such route');
    const syncId = decodeURIComponent(match[1]);
    if (!syncIdPattern.test(syncId)) throw new HubError(400, 'bad sync id');
    const part = match[2] ?? '';
    if (part === '' && request.method === 'PUT') {
      const created = await register(request, syncId);
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
      send(response, 200, { added: await insert(syncId, messages) });
      return;
    }
    if (part === '/erase' && request.method === 'POST') {
      // The same token as a push: only a holder of the team's key can ask. Such a device could
      // already outvote any value with a newer message; this lets it blank an old one in place.
      await authorised(request, syncId);
      const messages = sealedMessages(await readBody(request, maxBodyBytes));
      send(response, 200, { erased: await store.erase(syncId, messages) });
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
      if (error instanceof HubError) {
        send(
          response,
          error.status,
          error.code ? { error: error.message, code: error.code } : { error: error.message },
        );
      } else {
        console.error('hub error', error);
        send(response, 500, { error: 'internal error' });
      }
      if (!request.complete) request.resume();
    });
  });
}
