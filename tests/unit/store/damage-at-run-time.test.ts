import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelOutput } from '../../../src-main/contract/channels';
import type { ChangeNotice } from '../../../src-main/contract/models';
import { createHandlers, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { InitiativeLibrary, type LibraryOptions } from '../../../src-main/store/library';
import { storageFailure } from '../../../src-main/store/storage-errors';
import { damageIndexEntry } from '../../fixtures/damaged-index';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

/**
 * Damage that quick_check does not look for: an index page whose key no longer matches its row.
 * The file opens for writing; the first write that reaches the bad page, or the full check that
 * runs in the background after opening, must lead to the same damaged-file notice and restore.
 */
function openApp(dataDir: string, options: LibraryOptions = {}) {
  const library = new InitiativeLibrary(dataDir, { node: '00000000000000ee', ...options });
  const handlers: HandlerMap = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  const notices: ChangeNotice[] = [];
  library.onChanges((notice) => notices.push(notice));
  const call = (channel: Channel, input: unknown) => dispatchAsync(handlers, channel, input);
  async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  }
  return { library, call, ok, notices };
}

const check = (path: string, pragma: 'quick_check' | 'integrity_check') => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma(pragma, { simple: true });
  } finally {
    db.close();
  }
};

let temp: ReturnType<typeof makeTempDir>;
let id: string;
let partnerId: string;
let file: string;

beforeEach(async () => {
  temp = makeTempDir('common-ground-damage-');
  const app = openApp(temp.dir, { integrityChecks: false });
  id = (await app.ok('initiatives.create', { name: 'Eastside Cradle to Career' })).id;
  partnerId = (await app.ok('partners.create', { initiativeId: id, partner: { name: 'Eastside Library' } })).id;
  await app.library.backups.settled(id);
  await app.ok('backups.create', { initiativeId: id });
  app.library.close();
  file = join(temp.dir, 'initiatives', `${id}.sqlite`);
  damageIndexEntry(file, 'partners_by_name', 'Eastside Library');
});

afterEach(() => temp.cleanup());

describe('an index page damaged in a way quick_check does not see', () => {
  it('passes quick_check but not integrity_check (so the file opens for writing)', () => {
    expect(check(file, 'quick_check')).toBe('ok');
    expect(check(file, 'integrity_check')).not.toBe('ok');
  });

  it('a write that reaches it answers "damaged", and the file becomes unavailable with its restore', async () => {
    const app = openApp(temp.dir, { integrityChecks: false, backups: false });
    try {
      expect(app.library.list()).toMatchObject([{ status: 'ok', id }]);
      const result = await app.call('partners.update', {
        initiativeId: id,
        partnerId,
        patch: { name: 'Eastside Public Library' },
      });
      expect(result.ok ? 'ok' : result.error.code).toBe('db_damaged');
      expect(result.ok ? '' : result.error.message).toMatch(/damaged/);
      expect(app.notices).toContainEqual({ initiativeId: id, tables: [], damaged: true });
      expect(app.library.list()).toMatchObject([{ status: 'unavailable', id, code: 'db_damaged' }]);
      // Nothing more is written to it until a backup replaces it.
      const after = await app.call('partners.list', { initiativeId: id });
      expect(after.ok ? 'ok' : after.error.code).toBe('db_damaged');

      await app.ok('backups.restoreDamaged', { initiativeId: id });
      expect((await app.ok('partners.list', { initiativeId: id })).map((p) => p.name)).toEqual(['Eastside Library']);
      await app.ok('partners.update', { initiativeId: id, partnerId, patch: { name: 'Eastside Public Library' } });
    } finally {
      app.library.close();
    }
  });

  it('the full check in the background finds it after opening, before any write', async () => {
    const app = openApp(temp.dir, { backups: false });
    try {
      expect(app.library.list()).toMatchObject([{ status: 'ok', id }]);
      await app.library.integrityChecked(id);
      expect(app.notices).toContainEqual({ initiativeId: id, tables: [], damaged: true });
      expect(app.library.list()).toMatchObject([{ status: 'unavailable', id, code: 'db_damaged' }]);
    } finally {
      app.library.close();
    }
  });

  it('a good file passes the background check and stays open', async () => {
    const app = openApp(temp.dir, { backups: false });
    try {
      const backup = app.library.backups.list(id)[0].fileName;
      await app.ok('backups.restore', { initiativeId: id, fileName: backup });
      app.library.open(id);
      await app.library.integrityChecked(id);
      expect(app.notices.filter((notice) => notice.damaged)).toEqual([]);
      expect(app.library.list()).toMatchObject([{ status: 'ok', id }]);
    } finally {
      app.library.close();
    }
  });
});

describe('storage failures in plain words', () => {
  it('names a file that is not a database as damaged, and a full disk as such', () => {
    expect(storageFailure(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }))?.code).toBe(
      'db_damaged',
    );
    expect(storageFailure(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }))?.code).toBe(
      'disk_full',
    );
    expect(storageFailure(new Error('no code'))).toBeNull();
  });
});
