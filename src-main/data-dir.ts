import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const appFolderName = 'Common Ground';
export const dataDirEnv = 'COMMON_GROUND_DATA_DIR';

/** Where Electron keeps userData for this app on each platform; the host uses the same place. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), appFolderName);
}

/** `--data-dir PATH` (or `--data-dir=PATH`) wins over the environment variable, which wins over the default. */
export function resolveDataDir(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const flag = flagValue(argv, '--data-dir');
  if (flag) return resolve(flag);
  if (env[dataDirEnv]) return resolve(env[dataDirEnv]);
  return defaultDataDir(process.platform, env);
}

export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    // A flag followed by another flag (or nothing) has no value.
    if (argv[i] === name) return argv[i + 1]?.startsWith('--') ? undefined : argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/**
 * The rolling backup policy: `--backup-every MINUTES` and `--backup-keep N`, or the environment
 * variables `COMMON_GROUND_BACKUP_EVERY` and `COMMON_GROUND_BACKUP_KEEP`; anything not a positive
 * whole number falls back to the default (10 minutes, 10 kept). `--backup-every 0` is refused too:
 * a backup after every keystroke would cost more than it protects.
 */
export function resolveBackupPolicy(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): { everyMinutes?: number; keep?: number } {
  const positive = (value: string | undefined) => {
    const number = Number(value);
    return value !== undefined && Number.isInteger(number) && number > 0 && number <= 100_000 ? number : undefined;
  };
  const everyMinutes = positive(flagValue(argv, '--backup-every') ?? env.COMMON_GROUND_BACKUP_EVERY);
  const keep = positive(flagValue(argv, '--backup-keep') ?? env.COMMON_GROUND_BACKUP_KEEP);
  return { ...(everyMinutes ? { everyMinutes } : {}), ...(keep ? { keep } : {}) };
}
