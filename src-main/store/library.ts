import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ChangeNotice, Initiative, InitiativeListEntry } from '../contract/models';
import type { InitiativeDraft } from '../contract/models';
import type { z } from 'zod';
import { AppError } from '../contract/result';
import { isNodeId } from '../sync/hlc';
import { BackupShelf, defaultBackupPolicy, type BackupPolicy } from './backups';
import type { OpenOptions } from './connection';
import { deviceState, joiningKey } from './device-state';
import { InitiativeStore } from './initiative-store';
import { checkIntegrityInBackground, type IntegrityCheck } from './integrity-check';
import { toInitiativeValues } from './initiatives';
import { domainTables } from './schema';

type ParsedDraft = z.output<typeof InitiativeDraft>;

const fileSuffix = '.sqlite';
const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LibraryOptions extends OpenOptions {
  /** Fixed node id (tests); otherwise the device's id from the data folder. */
  node?: string;
  now?: () => number;
  /** Rolling backups; `false` turns the automatic ones off (manual backups still work). */
  backups?: Partial<BackupPolicy> | false;
  /** The full integrity_check after each open, on a worker thread; on unless `false`. */
  integrityChecks?: boolean;
}

function isJoining(store: InitiativeStore): boolean {
  return deviceState(store.db).get(joiningKey) === '1';
}

/** The device's node id for the hybrid logical clock, made once per data folder. */
function deviceNode(dataDir: string): string {
  const path = join(dataDir, 'device.json');
  if (existsSync(path)) {
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as { node?: unknown };
      if (typeof saved.node === 'string' && isNodeId(saved.node)) return saved.node;
    } catch {
      // A damaged device file only costs us the old id; a fresh one is just as valid.
    }
  }
  const node = randomBytes(8).toString('hex');
  writeFileSync(`${path}.tmp`, JSON.stringify({ node }));
  renameSync(`${path}.tmp`, path);
  return node;
}

/**
 * The initiatives in one data folder: one SQLite file each, under `initiatives/`. Keeps opened
 * stores for reuse and tells listeners after every committed write.
 */
