import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface HostProcess {
  url: string;
  token: string;
  openUrl: string;
  child: ChildProcess;
  /** What the host printed so far: attached to a failed test, where an 'internal' refusal is explained. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface HostProcessOptions {
  /** A fixed port and token let a test kill the host and start it again at the same address, so
   * the page that was open keeps its origin and its stored token. */
  port?: number;
  token?: string;
}

/**
 * Starts the real host (`src-main/host/cli.ts`, as `npm run web` does) in its own process with
 * the given data folder, and resolves once it prints its address.
 */
export function startHostProcess(dataDir: string, options: HostProcessOptions = {}): Promise<HostProcess> {
  const portArgs = options.port === undefined ? [] : ['--port', String(options.port)];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src-main/host/cli.ts'), '--data-dir', dataDir, ...portArgs],
    {
      cwd: repoRoot,
      env: { ...process.env, COMMON_GROUND_DATA_DIR: '', COMMON_GROUND_HOST_TOKEN: options.token ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /HOST_READY (.+)/.exec(output)?.[1];
      if (!line) return;
      clearTimeout(timer);
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      resolveStart({
        url,
        token,
        openUrl: `${url}/#token=${token}`,
        child,
        output: () => output,
        stop: (signal = 'SIGTERM') =>
          new Promise((resolveStop) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
            child.once('exit', () => resolveStop());
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}
