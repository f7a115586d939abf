import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openSqliteHubStore, type HubStore } from './hub-store';
import { openPostgresHubStore } from './hub-store-pg';
import { createHubServer } from './server';

/**
 * npm run hub. Settings from the environment:
 *   HUB_PORT (8787), HUB_HOST (127.0.0.1; 0.0.0.0 behind a TLS proxy on a server),
 *   DATABASE_URL (PostgreSQL; otherwise SQLite at HUB_DB, default ./hub-data/hub.sqlite),
 *   HUB_MAX_BODY_BYTES (8 MiB), HUB_REQUESTS_PER_MINUTE (600 per client address),
 *   HUB_TRUSTED_PROXIES (comma-separated addresses or ranges of the reverse proxies in front of the
 *   hub; only their X-Forwarded-For is believed, or their Forwarded header with
 *   HUB_FORWARDED_HEADER=forwarded; unset, forwarded headers are ignored).
 * Prints one JSON line with the address it listens on, for people and for tests.
 */
function forwardedHeader(name: string | undefined): 'x-forwarded-for' | 'forwarded' {
  const chosen = (name ?? 'x-forwarded-for').toLowerCase();
  if (chosen !== 'x-forwarded-for' && chosen !== 'forwarded') {
    throw new Error(`HUB_FORWARDED_HEADER must be x-forwarded-for or forwarded, not ${name}`);
  }
  return chosen;
}

async function main(): Promise<void> {
  const env = process.env;
  let store: HubStore;
  if (env.DATABASE_URL) {
    store = await openPostgresHubStore(env.DATABASE_URL);
  } else {
    const path = resolve(env.HUB_DB ?? 'hub-data/hub.sqlite');
    mkdirSync(dirname(path), { recursive: true });
    store = openSqliteHubStore(path);
  }
  const server = createHubServer({
    store,
    maxBodyBytes: Number(env.HUB_MAX_BODY_BYTES ?? 8 * 1024 * 1024),
    requestsPerMinute: Number(env.HUB_REQUESTS_PER_MINUTE ?? 600),
    trustedProxies: {
      addresses: (env.HUB_TRUSTED_PROXIES ?? '').split(','),
      header: forwardedHeader(env.HUB_FORWARDED_HEADER),
    },
  });
  const host = env.HUB_HOST ?? '127.0.0.1';
  server.listen(Number(env.HUB_PORT ?? 8787), host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    console.log(JSON.stringify({ hub: `http://${host}:${port}`, store: store.kind }));
  });
  const stop = () => {
    server.close(() => void store.close().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