export class InitiativeLibrary {
  readonly node: string;
  private readonly folder: string;
  private readonly stores = new Map<string, InitiativeStore>();
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();
  private readonly closing = new Set<() => void>();
  readonly backups: BackupShelf;
  private readonly autoBackups: boolean;
  /** Initiatives found damaged while open (a write hit a bad page, or the background check failed). */
  private readonly damaged = new Map<string, string>();
  private readonly checks = new Map<string, IntegrityCheck & { done: Promise<void> }>();
  /** One background check at a time: a list of many initiatives must not start as many threads. */
  private checkQueue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataDir: string,
    private readonly options: LibraryOptions = {},
  ) {
    this.folder = join(dataDir, 'initiatives');
    mkdirSync(this.folder, { recursive: true });
    this.node = options.node ?? deviceNode(dataDir);
    const policy = { ...defaultBackupPolicy, ...(options.backups || {}) };
    this.backups = new BackupShelf(dataDir, policy, options.now ?? Date.now, options);
    this.autoBackups = options.backups !== false;
  }

  get initiativesFolder(): string {
    return this.folder;
  }

  fileFor(id: string): string {
    if (!idPattern.test(id)) throw new AppError('invalid_input', 'That is not an initiative id.');
    return join(this.folder, `${id.toLowerCase()}${fileSuffix}`);
  }

  onChanges(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): InitiativeListEntry[] {
    const ids = readdirSync(this.folder)
      .filter((name) => name.endsWith(fileSuffix) && idPattern.test(name.slice(0, -fileSuffix.length)))
      .map((name) => name.slice(0, -fileSuffix.length));
    const entries = ids.flatMap((id): InitiativeListEntry[] => {
      try {
        const store = this.open(id);
        // A join from a hub that has not finished is not an initiative yet (see createJoining).
        if (isJoining(store)) return [];
        const initiative = store.initiative.get();
        return [{ status: 'ok', id, name: initiative.name, phase: initiative.phase }];
      } catch (error) {
        const code = error instanceof AppError && error.code === 'db_too_new' ? 'db_too_new' : 'db_damaged';
        const message = error instanceof Error ? error.message : String(error);
        return [{ status: 'unavailable', id, fileName: `${id}${fileSuffix}`, code, message }];
      }
    });
    const sortKey = (entry: InitiativeListEntry) => (entry.status === 'ok' ? `0${entry.name}` : `1${entry.fileName}`);
    return entries.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  }

  exists(id: string): boolean {
    return existsSync(this.fileFor(id));
  }

  /** Creates the file and its initiative record together; a failure leaves no file behind. */
  create(draft: ParsedDraft, id: string = uuidv7()): Initiative {
    const path = this.fileFor(id);
    if (existsSync(path)) throw new AppError('invalid_input', 'An initiative with that id already exists.');
    let store: InitiativeStore | undefined;
    try {
      store = this.connect(id, path, true);
      store.writePath.write([{ table: 'initiative', row: id, values: { ...toInitiativeValues(draft), tombstone: 0 } }]);
    } catch (error) {
      store?.close();
      this.stores.delete(id);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      throw error;
    }
    return store.initiative.get();
  }

  /**
   * An empty initiative file for a join from a hub: migrated, marked as joining, and without an
   * initiative row. Writing a placeholder row here would be a newer change than the real one on
   * the hub and win last-writer-wins over it, so the row only ever comes from the hub. Until
   * finishJoining, the file is not listed and takes no backups.
   */
  createJoining(id: string): InitiativeStore {
    const path = this.fileFor(id);
    if (existsSync(path)) throw new AppError('invalid_input', 'That initiative is already on this computer.');
    let store: InitiativeStore | undefined;
    try {
      store = this.connect(id, path, true);
      deviceState(store.db).set({ [joiningKey]: '1' });
      return store;
    } catch (error) {
      this.closeOne(id);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      throw error;
    }
  }

  /** The join brought the initiative: from now on it is an initiative like any other. */
  finishJoining(id: string): void {
    const store = this.open(id);
    deviceState(store.db).set({ [joiningKey]: null });
    this.backupIfDue(id, store);
  }

  /** True for a file left by a join that did not finish (the app closed while it ran). */
  isUnfinishedJoin(id: string): boolean {
    if (!this.exists(id)) return false;
    try {
      return isJoining(this.open(id));
    } catch {
      return false;
    }
  }

  /**
   * Removes the file of a join that did not finish. Only such a file: it holds nothing typed here
   * (it was never listed, so never opened for editing), only what the hub still has.
   */
  async discardJoining(id: string): Promise<void> {
    if (!this.isUnfinishedJoin(id)) throw new AppError('invalid_input', 'Only an unfinished join can be removed.');
    await this.backups.settled(id);
    this.closeOne(id);
    const path = this.fileFor(id);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }

  open(id: string): InitiativeStore {
    const cached = this.stores.get(id);
    if (cached) return cached;
    const path = this.fileFor(id);
    const damage = this.damaged.get(id.toLowerCase());
    if (damage) throw new AppError('db_damaged', damage);
    if (!existsSync(path)) throw new AppError('not_found', 'There is no initiative with that id on this device.');
    return this.connect(id, path, false);
  }

  /** Runs when the library closes (the app quits, the host stops): for what must end with it. */
  onClose(listener: () => void): void {
    this.closing.add(listener);
  }

  close(): void {
    for (const listener of this.closing) listener();
    this.closing.clear();
    for (const check of this.checks.values()) check.stop();
    this.checks.clear();
    for (const store of this.stores.values()) store.close();
    this.stores.clear();
  }

  /** Closes one initiative's database (before its file is replaced); it reopens on next use. */
  closeOne(id: string): void {
    this.checks.get(id)?.stop();
    this.checks.delete(id);
    this.stores.get(id)?.close();
    this.stores.delete(id);
  }

  /**
   * The file proved damaged while open: it is closed, written no more, and listed as unavailable
   * with the same notice and restore button as a file that fails its check at open. The mark lasts
   * until a backup replaces the file (or the app restarts, when the checks run again).
   */
  markDamaged(id: string, reason: string): void {
    const key = id.toLowerCase();
    if (this.damaged.has(key) || !idPattern.test(key)) return;
    this.damaged.set(key, reason);
    this.closeOne(key);
    this.notify(key, [], true);
  }

  damageOf(id: string): string | undefined {
    return this.damaged.get(id.toLowerCase());
  }

  /** A backup now stands in place of the damaged file (initiative-files.ts). */
  clearDamage(id: string): void {
    this.damaged.delete(id.toLowerCase());
  }

  /** Resolves when the background integrity check of an open initiative has reported (tests wait on it). */
  async integrityChecked(id: string): Promise<void> {
    await this.checks.get(id.toLowerCase())?.done;
  }

  /** Tells listeners that everything in an initiative may have changed (after a restore). */
  announceReplaced(id: string): void {
    this.notify(id, Object.keys(domainTables));
  }

  /** Takes a backup now (the Back up now button, and the automatic ones below). */
  backupNow(id: string) {
    return this.backups.take(id, this.open(id).db);
  }

  /**
   * Automatic backups: on open and after commits, whenever the newest one is older than the policy's
   * interval. They run in the background; a failure only costs this one backup, so it is logged.
   */
  private backupIfDue(id: string, store: InitiativeStore): void {
    if (!this.autoBackups || !store.db.open || !this.backups.isDue(id) || isJoining(store)) return;
    this.backups.take(id, store.db).catch((error: unknown) => {
      if (store.db.open) console.warn(`[common-ground] automatic backup of ${id} failed:`, error);
    });
  }

  private connect(id: string, path: string, create: boolean): InitiativeStore {
    const store = InitiativeStore.open(id, path, this.node, {
      create,
      nativeBinding: this.options.nativeBinding,
      now: this.options.now,
      onCommit: (committed) => {
        this.notify(id, [...committed.tables]);
        this.backupIfDue(id, store);
      },
    });
    this.stores.set(id, store);
    if (!create) {
      this.backupIfDue(id, store);
      this.checkInBackground(id, path);
    }
    return store;
  }

  private checkInBackground(id: string, path: string): void {
    if (this.options.integrityChecks === false) return;
    let check: IntegrityCheck | undefined;
    let stopped = false;
    const entry = {
      stop: () => {
        stopped = true;
        check?.stop();
      },
      verdict: Promise.resolve({ damaged: false as const }),
      done: Promise.resolve(),
    };
    const done = this.checkQueue.then(async () => {
      if (stopped) return;
      check = checkIntegrityInBackground(path, this.options.nativeBinding);
      const verdict = await check.verdict;
      // A verdict about a file that has since been closed or replaced says nothing about the new one.
      if (verdict.damaged && !stopped && this.checks.get(id) === entry) {
        console.error(`[common-ground] ${id} failed its full integrity check: ${verdict.detail}`);
        this.markDamaged(
          id,
          'This initiative’s file is damaged (its full check found a problem). Restore its newest good backup.',
        );
      }
    });
    entry.done = done;
    this.checkQueue = done;
    this.checks.set(id, entry);
  }

  private notify(initiativeId: string, tables: string[], damaged = false): void {
    const notice: ChangeNotice = { initiativeId, tables: [...new Set(tables)], ...(damaged ? { damaged: true } : {}) };
    for (const listener of this.listeners) listener(notice);
  }
}
