import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InitiativeDraft } from '../../../src-main/contract/models';
import type { Result } from '../../../src-main/contract/result';
import { createHandlers, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { seedSummaryWorld, type SummaryWorld } from '../../fixtures/summary-world';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

/**
 * A real full disk: the data folder is a tmpfs of a few megabytes (mounting needs root, which the
 * development machines and CI give; elsewhere this file is skipped and says why). Once the disk is
 * filled to the last byte, every write path must answer `disk_full` in plain words, and nothing
 * saved before may be lost or left half-written.
 */
const temp = makeTempDir('common-ground-disk-full-');
const disk = join(temp.dir, 'disk');
mkdirSync(disk);
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', disk], { stdio: 'ignore' });
  mounted = true;
} catch {
  console.warn('[disk-full.test] cannot mount a small tmpfs here (needs root); the full-disk tests are skipped.');
}

let library: InitiativeLibrary;
let handlers: HandlerMap;
let world: SummaryWorld;
const filler = join(disk, 'filler.bin');
let fillerFd = -1;

const call = (channel: string, input: unknown) => dispatchAsync(handlers, channel, input);
const value = <T>(result: Result<unknown>) => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

/** Writes until the disk refuses even one more byte. */
function fillTheDisk(): void {
  fillerFd = openSync(filler, 'w');
  for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1]) {
    const chunk = Buffer.alloc(size, 1);
    try {
      for (;;) writeSync(fillerFd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    }
  }
}

function makeRoom(): void {
  ftruncateSync(fillerFd, 0);
  closeSync(fillerFd);
}

const leftovers = () =>
  readdirSync(disk, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.(tmp|partial|part|restoring)$/.test(name),
  );

describe.skipIf(!mounted)('a full disk', () => {
  beforeAll(async () => {
    library = new InitiativeLibrary(join(disk, 'data'), { node: '00000000000000ff', backups: false });
    handlers = createHandlers({
      library,
      resourcesDir,
      version: '0.0.0-test',
      transport: 'host',
      exportDir: join(disk, 'summaries'),
    });
    world = await seedSummaryWorld(async (channel, input) => value(await call(channel, input)));
    await library.open(world.initiativeId).durable();
    fillTheDisk();
  });

  afterAll(() => {
    library?.close();
    if (mounted) execFileSync('umount', ['-l', disk]);
    temp.cleanup();
  });

  const initiativeId = () => world.initiativeId;
  const writes: [string, () => [string, Record<string, unknown>]][] = [
    [
      'adding a partner',
      () => ['partners.create', { initiativeId: initiativeId(), partner: { name: 'Westside Food Bank' } }],
    ],
    [
      'a long problem statement',
      () => [
        'initiatives.update',
        { initiativeId: initiativeId(), patch: { problemStatement: 'Too few '.repeat(2000) } },
      ],
    ],
    ['a new initiative', () => ['initiatives.create', { name: 'Southside Housing' }]],
    ['Back up now', () => ['backups.create', { initiativeId: initiativeId() }]],
    [
      'exporting the whole initiative',
      () => ['initiatives.exportFile', { initiativeId: initiativeId(), passphrase: 'correct horse battery staple' }],
    ],
    [
      'a session summary',
      () => ['summary.export', { initiativeId: initiativeId(), sessionId: world.sessionId, format: 'md' }],
    ],
  ];

  it.each(writes)('%s answers "disk full" in plain words', async (_label, request) => {
    const [channel, input] = request();
    const result = await call(channel, input);
    expect(result.ok ? 'ok' : result.error.code).toBe('disk_full');
    expect(result.ok ? '' : result.error.message).toMatch(/disk is full/);
  });

  it('importing a whole initiative answers "disk full" too', async () => {
    const other = makeTempDir('common-ground-disk-full-source-');
    try {
      const source = new InitiativeLibrary(other.dir, { node: '00000000000000fe', backups: false });
      const made = source.create(InitiativeDraft.parse({ name: 'Lakeside Early Years' }));
      await source.backups.copyTo(source.open(made.id).db, join(other.dir, 'copy.sqlite'));
      source.close();
      const result = await call('initiatives.importFile', {
        fileName: 'copy.sqlite',
        contentBase64: readFileSync(join(other.dir, 'copy.sqlite')).toString('base64'),
        passphrase: '',
      });
      expect(result.ok ? 'ok' : result.error.code).toBe('disk_full');
    } finally {
      other.cleanup();
    }
  });

  it('lost nothing saved before and left no half-written file, and works again once there is room', async () => {
    expect(leftovers()).toEqual([]);
    expect(library.list().map((entry) => entry.status)).toEqual(['ok']);
    makeRoom();
    const names = value<{ name: string }[]>(await call('partners.list', { initiativeId: initiativeId() })).map(
      (partner) => partner.name,
    );
    expect(names).toContain('Eastside Library');
    expect(names).not.toContain('Westside Food Bank');
    library.close();
    const file = new Database(join(disk, 'data', 'initiatives', `${initiativeId()}.sqlite`), { readonly: true });
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      file.close();
    }
    library = new InitiativeLibrary(join(disk, 'data'), { node: '00000000000000ff', backups: false });
    handlers = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
    value(await call('partners.create', { initiativeId: initiativeId(), partner: { name: 'Westside Food Bank' } }));
  });
});
