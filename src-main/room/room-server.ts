import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Locale } from '../contract/models';
import { AppError } from '../contract/result';
import { createRateLimiter, type RateLimit } from '../host/rate-limit';
import { closeServer, listenOn } from '../host/listening';
import { contentTypeOf } from '../host/static-files';
import { lanAddresses } from '../sync/lan-hub';
import { parseOrRefuse, PhoneAnswer, PhoneCheckIn, phoneId, RoomRefusal } from './answers';
import type { PhoneFiles } from './phone-files';
import { normaliseCode, type Room } from './room';

/**
 * The participant page's server: its own small HTTP server, on the laptop's LAN addresses only,
 * with its own port. It knows a Room (the code, the prompt, the answers held in memory) and a few
 * static files, and nothing else: it has no handle on the app's handlers, store or host, so no
 * channel of the app's contract can be reached through it.
 */

/** Nothing a phone sends is larger than an idea of 500 characters, in JSON. */
export const maxRoomBodyBytes = 4096;

export interface RoomLimits {
  /** Requests per phone address. A phone polls every two seconds and answers now and then. */
  perAddress: RateLimit;
  /** Requests from everyone together, so a flood cannot starve the laptop during a meeting. */
  total: RateLimit;
  /** Wrong codes per address: guessing a code of six characters takes years at this rate. */
  wrongCode: RateLimit;
}

export const defaultRoomLimits: RoomLimits = {
  perAddress: { burst: 30, perSecond: 10 },
  total: { burst: 600, perSecond: 300 },
  wrongCode: { burst: 10, perSecond: 0.2 },
};

/** No script, style or picture from anywhere but this server; no frames, no forms posting away. */
export const roomContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function setHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', roomContentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  response.setHeader('Cache-Control', 'no-store');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, refusal: RoomRefusal): void {
  sendJson(response, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } });
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > maxRoomBodyBytes)
      return reject(new RoomRefusal(413, 'too_large', `An answer is at most ${maxRoomBodyBytes} bytes.`));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRoomBodyBytes) return void chunks.push(chunk);
      request.off('data', onData);
      request.pause();
      reject(new RoomRefusal(413, 'too_large', `An answer is at most ${maxRoomBodyBytes} bytes.`));
    };
    request.on('data', onData);
    request.on('error', reject);
    request.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(JSON.parse(text) as unknown);
      } catch {
        reject(new RoomRefusal(400, 'invalid_input', 'The answer is not valid JSON.'));
      }
    });
  });
}

function codeMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given.length > 32) return false;
  const a = Buffer.from(normaliseCode(given));
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface RoomServerOptions {
  room: Room;
  files: PhoneFiles;
  /** The addresses to listen on; lanAddresses() when absent (COMMON_GROUND_LAN_ADDRESSES in tests). */
  addresses?: () => string[];
  limits?: RoomLimits;
}

export interface RunningRoomServer {
  port: number;
  addresses: string[];
  close(): Promise<void>;
}

