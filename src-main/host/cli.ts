import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagValue, resolveBackupPolicy, resolveDataDir } from '../data-dir';
import { startHost } from './server';

/** `npm run web`: the app in a browser, against the data folder the desktop app uses. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = join(root, 'out', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('The renderer has not been built yet. Run "npm run build" first (npm run web does it for you).');
  process.exit(1);
}
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const portFlag = flagValue(process.argv, '--port');

const host = await startHost({
  dataDir: resolveDataDir(),
  rendererDir,
  resourcesDir: join(root, 'resources'),
  version,
  port: portFlag ? Number(portFlag) : Number(process.env.COMMON_GROUND_PORT ?? 0),
  token: process.env.COMMON_GROUND_HOST_TOKEN || undefined,
  backups: resolveBackupPolicy(),
});

console.log(`Common Ground is running. Open this address in a browser on this computer:\n\n  ${host.openUrl}\n`);
console.log(`Data folder: ${host.dataDir}`);
console.log(`HOST_READY ${JSON.stringify({ url: host.url, token: host.token })}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void host.close().then(() => process.exit(0));
  });
}
