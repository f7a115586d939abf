import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelOutput } from '../../../src-main/contract/channels';
import { createHandlers, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { InitiativeLibrary, type LibraryOptions } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

/** One data folder with its library and handlers; the clock is ours so "ten minutes later" is exact. */
function openApp(dataDir: string, options: LibraryOptions = {}) {
  const library = new InitiativeLibrary(dataDir, { node: '00000000000000cc', now: () => clock, ...options });
  const handlers: HandlerMap = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  const call = (channel: Channel, input: unknown) => dispatchAsync(handlers, channel, input);
  async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  }
  return { library, call, ok };
}

let clock = Date.parse('2026-11-23T09:00:00.000Z');
let temp: ReturnType<typeof makeTempDir>;
let app: ReturnType<typeof openApp>;

beforeEach(() => {
  clock = Date.parse('2026-11-23T09:00:00.000Z');
  temp = makeTempDir('common-ground-backups-');
  app = openApp(temp.dir, { backups: { everyMinutes: 10, keep: 3 } });
});

afterEach(() => {
  app.library.close();
  temp.cleanup();
});

const partnerNames = (dbPath: string) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM partners WHERE tombstone = 0 ORDER BY name').all() as { name: string }[]).map(
      (row) => row.name,
    );
  } finally {
    db.close();
  }
};

const integrity = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
};

