import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelOutput } from '../../../src-main/contract/channels';
import { createHandlers, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { openDatabase } from '../../../src-main/store/connection';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { migrations } from '../../../src-main/store/migrations/index';
import { sealFile } from '../../../src-main/store/sealed-file';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';
import { sha256File } from './db-dump';

/**
 * A received file's schema is code SQLite runs. These files pass integrity_check and hold one
 * initiative, but a view or trigger in them was rewritten: every way a file comes in must refuse them.
 */
function openApp(dataDir: string) {
  const library = new InitiativeLibrary(dataDir, { node: '00000000000000dd', backups: false });
  const handlers: HandlerMap = createHandlers({ library, resourcesDir, version: '0.0.0-test', transport: 'host' });
  const call = (channel: Channel, input: unknown) => dispatchAsync(handlers, channel, input);
  async function ok<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  }
  return { library, call, ok };
}

const groupId = '01a20958-f994-7589-b2d8-4c08e329c448';
const noteId = '01a20958-f995-740c-8306-5709d5721972';

/** A focus group with one note its speaker asked to keep internal. */
async function initiativeWithInternalNote(app: ReturnType<typeof openApp>) {
  const { id } = await app.ok('initiatives.create', { name: 'Eastside Cradle to Career' });
  app.library.open(id).writePath.write([
    { table: 'groups', row: groupId, values: { kind: 'focus_group', name: 'Parents', tombstone: 0 } },
    {
      table: 'voice_notes',
      row: noteId,
      values: {
        focus_group_id: groupId,
        kind: 'quote',
        text: 'Said in confidence',
        consent: 'internal',
        draft: 0,
        tombstone: 0,
      },
    },
  ]);
  return id;
}

const sharedCount = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM shared_voice_notes').pluck().get();
  } finally {
    db.close();
  }
};

const tampering = {
  'a shared-notes view that shows internal notes':
    'DROP VIEW shared_voice_notes; CREATE VIEW shared_voice_notes AS SELECT * FROM voice_note_view;',
  'a trigger that writes elsewhere': `CREATE TRIGGER share_everything AFTER INSERT ON partners BEGIN
       UPDATE voice_notes SET consent = 'named'; END;`,
  'an extra table': 'CREATE TABLE notes_copy (text TEXT);',
} as const;

function tampered(source: string, target: string, sql: string): string {
  copyFileSync(source, target);
  const db = new Database(target);
  db.exec(sql);
  db.pragma('journal_mode = DELETE');
  db.close();
  return target;
}

let temp: ReturnType<typeof makeTempDir>;
let app: ReturnType<typeof openApp>;
let id: string;
let good: string;

beforeEach(async () => {
  temp = makeTempDir('common-ground-foreign-schema-');
  app = openApp(join(temp.dir, 'here'));
  id = await initiativeWithInternalNote(app);
  good = join(temp.dir, 'good.sqlite');
  await app.library.backups.copyTo(app.library.open(id).db, good);
});

afterEach(() => {
  app.library.close();
  temp.cleanup();
});

describe('a file whose schema another program changed', () => {
  it('is what it claims: the rewritten view really would share the internal note', () => {
    expect(sharedCount(good)).toBe(0);
    const path = tampered(
      good,
      join(temp.dir, 'view.sqlite'),
      tampering['a shared-notes view that shows internal notes'],
    );
    expect(sharedCount(path)).toBe(1);
  });

  it.each(Object.entries(tampering))('is refused as a plain import (%s), adding nothing', async (label, sql) => {
    const other = openApp(join(temp.dir, 'other'));
    try {
      const path = tampered(good, join(temp.dir, 'in.sqlite'), sql);
      const result = await other.call('initiatives.importFile', {
        fileName: 'in.sqlite',
        contentBase64: readFileSync(path).toString('base64'),
        passphrase: '',
      });
      expect(result.ok ? 'ok' : result.error.code, label).toBe('db_damaged');
      expect(result.ok ? '' : result.error.message).toMatch(/another program changed/);
      expect(readdirSync(join(temp.dir, 'other', 'initiatives'))).toEqual([]);
    } finally {
      other.library.close();
    }
  });

  it('is refused inside a sealed whole-initiative file', async () => {
    const passphrase = 'correct horse battery staple';
    const path = tampered(good, join(temp.dir, 'in.sqlite'), tampering['a trigger that writes elsewhere']);
    const other = openApp(join(temp.dir, 'other'));
    try {
      const sealed = await sealFile(readFileSync(path), passphrase);
      const result = await other.call('initiatives.importFile', {
        fileName: 'in.cground',
        contentBase64: sealed.toString('base64'),
        passphrase,
      });
      expect(result.ok ? 'ok' : result.error.code).toBe('db_damaged');
      expect(readdirSync(join(temp.dir, 'other', 'initiatives'))).toEqual([]);
    } finally {
      other.library.close();
    }
  });

  it('is refused as a backup to restore, and the current file stays in place', async () => {
    const name = '20261123T080000000Z.sqlite';
    mkdirSync(app.library.backups.folderFor(id), { recursive: true });
    tampered(good, join(app.library.backups.folderFor(id), name), tampering['a trigger that writes elsewhere']);
    expect(app.library.backups.list(id).find((entry) => entry.fileName === name)?.ok).toBe(false);
    const result = await app.call('backups.restore', { initiativeId: id, fileName: name });
    expect(result.ok ? 'ok' : result.error.code).toBe('db_damaged');
    expect(readdirSync(app.library.initiativesFolder).filter((file) => file.includes('before-restore'))).toEqual([]);
    expect((await app.ok('initiatives.get', { initiativeId: id })).name).toBe('Eastside Cradle to Career');
  });

  it('is listed as unavailable when it is the initiative file itself, and left untouched', async () => {
    const live = app.library.fileFor(id);
    app.library.close();
    tampered(good, live, tampering['a shared-notes view that shows internal notes']);
    const before = sha256File(live);
    app = openApp(join(temp.dir, 'here'));
    expect(app.library.list()).toMatchObject([{ status: 'unavailable', id, code: 'db_damaged' }]);
    expect((await app.call('voice.notes', { initiativeId: id, focusGroupId: groupId })).ok).toBe(false);
    expect(sha256File(live)).toBe(before);
  });
});

describe('files the app made itself', () => {
  it('still open, including one written by an older version, which is then brought up to date', () => {
    const path = join(temp.dir, 'older.sqlite');
    const older = new Database(path);
    older.transaction(() => {
      for (const migration of migrations.filter((step) => step.version <= 50)) older.exec(migration.sql);
      older.pragma('user_version = 50');
    })();
    older.close();
    openDatabase(path).close();
    openDatabase(path).close();
  });

  it('are opened with a schema that may not call unmarked functions and cannot be rewritten', () => {
    const db = app.library.open(id).db;
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(() =>
      db.exec("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = '' WHERE name = 'partners'"),
    ).toThrow(/may not be modified/);
  });
});
