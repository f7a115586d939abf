import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { defaultMaxBytes, isChannel, maxBytesFor } from '../contract/channels';
import { changeEventName } from '../contract/events';
import { fail, type ErrorCode, type Result } from '../contract/result';
import type { LibraryOptions } from '../store/library';
import { HandlerWorker } from '../worker/handler-worker';
import { createRateLimiter, defaultRateLimit, type RateLimit } from './rate-limit';
import { resolveStaticPath, sendFile } from './static-files';
import { chromiumPdfPrinter } from './pdf-printer';
import { hostAllowed, isUsableToken, originAllowed, setSecurityHeaders, tokenMatches } from './security';

export interface HostOptions {
  dataDir: string;
  rendererDir: string;
  resourcesDir: string;
  version: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  nativeBinding?: string;
  /** Requests per client (defaultRateLimit when absent). */
  rateLimit?: RateLimit;
  /** Rolling backups (see resolveBackupPolicy); defaults when absent. */
  backups?: LibraryOptions['backups'];
}

export interface RunningHost {
  url: string;
  /** The address to open in a browser: the token travels in the fragment, never to the server log. */
  openUrl: string;
  token: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

const statusOf: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  unknown_channel: 404,
  db_damaged: 409,
  db_too_new: 409,
  unauthorized: 401,
  forbidden_origin: 403,
  too_large: 413,
  wrong_passphrase: 409,
  sync_unreachable: 502,
  wrong_hub_code: 409,
  enrolment_key_needed: 409,
  enrolment_key_wrong: 409,
  enrolment_key_used: 409,
  sync_id_taken: 409,
  hub_quota_full: 409,
  rate_limited: 429,
  export_failed: 500,
  disk_full: 507,
  internal: 500,
};

function sendResult(response: ServerResponse, result: Result<unknown>): void {
  response.statusCode = result.ok ? 200 : statusOf[result.error.code];
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(result));
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Stop reading but keep the socket open until the 413 answer has gone out.
      request.off('data', onData);
      request.pause();
      reject(new BodyTooLarge());
    };
    request.on('data', onData);
    request.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The browser transport: serves the built renderer and the same channels as Electron IPC, on
 * loopback only, behind a random per-start token.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!isUsableToken(token)) {
    throw new Error('The host token must be 16 to 200 letters, digits, "-" or "_"; leave it unset for a random one.');
  }
  const printer = chromiumPdfPrinter();
  // The library and the handlers run on their own thread; this one only routes (see HandlerWorker).
  const handlers = new HandlerWorker({
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    backups: options.backups,
    resourcesDir: options.resourcesDir,
    version: options.version,
    transport: 'host',
    printPdf: printer.printPdf,
    rendererDir: options.rendererDir,
  });
  try {
    await handlers.start();
  } catch (error) {
    await handlers.close();
    throw error;
  }
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBytes;
  const rendererDir = resolve(options.rendererDir);
  const rateLimiter = createRateLimiter(options.rateLimit ?? defaultRateLimit);
  let port = 0;

  async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (!tokenMatches(request, token))
      return sendResult(response, fail('unauthorized', 'This request lacks the access token.'));
    if (!originAllowed(request, port))
      return sendResult(response, fail('forbidden_origin', 'Requests from other sites are refused.'));
    if (channel === changeEventName && request.method === 'GET') return streamChanges(response);
    if (request.method !== 'POST') {
      response.statusCode = 405;
      response.setHeader('Allow', 'POST');
      return void response.end();
    }
    // File channels (imports) declare a larger limit in the contract; everything else gets the default.
    const limit = isChannel(channel) && maxBytesFor(channel) > defaultMaxBytes ? maxBytesFor(channel) : maxBodyBytes;
    let body: string;
    try {
      body = await readBody(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.setHeader('Connection', 'close');
        response.once('finish', () => request.destroy());
        return sendResult(response, fail('too_large', `Requests are limited to ${limit} bytes.`));
      }
      throw error;
    }
    let input: unknown;
    try {
      input = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendResult(response, fail('invalid_input', 'The request body is not valid JSON.'));
    }
    sendResult(response, await handlers.dispatch(channel, input));
  }

  function streamChanges(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    response.write(': connected\n\n');
    const unsubscribe = handlers.onChanges((notice) => response.write(`data: ${JSON.stringify(notice)}\n\n`));
    const heartbeat = setInterval(() => response.write(': still here\n\n'), 25_000);
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  const server = createServer((request, response) => {
    setSecurityHeaders(response);
    if (!hostAllowed(request, port)) {
      response.statusCode = 421;
      return void response.end('Unknown host');
    }
    const rate = rateLimiter.take(request.socket.remoteAddress ?? 'unknown');
    if (!rate.allowed) {
      response.setHeader('Retry-After', String(rate.retryAfterSeconds));
      return sendResult(response, fail('rate_limited', 'Too many requests at once; wait a moment and try again.'));
    }
    const path = (request.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) {
      handleApi(request, response, path.slice('/api/'.length)).catch((error: unknown) => {
        console.error('[common-ground host]', error);
        if (!response.headersSent) sendResult(response, fail('internal', 'The host could not answer this request.'));
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.statusCode = 405;
      return void response.end();
    }
    const file = resolveStaticPath(rendererDir, path);
    if (!file) {
      response.statusCode = 404;
      return void response.end('Not found');
    }
    sendFile(response, file, request.method === 'HEAD');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    openUrl: `${url}/#token=${token}`,
    token,
    port,
    dataDir: options.dataDir,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => {
          void handlers
            .close()
            .then(() => printer.close())
            .finally(resolveClose);
        });
      }),
  };
}
