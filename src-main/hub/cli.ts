import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultQuotaBytes, issueEnrolmentKey } from './enrolment';
import { openSqliteHubStore, type HubStore } from './hub-store';
import { openPostgresHubStore } from './hub-store-pg';
import { createHubServer } from './server';

/**
 * npm run hub: runs the hub. Settings from the environment:
 *   HUB_PORT (8787), HUB_HOST (127.0.0.1; 0.0.0.0 behind a TLS proxy on a server),
 *   DATABASE_URL (PostgreSQL; otherwise SQLite at HUB_DB, default ./hub-data/hub.sqlite),
 *   HUB_MAX_BODY_BYTES (8 MiB), HUB_REQUESTS_PER_MINUTE (600 per client address),
 *   HUB_QUOTA_MB (512: storage per initiative, unless its enrolment key says otherwise),
 *   HUB_TRUSTED_PROXIES (comma-separated addresses or ranges of the reverse proxies in front of the
 *   hub; only their X-Forwarded-For is believed, or their Forwarded header with
 *   HUB_FORWARDED_HEADER=forwarded; unset, forwarded headers are ignored).
 * Prints one JSON line with the address it listens on, for people and for tests.
 *
 * npm run hub -- enrol [--label "Eastside team"] [--initiatives 1] [--quota-mb 512]: issues an
 * enrolment key for the same store and prints it (once; the hub keeps only its hash).
 * npm run hub -- keys: lists the keys issued, with what each may still register.
 */
function forwardedHeader(name: string | undefined): 'x-forwarded-for' | 'forwarded' {
  const chosen = (name ?? 'x-forwarded-for').toLowerCase();
  if (chosen !== 'x-forwarded-for' && chosen !== 'forwarded') {
    throw new Error(`HUB_FORWARDED_HEADER must be x-forwarded-for or forwarded, not ${name}`);
  }
  return chosen;
}

const megabytes = (text: string, name: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a number of megabytes above 0`);
  return Math.round(value * 1024 * 1024);
};

async function openStore(env: NodeJS.ProcessEnv): Promise<HubStore> {
  if (env.DATABASE_URL) return openPostgresHubStore(env.DATABASE_URL);
  const path = resolve(env.HUB_DB ?? 'hub-data/hub.sqlite');
  mkdirSync(dirname(path), { recursive: true });
  return openSqliteHubStore(path);
}

async function enrol(store: HubStore, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      label: { type: 'string', default: '' },
      initiatives: { type: 'string', default: '1' },
      'quota-mb': { type: 'string' },
    },
  });
  const initiatives = Number(values.initiatives);
  if (!Number.isInteger(initiatives) || initiatives < 1)
    throw new Error('--initiatives must be a whole number above 0');
  const quotaBytes = values['quota-mb'] === undefined ? null : megabytes(values['quota-mb'], '--quota-mb');
  const key = await issueEnrolmentKey(store, { label: values.label, initiatives, quotaBytes });
  console.log(JSON.stringify({ enrolmentKey: key, label: values.label, initiatives, quotaBytes }));
}

async function serve(store: HubStore, env: NodeJS.ProcessEnv): Promise<void> {
  const server = createHubServer({
    store,
    maxBodyBytes: Number(env.HUB_MAX_BODY_BYTES ?? 8 * 1024 * 1024),
    requestsPerMinute: Number(env.HUB_REQUESTS_PER_MINUTE ?? 600),
    quotaBytes: env.HUB_QUOTA_MB ? megabytes(env.HUB_QUOTA_MB, 'HUB_QUOTA_MB') : defaultQuotaBytes,
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

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== undefined && command !== 'enrol' && command !== 'keys') {
    throw new Error(`unknown command ${command}: use no command (run the hub), enrol or keys`);
  }
  const store = await openStore(process.env);
  if (command === undefined) return serve(store, process.env);
  try {
    if (command === 'enrol') await enrol(store, args);
    else for (const key of await store.enrolmentKeys()) console.log(JSON.stringify(key));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
