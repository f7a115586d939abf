import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { AppError } from '../contract/result';
import { defaultQuotaBytes } from '../hub/enrolment';
import { closeServer, listenOn } from '../host/listening';
import { openSqliteHubStore, QuotaFullError, type HubStore } from '../hub/hub-store';
import { createHubServer, hashToken } from '../hub/server';
import type { SyncKey } from './crypto';
import { encodeLanCode, hubKeyBytes } from './lan-code';
import type { SyncPeer } from './replica';

/**
 * The roundtable hub: the sync hub (src-main/hub) run by this laptop for the others in the room,
 * when there is no internet. Off unless the facilitator turns it on, off again on stop and when
 * the app quits, and never started by itself after a restart. While on, it listens only on the
 * laptop's LAN IPv4 addresses (not on loopback, not on IPv6), and every request but /health must
 * carry the hub key from the roundtable code on top of the initiative's own access token. It keeps
 * sealed messages only, in `<dataDir>/lan-hub/hub.sqlite`.
 *
 * The hosting laptop itself syncs with it in process (peerFor), not over the network.
 */

/** Which addresses to offer: COMMON_GROUND_LAN_ADDRESSES (comma separated) picks them by hand. */
export const lanAddressesEnv = 'COMMON_GROUND_LAN_ADDRESSES';

/** The laptop's IPv4 addresses on its networks (not loopback), private ranges first. */
export function lanAddresses(): string[] {
  const chosen = process.env[lanAddressesEnv]?.trim();
  if (chosen) return chosen.split(',').map((address) => address.trim());
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && !entry.address.startsWith('169.254.'))
        found.push(entry.address);
    }
  }
  const isPrivate = (address: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);
  return [...new Set(found)].sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)));
}

export interface LanHubEndpoint {
  address: string;
  code: string;
  /** The code as a QR code: a square of `size` modules, dark ones drawn by an SVG path. */
  qr: { size: number; path: string };
}

export interface LanHubState {
  running: boolean;
  port: number | null;
  /** One per LAN address the hub listens on; the first is the one to offer. */
  endpoints: LanHubEndpoint[];
}

interface Running {
  servers: Server[];
  store: HubStore;
  port: number;
  endpoints: LanHubEndpoint[];
}

interface Saved {
  hubKey: string;
  port: number;
}

/** Quiet zone around a QR code, in modules, as the standard asks. */
const quietZone = 4;

/**
 * The QR code of a text as one SVG path of unit squares (`M x y h1v1h-1z` per dark module), so the
 * renderer can draw it without markup from main, and a test can read it back module by module.
 */
