import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

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
 * Starts `src-main/hub/cli.ts` as its own process (as npm run hub does) and waits for its address;
 * first issues an enrolment key with the same CLI, as an operator would.
 */
export async function startHub(env: Record<string, string>): Promise<HubProcess> {
  const enrolmentKey = await enrolOnHub(env, ['--initiatives', '1000', '--label', 'tests']);
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
