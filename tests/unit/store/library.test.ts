import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../../src-main/contract/models';
import { InitiativeDraft } from '../../../src-main/contract/models';
import { AppError } from '../../../src-main/contract/result';
import { InitiativeLibrary } from '../../../src-main/store/library';
import type { InitiativeStore } from '../../../src-main/store/initiative-store';
import { latestVersion } from '../../../src-main/store/migrations/index';
import { isNodeId } from '../../../src-main/sync/hlc';
import { makeTempDir } from '../../fixtures/temp-dir';
import { sha256File } from './db-dump';

const node = '00000000000000aa';
const garbageId = '0190f5a2-7c3e-7b1a-8f00-123456789abc';
const newerId = '0190f5a2-7c3e-7b1a-8f00-cba987654321';

function draft(name: string, extra: Partial<InitiativeDraft> = {}) {
  return InitiativeDraft.parse({ name, ...extra });
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('InitiativeLibrary', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const libraries: InitiativeLibrary[] = [];
  function library(options: ConstructorParameters<typeof InitiativeLibrary>[1] = { node }): InitiativeLibrary {
    const made = new InitiativeLibrary(temp.dir, options);
    libraries.push(made);
    return made;
  }
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => {
    for (const made of libraries.splice(0)) made.close();
    temp.cleanup();
  });

  it('keeps initiatives and their partners across a close and a new library on the same folder', () => {
    const first = library();
    const youth = first.create(
      draft('Youth Futures', { phase: 'initiate_action', vision: 'Every young person thrives' }),
    );
    const hunger = first.create(draft('ending hunger'));
    expect(youth).toMatchObject({
      name: 'Youth Futures',
      phase: 'initiate_action',
      vision: 'Every young person thrives',
    });
    expect(first.list()).toEqual([
      { status: 'ok', id: hunger.id, name: 'ending hunger', phase: 'assess_readiness' },
      { status: 'ok', id: youth.id, name: 'Youth Futures', phase: 'initiate_action' },
    ]);
    const partner = first
      .open(youth.id)
      .partners.create({ name: 'City Library', kind: 'organisation', sector: 'education' });
    first.close();

    const second = library();
    expect(second.list().map((entry) => entry.id)).toEqual([hunger.id, youth.id]);
    const store = second.open(youth.id);
    expect(store.initiative.get()).toEqual(youth);
    expect(store.partners.list()).toEqual([partner]);
    expect(second.open(hunger.id).partners.list()).toEqual([]);
    expect(
      readdirSync(join(temp.dir, 'initiatives'))
        .filter((name) => name.endsWith('.sqlite'))
        .sort(),
    ).toEqual([`${hunger.id}.sqlite`, `${youth.id}.sqlite`].sort());
  });

  it('creates, updates, removes and restores partners through the repository, and keeps them', () => {
    const first = library();
    const { id } = first.create(draft('Healthy Valley'));
    const partners = first.open(id).partners;
    const clinic = partners.create({ name: 'Clinic', kind: 'organisation', sector: 'health' });
    const ana = partners.create({ name: 'ana', kind: 'person', sector: 'community' });
    expect(partners.list().map((p) => p.name)).toEqual(['ana', 'Clinic']);

    expect(partners.update(clinic.id, { name: 'Valley Clinic', sector: 'nonprofit' })).toEqual({
      ...clinic,
      name: 'Valley Clinic',
      sector: 'nonprofit',
    });
    partners.remove(ana.id);
    expect(partners.list().map((p) => p.id)).toEqual([clinic.id]);
    expect(codeOf(() => partners.get(ana.id))).toBe('not_found');
    expect(codeOf(() => partners.update(ana.id, { name: 'x' }))).toBe('not_found');
    expect(codeOf(() => partners.remove('no-such-partner'))).toBe('not_found');
    expect(codeOf(() => partners.restore('no-such-partner'))).toBe('not_found');
    first.close();

    const reopened = library().open(id).partners;
    expect(reopened.list().map((p) => p.id)).toEqual([clinic.id]);
    expect(reopened.restore(ana.id)).toEqual(ana);
    expect(reopened.list().map((p) => p.name)).toEqual(['ana', 'Valley Clinic']);
  });

  it('saves initiative fields through the repository', () => {
    const lib = library();
    const { id } = lib.create(draft('Safe Streets'));
    const store = lib.open(id);
    expect(store.initiative.save({ problemStatement: 'Too many crashes', defaultLocale: 'es' })).toMatchObject({
      name: 'Safe Streets',
      problemStatement: 'Too many crashes',
      defaultLocale: 'es',
    });
    expect(lib.list()).toEqual([{ status: 'ok', id, name: 'Safe Streets', phase: 'assess_readiness' }]);
  });

  it('lists a damaged or newer file as unavailable and leaves it untouched', () => {
    const lib = library();
    const good = lib.create(draft('Working One'));
    const folder = join(temp.dir, 'initiatives');
    const garbage = join(folder, `${garbageId}.sqlite`);
    writeFileSync(garbage, randomBytes(8192));
    const newer = join(folder, `${newerId}.sqlite`);
    const raw = new Database(newer);
    raw.exec('CREATE TABLE t (x)');
    raw.pragma(`user_version = ${latestVersion + 10}`);
    raw.close();
    writeFileSync(join(folder, 'notes.sqlite'), 'not an initiative id, so not listed');
    const before = { garbage: sha256File(garbage), newer: sha256File(newer) };

    const entries = lib.list();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toEqual({ status: 'ok', id: good.id, name: 'Working One', phase: 'assess_readiness' });
    const unavailable = entries.slice(1).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(unavailable).toEqual([
      expect.objectContaining({
        status: 'unavailable',
        id: garbageId,
        fileName: `${garbageId}.sqlite`,
        code: 'db_damaged',
      }),
      expect.objectContaining({
        status: 'unavailable',
        id: newerId,
        fileName: `${newerId}.sqlite`,
        code: 'db_too_new',
      }),
    ]);
    expect(sha256File(garbage)).toBe(before.garbage);
    expect(sha256File(newer)).toBe(before.newer);
    expect(codeOf(() => lib.open(garbageId))).toBe('db_damaged');
    expect(sha256File(garbage)).toBe(before.garbage);
  });

  it('refuses ids that are not initiative ids and ids it does not have', () => {
    const lib = library();
    expect(codeOf(() => lib.fileFor('../device'))).toBe('invalid_input');
    expect(codeOf(() => lib.open('../../etc/passwd'))).toBe('invalid_input');
    expect(codeOf(() => lib.open(garbageId))).toBe('not_found');
    expect(existsSync(lib.fileFor(garbageId))).toBe(false);
    const made = lib.create(draft('Once'), garbageId);
    expect(made.id).toBe(garbageId);
    expect(codeOf(() => lib.create(draft('Twice'), garbageId))).toBe('invalid_input');
    expect(lib.open(garbageId).initiative.get().name).toBe('Once');
  });

  it('keeps the device node id stable across library instances', () => {
    const first = library({});
    expect(isNodeId(first.node)).toBe(true);
    const saved = JSON.parse(readFileSync(join(temp.dir, 'device.json'), 'utf8')) as { node: string };
    expect(saved.node).toBe(first.node);
    expect(library({}).node).toBe(first.node);
    // A fixed node for tests does not overwrite the device's own.
    expect(library({ node }).node).toBe(node);
    expect(library({}).node).toBe(first.node);
  });

  it('replaces a damaged device file with a fresh valid node id', () => {
    writeFileSync(join(temp.dir, 'device.json'), '{ not json');
    const lib = library({});
    expect(isNodeId(lib.node)).toBe(true);
    expect(library({}).node).toBe(lib.node);
  });

  it('stamps changes with the device node id', () => {
    const lib = library({});
    const { id } = lib.create(draft('Stamped'));
    const store = lib.open(id);
    const stamps = store.db.prepare('SELECT timestamp FROM change_log').pluck().all() as string[];
    expect(stamps.length).toBeGreaterThan(0);
    for (const stamp of stamps) expect(stamp.endsWith(`-${lib.node}`)).toBe(true);
  });

  it('tells listeners which tables changed after each write, until they unsubscribe', () => {
    const lib = library();
    const notices: ChangeNotice[] = [];
    const unsubscribe = lib.onChanges((notice) => notices.push(notice));
    const { id } = lib.create(draft('Listening'));
    expect(notices).toEqual([{ initiativeId: id, tables: ['initiative'] }]);

    const partners = lib.open(id).partners;
    const p = partners.create({ name: 'Radio', kind: 'organisation', sector: 'media' });
    expect(notices[1]).toEqual({ initiativeId: id, tables: ['partners'] });
    partners.update(p.id, { name: 'Community Radio' });
    expect(notices).toHaveLength(3);

    unsubscribe();
    partners.remove(p.id);
    expect(notices).toHaveLength(3);
  });

  describe('a file joined from a hub', () => {
    const joiningId = '0190f5a2-7c3e-7b1a-8f00-00000000a0a0';
    /** What the hub would bring: the initiative's record, written on another device. */
    const recordFromTheHub = (store: InitiativeStore) =>
      store.writePath.receive([
        {
          timestamp: '2026-11-23T09:00:00.000Z-0000-00000000000000bb',
          table: 'initiative',
          row: joiningId,
          column: 'name',
          value: 'From the hub',
          base: null,
        },
      ]);

    it('holds no record until the hub brings one, is not listed, takes no backup, and can be discarded', async () => {
      const lib = library({ node, backups: { everyMinutes: 0 } });
      const kept = lib.create(draft('Kept here'));
      const store = lib.createJoining(joiningId);
      expect(store.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
      expect(store.initiative.find()).toBeUndefined();
      recordFromTheHub(store);
      expect(lib.list().map((entry) => entry.id)).toEqual([kept.id]);
      expect(lib.isUnfinishedJoin(joiningId)).toBe(true);
      await lib.backups.settled(joiningId);
      expect(lib.backups.list(joiningId)).toEqual([]);
      await lib.discardJoining(joiningId);
      expect(existsSync(lib.fileFor(joiningId))).toBe(false);
    });

    it('once finished it is an initiative like any other, and discarding refuses it (and any other)', async () => {
      const lib = library();
      const kept = lib.create(draft('Kept here'));
      const store = lib.createJoining(joiningId);
      recordFromTheHub(store);
      lib.finishJoining(joiningId);
      expect(lib.list().map((entry) => entry.status === 'ok' && entry.name)).toEqual(['From the hub', 'Kept here']);
      for (const id of [joiningId, kept.id]) {
        await expect(lib.discardJoining(id)).rejects.toThrow(/Only an unfinished join/);
        expect(existsSync(lib.fileFor(id))).toBe(true);
      }
      expect(codeOf(() => lib.createJoining(kept.id))).toBe('invalid_input');
    });
  });
});
