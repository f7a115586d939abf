import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { issueEnrolmentKey } from '../../../src-main/hub/enrolment';
import { openSqliteHubStore } from '../../../src-main/hub/hub-store';
import { openPostgresHubStore } from '../../../src-main/hub/hub-store-pg';

export interface HubProcess {
  url: string;
  child: ChildProcess;
  /** An enrolment key issued by the hub's own CLI before it started, good for many initiatives. */
  enrolmentKey: string;
  stop(): Promise<void>;
}

const cli = ['--import', 'tsx', 'src-main/hub/cli.ts'];

/** `npm run hub -- enrol ...` against the store `env` names; returns the printed key. */
export async function enrolOnHub(env: Record<string, string>, args: string[] = []): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [...cli, 'enrol', ...args], {
    env: { ...process.env, ...env },
  });
  return (JSON.parse(stdout.trim().split('\n').at(-1)!) as { enrolmentKey: string }).enrolmentKey;
}

/**
 * An enrolment key for many initiatives, written straight into the store the hub will open: what
 * `enrol` does, without a second process start on every hub (tests of the CLI itself use enrolOnHub).
 */
async function issueTestKey(env: Record<string, string>): Promise<string> {
  const databaseUrl = env.DATABASE_URL ?? process.env.DATABASE_URL;
  let store;
  if (databaseUrl) store = await openPostgresHubStore(databaseUrl);
  else {
    const path = resolve(env.HUB_DB ?? process.env.HUB_DB ?? 'hub-data/hub.sqlite');
    mkdirSync(dirname(path), { recursive: true });
    store = openSqliteHubStore(path);
  }
  try {
    return await issueEnrolmentKey(store, { label: 'tests', initiatives: 1000, quotaBytes: null });
  } finally {
    await store.close();
  }
}

/**
 * Starts `src-main/hub/cli.ts` as its own process (as npm run hub does) and waits for its address,
 * with an enrolment key issued before it starts, as an operator would.
 */
export async function startHub(env: Record<string, string>): Promise<HubProcess> {
  const enrolmentKey = await issueTestKey(env);
  const child = spawn(process.execPath, cli, {
    env: { ...process.env, HUB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${errors}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const { hub } = JSON.parse(line) as { hub: string };
      resolve({
        url: hub,
        child,
        enrolmentKey,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