export function qrOf(text: string): LanHubEndpoint['qr'] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(x, y)) parts.push(`M${x + quietZone} ${y + quietZone}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * quietZone, path: parts.join('') };
}

async function shut({ servers, store }: Running): Promise<void> {
  await Promise.all(servers.map(closeServer));
  await store.close();
}

export interface LanHubOptions {
  /** Where lan-hub/ (the hub's SQLite file and its key) lives: the app's data folder. */
  dataDir: string;
  /** The addresses to listen on; lanAddresses() when absent. */
  addresses?: () => string[];
}

export class LanHub {
  private running: Running | null = null;
  private starting: Promise<LanHubState> | null = null;
  /** Bumped by stop(), so a start still under way knows it was called off. */
  private generation = 0;
  /** The last stop's closing of sockets and file; a new start waits for it. */
  private closing: Promise<void> = Promise.resolve();
  private readonly folder: string;

  constructor(private readonly options: LanHubOptions) {
    this.folder = join(options.dataDir, 'lan-hub');
  }

  /**
   * The hub key and port are kept between starts, so the code a room has written down stays good
   * as long as the laptop keeps its address; what is kept is whether the hub is on.
   */
  private saved(): Saved {
    try {
      const saved = JSON.parse(readFileSync(join(this.folder, 'settings.json'), 'utf8')) as Partial<Saved>;
      if (
        typeof saved.hubKey === 'string' &&
        new RegExp(`^[0-9a-f]{${hubKeyBytes * 2}}$`).test(saved.hubKey) &&
        Number.isInteger(saved.port)
      ) {
        return { hubKey: saved.hubKey, port: saved.port! };
      }
    } catch {
      // No settings yet, or unreadable: a new key, and any free port.
    }
    return { hubKey: randomBytes(hubKeyBytes).toString('hex'), port: 0 };
  }

  private save(saved: Saved): void {
    const path = join(this.folder, 'settings.json');
    writeFileSync(`${path}.tmp`, JSON.stringify(saved), { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  }

  status(): LanHubState {
    if (!this.running) return { running: false, port: null, endpoints: [] };
    return { running: true, port: this.running.port, endpoints: this.running.endpoints };
  }

  start(): Promise<LanHubState> {
    if (this.running) return Promise.resolve(this.status());
    this.starting ??= this.open().finally(() => (this.starting = null));
    return this.starting;
  }

  private async open(): Promise<LanHubState> {
    const generation = this.generation;
    await this.closing;
    const addresses = (this.options.addresses ?? lanAddresses)();
    if (addresses.length === 0) {
      throw new AppError(
        'sync_unreachable',
        'This laptop is not on a network: join the room’s wifi (or turn on a hotspot) before hosting a hub.',
      );
    }
    mkdirSync(this.folder, { recursive: true });
    const saved = this.saved();
    const store = openSqliteHubStore(join(this.folder, 'hub.sqlite'));
    const servers: Server[] = [];
    const listenAll = async (port: number): Promise<number> => {
      for (const address of addresses) {
        const server = createHubServer({ store, hubKey: saved.hubKey });
        servers.push(server);
        port = await listenOn(server, port, address);
      }
      return port;
    };
    let port: number;
    try {
      try {
        port = await listenAll(saved.port);
      } catch (error) {
        // The port of last time is taken now: any free one (the code changes with it).
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || saved.port === 0) throw error;
        await Promise.all(servers.splice(0).map(closeServer));
        port = await listenAll(0);
      }
    } catch (error) {
      await Promise.all(servers.map(closeServer));
      await store.close();
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppError(
        'sync_unreachable',
        code === 'EADDRNOTAVAIL'
          ? 'The network address of this laptop changed while the hub was starting; turn it on again.'
          : `The hub could not start on this laptop’s network (${code ?? (error as Error).message}).`,
      );
    }
    this.save({ hubKey: saved.hubKey, port });
    const endpoints = addresses.map((address) => {
      const code = encodeLanCode({ address, port, hubKey: saved.hubKey });
      return { address, code, qr: qrOf(code) };
    });
    const running = { servers, store, port, endpoints };
    // Turned off again while it was starting: it stays off.
    if (generation !== this.generation) this.closing = shut(running);
    else this.running = running;
    return this.status();
  }

  /**
   * Turns the hub off at once: it stops listening and cuts its connections now; its file closes a
   * moment later (whenStopped). A start under way is called off. Safe to call when off.
   */
  stop(): LanHubState {
    this.generation++;
    const running = this.running;
    this.running = null;
    if (running) this.closing = shut(running);
    return this.status();
  }

  /** Resolves once the last stop has closed everything. */
  whenStopped(): Promise<void> {
    return this.closing;
  }

  /**
   * The running hub as a sync peer for this laptop's own copy of an initiative, straight on its
   * store. The first use registers the initiative with its access token, as a PUT would; a hub that
   * holds the initiative under another passphrase refuses, as over HTTP.
   */
  peerFor(key: SyncKey): SyncPeer | null {
    const running = this.running;
    if (!running) return null;
    const { store } = running;
    const tokenHash = hashToken(key.accessToken);
    let registered: Promise<void> | null = null;
    const check = async () => {
      if (this.running !== running) throw new AppError('sync_unreachable', 'The roundtable hub was turned off.');
      registered ??= (async () => {
        if (await store.register(key.syncId, tokenHash)) return;
        if ((await store.tokenHash(key.syncId)) !== tokenHash) {
          throw new AppError(
            'wrong_passphrase',
            'The hub on this laptop already holds this initiative under another passphrase. Nothing was changed.',
          );
        }
      })();
      await registered;
    };
    return {
      async merkle() {
        await check();
        return store.merkle(key.syncId);
      },
      async pull(after, limit) {
        await check();
        return store.after(key.syncId, after, limit);
      },
      async push(messages) {
        await check();
        try {
          return { added: await store.insert(key.syncId, messages, defaultQuotaBytes) };
        } catch (error) {
          if (!(error instanceof QuotaFullError)) throw error;
          throw new AppError('hub_quota_full', 'The hub on this laptop has no more room for this initiative.');
        }
      },
      async erase(messages) {
        await check();
        return { erased: await store.erase(key.syncId, messages) };
      },
    };
  }
}