export async function startRoomServer(options: RoomServerOptions): Promise<RunningRoomServer> {
  const { room, files } = options;
  const limits = options.limits ?? defaultRoomLimits;
  const addresses = (options.addresses ?? lanAddresses)();
  if (addresses.length === 0)
    throw new AppError(
      'sync_unreachable',
      'This laptop is not on a network: join the room’s wifi (or turn on a hotspot) first.',
    );
  const perAddress = createRateLimiter(limits.perAddress);
  const total = createRateLimiter(limits.total);
  const wrongCode = createRateLimiter(limits.wrongCode);
  let port = 0;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    // A name other than the address the phone was given is DNS rebinding or a mistake.
    if (!addresses.some((address) => host === `${address}:${port}`))
      throw new RoomRefusal(421, 'wrong_host', 'This server answers only at its own address.');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`)
      throw new RoomRefusal(403, 'forbidden_origin', 'Requests from other pages are refused.');
    const client = request.socket.remoteAddress ?? 'unknown';
    // A phone over its own limit is turned away before it spends any of the room's shared budget.
    for (const limiter of [perAddress, total]) {
      const decision = limiter.take(limiter === total ? 'all' : client);
      if (!decision.allowed) {
        response.setHeader('Retry-After', String(decision.retryAfterSeconds));
        throw new RoomRefusal(429, 'rate_limited', 'Too many requests; wait a moment and try again.');
      }
    }
    const url = new URL(request.url ?? '/', 'http://room.invalid');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    const expect = (wanted: 'GET' | 'POST') => {
      if (method !== wanted && !(wanted === 'GET' && method === 'HEAD')) {
        response.setHeader('Allow', wanted);
        throw new RoomRefusal(405, 'wrong_method', `Use ${wanted} here.`);
      }
    };

    // The page, its own files and its words hold nothing of the initiative: served before the code is typed.
    if (path === '/' || path === '/index.html') {
      expect('GET');
      if (!files.page) throw new RoomRefusal(503, 'not_built', 'The phone page has not been built on this laptop.');
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      return void response.end(method === 'HEAD' ? undefined : files.page);
    }
    const asset = files.assets.get(path);
    if (asset) {
      expect('GET');
      const content = await readFile(asset);
      response.setHeader('Content-Type', contentTypeOf(asset));
      return void response.end(method === 'HEAD' ? undefined : content);
    }
    const strings = /^\/strings\/([a-z]{2})$/.exec(path);
    if (strings) {
      expect('GET');
      const text = files.strings(strings[1]);
      if (text === null) throw new RoomRefusal(404, 'not_found', 'There is no such language here.');
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      return void response.end(text);
    }
    if (!path.startsWith('/r/')) throw new RoomRefusal(404, 'not_found', 'There is nothing here.');

    // Everything about the meeting needs this session's code, on every request.
    if (!codeMatches(request.headers['x-room-code'], room.code)) {
      const decision = wrongCode.take(client);
      if (!decision.allowed) {
        response.setHeader('Retry-After', String(decision.retryAfterSeconds));
        throw new RoomRefusal(429, 'rate_limited', 'Too many wrong codes; wait a minute and try again.');
      }
      throw new RoomRefusal(401, 'wrong_code', 'That code is not this meeting’s. Check it on the screen.');
    }
    switch (path) {
      case '/r/names':
        expect('GET');
        return sendJson(response, 200, { ok: true, value: { names: room.checkInNames() } });
      case '/r/state': {
        expect('GET');
        const phone = parseOrRefuse(phoneId, url.searchParams.get('phone'));
        // The phone's language picks the texts of a readiness round's items; English otherwise.
        const language = Locale.catch('en').parse(url.searchParams.get('lang'));
        return sendJson(response, 200, { ok: true, value: room.phoneView(phone, language) });
      }
      case '/r/check-in': {
        expect('POST');
        const body = parseOrRefuse(PhoneCheckIn, await readJson(request));
        const name = room.checkIn(body.phoneId, body.nameId);
        return sendJson(response, 200, { ok: true, value: { name: name?.name ?? null } });
      }
      case '/r/answer': {
        expect('POST');
        const body = parseOrRefuse(PhoneAnswer, await readJson(request));
        return sendJson(response, 200, { ok: true, value: room.answer(body) });
      }
      default:
        throw new RoomRefusal(404, 'not_found', 'There is nothing here.');
    }
  }

  function readJson(request: IncomingMessage): Promise<unknown> {
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? ''))
      return Promise.reject(new RoomRefusal(415, 'wrong_type', 'Send the answer as JSON.'));
    return readBody(request);
  }

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    setHeaders(response);
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof RoomRefusal) {
        if (error.status === 413) {
          response.setHeader('Connection', 'close');
          response.once('finish', () => request.destroy());
        }
        return refuse(response, error);
      }
      console.error('[common-ground room]', error);
      refuse(response, new RoomRefusal(500, 'internal', 'Something went wrong on the laptop; try again.'));
    });
  };

  const servers: Server[] = [];
  try {
    for (const address of addresses) {
      const server = createServer(handle);
      // Slow or idle phones do not hold sockets open for long.
      server.requestTimeout = 10_000;
      server.headersTimeout = 5_000;
      server.keepAliveTimeout = 5_000;
      servers.push(server);
      port = await listenOn(server, port, address);
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'sync_unreachable',
      `Room mode could not start on this laptop’s network (${code ?? String(error)}).`,
    );
  }
  return { port, addresses, close: () => Promise.all(servers.map(closeServer)).then(() => undefined) };
}
