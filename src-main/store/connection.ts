import Database from 'better-sqlite3';
import { AppError } from '../contract/result';
import { latestVersion, migrations } from './migrations/index';
import { schemaDifference } from './schema-check';
import { storageFailure } from './storage-errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own build). */
  nativeBinding?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Said when a file's tables, views or triggers are not the ones the app makes (schema-check.ts). */
export const foreignSchemaMessage =
  'The file holds tables, views or triggers that Common Ground did not make (another program changed it), ' +
  'so it is not trusted. It was left untouched.';

/**
 * Every connection, read-only ones included: views and triggers in a file may not call functions
 * or virtual tables that are not marked harmless (`trusted_schema = OFF`). better-sqlite3 already
 * turns on SQLITE_DBCONFIG_DEFENSIVE (no writable_schema, no shadow-table writes) unless unsafe
 * mode is asked for, which this app never does.
 */
export function distrustSchema(db: Db): Db {
  db.pragma('trusted_schema = OFF');
  return db;
}

/** A read-only connection that trusts nothing in the file's schema. */
export function openReadOnly(path: string, options: OpenOptions = {}): Db {
  return distrustSchema(
    new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding }),
  );
}

/**
 * Checks a file without writing to it: it must be an SQLite database, not from a newer app, hold
 * exactly the schema the app's migrations make for its version, and pass quick_check. Runs on a
 * read-only connection so a damaged or foreign file is left exactly as it was.
 */
export function inspect(path: string, options: OpenOptions = {}): void {
  let db: Db;
  try {
    db = openReadOnly(path, options);
  } catch (error) {
    throw new AppError('db_damaged', `The file could not be opened: ${describe(error)}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) {
      throw new AppError(
        'db_too_new',
        `This initiative was saved by a newer version of Common Ground (data version ${version}; ` +
          `this app reads up to ${latestVersion}). Update the app to open it. The file was not changed.`,
      );
    }
    const difference = schemaDifference(db, version, options.nativeBinding);
    if (difference) {
      console.warn(`[common-ground] refused ${path}: ${difference}`);
      throw new AppError('db_damaged', foreignSchemaMessage);
    }
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length !== 1 || rows[0].quick_check !== 'ok') {
      const detail = rows
        .map((row) => row.quick_check)
        .slice(0, 3)
        .join('; ');
      throw new AppError('db_damaged', `The file is damaged (${detail}). It was left untouched.`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // SQLite's own words ("malformed database schema (sqlite_…)") mean nothing to the person reading this.
    throw new AppError('db_damaged', 'The file is not a readable database, or it is damaged. It was left untouched.');
  } finally {
    db.close();
  }
}

function configure(db: Db): void {
  distrustSchema(db);
  db.pragma('journal_mode = WAL');
  // NORMAL: a commit survives any crash or kill of the app as soon as it returns; the store flushes
  // the -wal file to the disk right after, in the background (wal-flusher.ts), so the main process
  // never stops for the disk. FULL made every commit wait for it: about 2 ms on an idle disk here,
  // but 17 to 30 ms at p99 while other work loaded the machine, with the whole app stalled meanwhile.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs every pending migration in one transaction; a failure leaves the file at its old version. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    throw new AppError('db_too_new', `Data version ${current} is newer than this app understands (${latestVersion}).`);
  }
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${latestVersion}`);
  }).immediate();
}

/** Opens (creating if asked) one initiative's database, checked, configured and migrated. */
export function openDatabase(path: string, options: OpenOptions & { create?: boolean } = {}): Db {
  if (!options.create) inspect(path, options);
  const db = new Database(path, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
  try {
    configure(db);
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    // A full disk while a new file is set up is not damage: say what the person can fix.
    const storage = storageFailure(error);
    if (storage?.code === 'disk_full') throw storage;
    throw new AppError('db_damaged', `The file could not be prepared: ${describe(error)}`);
  }
  return db;
}

/** An in-memory database with the current schema, for tests and tools. */
export function openMemoryDatabase(options: OpenOptions = {}): Db {
  const db = distrustSchema(new Database(':memory:', { nativeBinding: options.nativeBinding }));
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
