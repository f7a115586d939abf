import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface HubProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `src-main/hub/cli.ts` as its own process (as npm run hub does) and waits for its address. */
export function startHub(env: Record<string, string>): Promise<HubProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/hub/cli.ts'], {
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
