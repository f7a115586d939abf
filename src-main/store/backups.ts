import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '../contract/backups';
import { AppError } from '../contract/result';
import { inspect, openReadOnly, type Db, type OpenOptions } from './connection';

export interface BackupPolicy {
  /** While edits happen, a new backup is taken when the newest is at least this old. */
  everyMinutes: number;
  /** How many backups are kept per initiative; older ones are deleted. */
  keep: number;
}

export const defaultBackupPolicy: BackupPolicy = { everyMinutes: 10, keep: 10 };

/** `20261123T123007123Z.sqlite`, optionally `-2` when two are taken in the same millisecond. */
const backupNamePattern = /^(\d{8}T\d{9}Z)(?:-(\d{1,3}))?\.sqlite$/;

export function isBackupName(name: string): boolean {
  return backupNamePattern.test(name);
}

/** A compact UTC timestamp that sorts as text and is safe in file names on every platform. */
export function stampOf(time: number): string {
  return new Date(time).toISOString().replace(/[-:.]/g, '');
}

function takenAtOf(name: string): string {
  const stamp = backupNamePattern.exec(name)?.[1] ?? '';
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  return new Date(iso).toISOString();
}

/**
 * Full `integrity_check` on a read-only connection (plus the version check `inspect` does): a backup
 * is only worth keeping if it can be restored. Returns the problem, or null when the file is good.
 */
export function verifyCopy(path: string, options: OpenOptions = {}): string | null {
  try {
    inspect(path, options);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const db = openReadOnly(path, options);
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const ok = rows.length === 1 && rows[0].integrity_check === 'ok';
    return ok
      ? null
      : rows
          .map((row) => row.integrity_check)
          .slice(0, 3)
          .join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db.close();
  }
}

/**
 * Rolling backups per initiative under `<data folder>/backups/<initiative id>/`, made with SQLite's
 * online backup API so a consistent copy is taken while the app keeps working.
 */
export class BackupShelf {
  private readonly root: string;
  /** One backup at a time per initiative; restore waits for the one in flight. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    dataDir: string,
    readonly policy: BackupPolicy,
    private readonly now: () => number,
    readonly options: OpenOptions = {},
  ) {
    this.root = join(dataDir, 'backups');
  }

  folderFor(initiativeId: string): string {
    return join(this.root, initiativeId.toLowerCase());
  }

  /** The path of a named backup; the name must be one this shelf could have made (no traversal). */
  pathOf(initiativeId: string, fileName: string): string {
    if (!isBackupName(fileName)) throw new AppError('invalid_input', 'That is not the name of a backup.');
    const path = join(this.folderFor(initiativeId), fileName);
    if (!existsSync(path)) throw new AppError('not_found', 'There is no backup with that name for this initiative.');
    return path;
  }

  /** The problem with a copy, or null when it passes integrity_check. */
  verify(path: string): string | null {
    return verifyCopy(path, this.options);
  }

  /** Newest first. `ok` is a fresh quick_check, so a backup damaged on disk since is shown as such. */
  list(initiativeId: string): BackupEntry[] {
    return this.names(initiativeId).map((fileName) => {
      const path = join(this.folderFor(initiativeId), fileName);
      let ok = true;
      try {
        inspect(path, this.options);
      } catch {
        ok = false;
      }
      return { fileName, takenAt: takenAtOf(fileName), sizeBytes: statSync(path).size, ok };
    });
  }

  /** Milliseconds since the newest backup was taken, or Infinity when there is none. */
  ageOfNewest(initiativeId: string): number {
    const newest = this.names(initiativeId)[0];
    return newest ? this.now() - Date.parse(takenAtOf(newest)) : Infinity;
  }

  isDue(initiativeId: string): boolean {
    return !this.inFlight.has(initiativeId) && this.ageOfNewest(initiativeId) >= this.policy.everyMinutes * 60_000;
  }

  /** Waits for a backup in flight (restore must not close the database under it). */
  async settled(initiativeId: string): Promise<void> {
    await this.inFlight.get(initiativeId)?.catch(() => undefined);
  }

  /** Takes a backup now, verifies it, and prunes the oldest beyond the policy's count. */
  take(initiativeId: string, db: Db): Promise<BackupEntry> {
    const previous = this.inFlight.get(initiativeId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.takeNow(initiativeId, db));
    this.inFlight.set(initiativeId, next);
    const clear = () => {
      if (this.inFlight.get(initiativeId) === next) this.inFlight.delete(initiativeId);
    };
    next.then(clear, clear);
    return next;
  }

  /** Copies a live database to `path` through the backup API and verifies the copy; throws if bad. */
  async copyTo(db: Db, path: string): Promise<void> {
    const partial = `${path}.partial`;
    rmSync(partial, { force: true });
    try {
      await db.backup(partial);
      const problem = verifyCopy(partial, this.options);
      if (problem) throw new AppError('db_damaged', `The backup did not pass its integrity check (${problem}).`);
      renameSync(partial, path);
    } finally {
      // The read-only check of the copy leaves an empty -wal and -shm beside it (a read-only
      // connection cannot remove them); everything is in the copy itself by then.
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    }
  }

  private async takeNow(initiativeId: string, db: Db): Promise<BackupEntry> {
    if (!db.open) throw new AppError('not_found', 'The initiative was closed before its backup could start.');
    const folder = this.folderFor(initiativeId);
    mkdirSync(folder, { recursive: true });
    const stamp = stampOf(this.now());
    let fileName = `${stamp}.sqlite`;
    for (let n = 2; existsSync(join(folder, fileName)); n += 1) fileName = `${stamp}-${n}.sqlite`;
    await this.copyTo(db, join(folder, fileName));
    this.prune(initiativeId);
    const sizeBytes = statSync(join(folder, fileName)).size;
    return { fileName, takenAt: takenAtOf(fileName), sizeBytes, ok: true };
  }

  private prune(initiativeId: string): void {
    for (const old of this.names(initiativeId).slice(this.policy.keep)) {
      rmSync(join(this.folderFor(initiativeId), old), { force: true });
    }
  }

  private names(initiativeId: string): string[] {
    const folder = this.folderFor(initiativeId);
    if (!existsSync(folder)) return [];
    // Time order: the stamp, then the `-n` suffix of a twin taken in the same millisecond.
    const key = (name: string) => {
      const [, stamp, n] = backupNamePattern.exec(name) ?? [];
      return `${stamp}${(n ?? '1').padStart(3, '0')}`;
    };
    return readdirSync(folder)
      .filter(isBackupName)
      .sort((a, b) => key(b).localeCompare(key(a)));
  }
}