/** Overwrites most of the first page (after the 100-byte header, so SQLite still recognises the file) and the second. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(8000, 0xa5), 0, 8000, 100);
  } finally {
    closeSync(fd);
  }
}

async function initiativeWithPartner(name: string) {
  const { id } = await app.ok('initiatives.create', { name: 'Eastside Cradle to Career' });
  await app.ok('partners.create', { initiativeId: id, partner: { name } });
  await app.library.backups.settled(id);
  return id;
}

describe('automatic backups', () => {
  it('takes one after the first write, then at most one per interval while edits go on, keeping the newest N', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    expect((await app.ok('backups.list', { initiativeId: id })).length).toBe(1);

    // Edits within the interval add nothing.
    clock += 5 * 60_000;
    await app.ok('partners.create', { initiativeId: id, partner: { name: 'Within five minutes' } });
    await app.library.backups.settled(id);
    expect((await app.ok('backups.list', { initiativeId: id })).length).toBe(1);

    // Each edit after the interval adds one, and only the newest three stay.
    for (let round = 0; round < 5; round += 1) {
      clock += 10 * 60_000;
      await app.ok('partners.create', { initiativeId: id, partner: { name: `Round ${round}` } });
      await app.library.backups.settled(id);
    }
    const entries = await app.ok('backups.list', { initiativeId: id });
    expect(entries.length).toBe(3);
    expect(entries.map((entry) => entry.takenAt)).toEqual([...entries.map((entry) => entry.takenAt)].sort().reverse());
    for (const entry of entries) {
      expect(entry.ok).toBe(true);
      expect(integrity(join(temp.dir, 'backups', id, entry.fileName))).toBe('ok');
    }
    // The newest holds what was committed before it was taken.
    expect(partnerNames(join(temp.dir, 'backups', id, entries[0].fileName))).toContain('Round 4');
  });

  it('takes one when an initiative is opened if the newest is older than the interval', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    app.library.close();
    clock += 11 * 60_000;
    app = openApp(temp.dir, { backups: { everyMinutes: 10, keep: 3 } });
    await app.ok('initiatives.get', { initiativeId: id });
    await app.library.backups.settled(id);
    expect((await app.ok('backups.list', { initiativeId: id })).length).toBe(2);
  });

  it('"Back up now" takes one at once, whatever the interval', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    const entry = await app.ok('backups.create', { initiativeId: id });
    expect(entry.ok).toBe(true);
    expect((await app.ok('backups.list', { initiativeId: id })).map((e) => e.fileName)).toContain(entry.fileName);
  });
});

describe('restore', () => {
  it('puts a backup back, keeps the replaced file aside, and the initiative works on', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    const [backup] = await app.ok('backups.list', { initiativeId: id });
    await app.ok('partners.create', { initiativeId: id, partner: { name: 'Added after the backup' } });

    const outcome = await app.ok('backups.restore', { initiativeId: id, fileName: backup.fileName });
    expect(outcome.restoredFrom).toBe(backup.fileName);
    expect(outcome.keptAs).toMatch(new RegExp(`^${id}\\.before-restore-\\d{8}T\\d{9}Z\\.sqlite$`));
    const partners = await app.ok('partners.list', { initiativeId: id });
    expect(partners.map((p) => p.name)).toEqual(['Eastside Library']);
    expect(partnerNames(join(temp.dir, 'initiatives', outcome.keptAs))).toContain('Added after the backup');

    await app.ok('partners.create', { initiativeId: id, partner: { name: 'After the restore' } });
    expect((await app.ok('partners.list', { initiativeId: id })).length).toBe(2);
    // The kept file is not listed as an initiative of its own.
    expect((await app.ok('initiatives.list', {})).length).toBe(1);
  });

  it('refuses a damaged backup and leaves the current file as it was', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    const [backup] = await app.ok('backups.list', { initiativeId: id });
    damage(join(temp.dir, 'backups', id, backup.fileName));
    expect((await app.ok('backups.list', { initiativeId: id }))[0].ok).toBe(false);

    const result = await app.call('backups.restore', { initiativeId: id, fileName: backup.fileName });
    expect(result.ok ? 'ok' : result.error.code).toBe('db_damaged');
    expect((await app.ok('partners.list', { initiativeId: id })).map((p) => p.name)).toEqual(['Eastside Library']);
    expect(readdirSync(join(temp.dir, 'initiatives'))).toEqual([
      `${id}.sqlite`,
      `${id}.sqlite-shm`,
      `${id}.sqlite-wal`,
    ]);
  });

  it('puts the original back when the restored file cannot be opened', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    // Passes integrity_check and names this initiative, but claims a schema version it lacks, so
    // the next migration fails only once the file is in place.
    const broken = new Database(join(temp.dir, 'backups', id, '20261123T080000000Z.sqlite'));
    broken.exec(
      `CREATE TABLE initiative (id TEXT PRIMARY KEY, tombstone INTEGER); INSERT INTO initiative VALUES ('${id}', 0);`,
    );
    broken.pragma('user_version = 10');
    broken.close();

    const result = await app.call('backups.restore', { initiativeId: id, fileName: '20261123T080000000Z.sqlite' });
    expect(result.ok ? 'ok' : result.error.code).toBe('db_damaged');
    expect((await app.ok('partners.list', { initiativeId: id })).map((p) => p.name)).toEqual(['Eastside Library']);
    const left = readdirSync(join(temp.dir, 'initiatives')).filter((name) => !name.startsWith(`${id}.sqlite`));
    expect(left).toEqual([]);
  });

  it("refuses a backup of another initiative put in this one's folder", async () => {
    const id = await initiativeWithPartner('Eastside Library');
    const { id: otherId } = await app.ok('initiatives.create', { name: 'Westside' });
    const other = await app.ok('backups.create', { initiativeId: otherId });
    copyFileSync(join(temp.dir, 'backups', otherId, other.fileName), join(temp.dir, 'backups', id, other.fileName));
    const result = await app.call('backups.restore', { initiativeId: id, fileName: other.fileName });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    expect((await app.ok('partners.list', { initiativeId: id })).length).toBe(1);
  });

  it('refuses names outside the backup folder before touching anything', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    for (const fileName of [`../../initiatives/${id}.sqlite`, '..', `${id}.sqlite`]) {
      const result = await app.call('backups.restore', { initiativeId: id, fileName });
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    }
  });
});

describe('a damaged initiative file', () => {
  it('is listed as damaged, never written, and the newest good backup replaces it on request', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    clock += 10 * 60_000;
    await app.ok('partners.create', { initiativeId: id, partner: { name: 'Second partner' } });
    await app.library.backups.settled(id);
    const [newest, older] = await app.ok('backups.list', { initiativeId: id });
    app.library.close();

    const live = join(temp.dir, 'initiatives', `${id}.sqlite`);
    damage(live);
    const damagedBytes = readFileSync(live);
    // The newest backup is damaged too, so the older good one must be chosen.
    damage(join(temp.dir, 'backups', id, newest.fileName));

    app = openApp(temp.dir, { backups: { everyMinutes: 10, keep: 3 } });
    const [entry] = await app.ok('initiatives.list', {});
    expect(entry.status).toBe('unavailable');
    const listed = await app.ok('backups.list', { initiativeId: id });
    expect(listed.map((backup) => backup.ok)).toEqual([false, true]);
    expect((await app.call('partners.list', { initiativeId: id })).ok).toBe(false);
    // Opening attempts and listing never wrote to the damaged file, and no backup was taken of it.
    expect(readFileSync(live).equals(damagedBytes)).toBe(true);
    expect((await app.ok('backups.list', { initiativeId: id })).length).toBe(2);

    const outcome = await app.ok('backups.restoreDamaged', { initiativeId: id });
    expect(outcome.restoredFrom).toBe(older.fileName);
    expect(outcome.keptAs).toMatch(/\.damaged-\d{8}T\d{9}Z\.sqlite$/);
    expect(readFileSync(join(temp.dir, 'initiatives', outcome.keptAs)).equals(damagedBytes)).toBe(true);
    expect((await app.ok('initiatives.list', {}))[0].status).toBe('ok');
    expect((await app.ok('partners.list', { initiativeId: id })).map((p) => p.name)).toEqual(['Eastside Library']);
  });

  it('with no good backup, says so and leaves the file alone', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    for (const backup of await app.ok('backups.list', { initiativeId: id }))
      damage(join(temp.dir, 'backups', id, backup.fileName));
    app.library.close();
    const live = join(temp.dir, 'initiatives', `${id}.sqlite`);
    damage(live);
    const before = readFileSync(live);
    app = openApp(temp.dir);
    const result = await app.call('backups.restoreDamaged', { initiativeId: id });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
    expect(readFileSync(live).equals(before)).toBe(true);
  });
});

describe('export and import of a whole initiative', () => {
  const passphrase = 'correct horse battery staple';
  it('exports a verified copy that another device imports as the same initiative', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    const file = await app.ok('initiatives.exportFile', { initiativeId: id, passphrase });
    expect(file.fileName).toBe('Eastside Cradle to Career.cground');
    expect(readdirSync(join(temp.dir, 'initiatives')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Sealed: neither the SQLite header nor a partner's name can be read in the file.
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Eastside Library'))).toBe(false);

    const upload = { fileName: file.fileName, contentBase64: file.contentBase64 };
    const other = makeTempDir('common-ground-other-device-');
    const elsewhere = openApp(other.dir);
    try {
      for (const [label, attempt] of [
        ['no passphrase', ''],
        ['a wrong passphrase', 'not the team passphrase'],
      ]) {
        const refused = await elsewhere.call('initiatives.importFile', { ...upload, passphrase: attempt });
        expect(refused.ok ? 'ok' : refused.error.message, label).toMatch(/passphrase/);
        expect(readdirSync(join(other.dir, 'initiatives')), label).toEqual([]);
      }
      const imported = await elsewhere.ok('initiatives.importFile', {
        fileName: file.fileName,
        contentBase64: file.contentBase64,
        passphrase,
      });
      expect(imported.id).toBe(id);
      expect((await elsewhere.ok('partners.list', { initiativeId: id })).map((p) => p.name)).toEqual([
        'Eastside Library',
      ]);
      // Importing it a second time would make two files claim one initiative: refused.
      const again = await elsewhere.call('initiatives.importFile', { ...upload, passphrase });
      expect(again.ok ? 'ok' : again.error.message).toMatch(/already on this device/);
    } finally {
      elsewhere.library.close();
      other.cleanup();
    }
  });

  it('refuses a file from a newer app, a damaged file and a file that is not a database, adding nothing', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    const file = await app.ok('initiatives.exportFile', { initiativeId: id, passphrase });
    const other = makeTempDir('common-ground-other-device-');
    const elsewhere = openApp(other.dir);
    try {
      const newer = join(other.dir, 'newer.sqlite');
      copyFileSync(
        join(temp.dir, 'backups', id, (await app.ok('backups.list', { initiativeId: id }))[0].fileName),
        newer,
      );
      const db = new Database(newer);
      db.pragma('user_version = 9999');
      db.close();
      const damagedSealed = Buffer.from(file.contentBase64, 'base64');
      damagedSealed.fill(0xa5, 100, 8100);
      const damagedPlain = readFileSync(
        join(temp.dir, 'backups', id, (await app.ok('backups.list', { initiativeId: id }))[0].fileName),
      );
      damagedPlain.fill(0xa5, 100, 8100);
      const cases: [string, Buffer, string][] = [
        ['newer', readFileSync(newer), 'db_too_new'],
        ['damaged sealed', damagedSealed, 'invalid_input'],
        ['damaged plain', damagedPlain, 'db_damaged'],
        ['text', Buffer.from('Name,Sector\nLibrary,education\n'), 'db_damaged'],
      ];
      for (const [label, content, code] of cases) {
        const result = await elsewhere.call('initiatives.importFile', {
          fileName: `${label}.sqlite`,
          contentBase64: content.toString('base64'),
          passphrase,
        });
        expect(result.ok ? 'ok' : result.error.code, label).toBe(code);
      }
      expect(readdirSync(join(other.dir, 'initiatives'))).toEqual([]);
      expect(existsSync(newer) && statSync(newer).size > 0).toBe(true);
    } finally {
      elsewhere.library.close();
      other.cleanup();
    }
  });
});

describe('copies in progress', () => {
  it('leave nothing behind once a backup or an export is done (no .partial file, -wal or -shm)', async () => {
    const id = await initiativeWithPartner('Eastside Library');
    await app.ok('backups.create', { initiativeId: id });
    await app.ok('initiatives.exportFile', { initiativeId: id, passphrase: 'riverside lanterns' });
    const leftovers = (readdirSync(temp.dir, { recursive: true }) as string[]).filter((name) =>
      name.includes('.partial'),
    );
    expect(leftovers).toEqual([]);
  });
});
