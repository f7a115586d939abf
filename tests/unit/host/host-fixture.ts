import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type ClientRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { startHost, type HostOptions, type RunningHost } from '../../../src-main/host/server';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';

export const resourcesDir = join(import.meta.dirname, '..', '..', '..', 'resources');
export const indexHtml = '<!doctype html><title>Common Ground test renderer</title><div id="root">INDEX-MARKER</div>';
export const appJs = 'console.log("APP-JS-MARKER");';
/** Content of files just outside the renderer folder: no response may ever carry it. */
export const outsideSecret = 'OUTSIDE-SECRET-6f1c2b';

export interface HostFixture {
  root: string;
  dataDir: string;
  rendererDir: string;
  host: RunningHost;
  /**
   * A second library over the host's data folder, for a test to seed or look into the files: the
   * host's own library lives on its handler thread. Same device id (device.json), no backups.
   */
  readonly library: InitiativeLibrary;
  /** Starts another host over the same folders (after the first is closed). */
  restart(): Promise<RunningHost>;
  cleanup(): Promise<void>;
}

/** A temp folder holding a data dir, a tiny renderer build, and secrets beside (outside) it. */
export async function startHostFixture(options: Partial<HostOptions> = {}): Promise<HostFixture> {
  const temp = makeTempDir('common-ground-host-');
  const dataDir = join(temp.dir, 'data');
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), indexHtml);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), appJs);
  writeFileSync(join(temp.dir, 'package.json'), JSON.stringify({ secret: outsideSecret }));
  writeFileSync(join(temp.dir, 'secret.txt'), outsideSecret);
  const start = () => startHost({ dataDir, rendererDir, resourcesDir, version: '0.0.0-test', ...options });
  const running: RunningHost[] = [await start()];
  let library: InitiativeLibrary | undefined;
  return {
    root: temp.dir,
    dataDir,
    rendererDir,
    host: running[0],
    get library() {
      library ??= new InitiativeLibrary(dataDir, { backups: false, integrityChecks: false });
      return library;
    },
    async restart() {
      const next = await start();
      running.push(next);
      return next;
    },
    async cleanup() {
      library?.close();
      for (const host of running) await host.close();
      temp.cleanup();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A request sent exactly as written (path, Host and Origin included), which fetch would normalise
 * or refuse to send. `send` writes the body; by default the request is ended empty.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: OutgoingHttpHeaders },
  send: (request: ClientRequest) => void = (req) => req.end(),
): Promise<RawResponse> {
  return new Promise((resolveResponse, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveResponse({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    send(req);
  });
}

export async function postJson(
  host: RunningHost,
  channel: string,
  input: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}
