/**
 * Builds better-sqlite3 for Electron into .native/electron/, apart from node_modules, whose copy
 * stays built for Node so the tests keep working. Run by `npm start`; needs the network the first
 * time (Electron headers or a prebuilt binary). Does nothing when the build for this Electron
 * version is already there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const outDir = join(root, '.native', 'electron');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'built-for.txt');
const stamp = `electron ${electronVersion} ${process.platform} ${process.arch}`;

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`SQLite module for ${stamp} is ready.`);
  process.exit(0);
}

const work = join(outDir, 'better-sqlite3');
rmSync(work, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(sqliteDir, work, { recursive: true, filter: (source) => !source.includes(`${join(sqliteDir, 'build')}`) });

// A user-level `nodedir` in .npmrc would make node-gyp compile against Node's headers while
// claiming to target Electron; drop it so the Electron headers are used.
const env = { ...process.env };
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];

function run(command: string, args: string[]): boolean {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: work, env, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

const common = [`--runtime=electron`, `--target=${electronVersion}`, `--arch=${process.arch}`];
const prebuilt = run(process.execPath, [
  require.resolve('prebuild-install/bin.js'),
  ...common,
  `--platform=${process.platform}`,
]);
const built =
  prebuilt ||
  run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers']);
const produced = join(work, 'build', 'Release', 'better_sqlite3.node');
if (!built || !existsSync(produced)) {
  console.error(
    'Could not build the SQLite module for Electron. The app needs it to start; see README, "Native module".',
  );
  process.exit(1);
}

// A module built for Electron must not load in this Node: if it does, it was built for Node.
const nodeLoads = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(produced)})`]);
if (nodeLoads.status === 0) {
  console.error(
    "The SQLite module was built against Node instead of Electron; it would crash the app. Check npm's nodedir setting.",
  );
  process.exit(1);
}

copyFileSync(produced, target);
writeFileSync(stampFile, stamp);
rmSync(work, { recursive: true, force: true });
console.log(`SQLite module for ${stamp} written to ${target}.`);
