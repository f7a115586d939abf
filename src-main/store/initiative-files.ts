import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RestoreOutcome } from '../contract/backups';
import type { ExportFile } from '../contract/exchange';
import type { Initiative } from '../contract/models';
import { AppError } from '../contract/result';
import { stampOf } from './backups';
import { foreignSchemaMessage, openReadOnly } from './connection';
import { isSealedFile, openSealedFile, sealFile } from './sealed-file';
import type { InitiativeLibrary } from './library';

const companions = ['-wal', '-shm'];
const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Puts a backup in place of an initiative's file. The current file (with any `-wal`/`-shm`) is
 * renamed aside, never deleted or written, so a restore can always be undone by hand; any failure
 * puts it back. This is a file-level operation: no domain row is written.
 */
async function replaceWith(
  library: InitiativeLibrary,
  initiativeId: string,
  backupPath: string,
  asideLabel: 'before-restore' | 'damaged',
): Promise<RestoreOutcome> {
  const id = initiativeId.toLowerCase();
  const problem = library.backups.verify(backupPath);
  if (problem) throw new AppError('db_damaged', `That backup cannot be restored: ${problem}`);
  if (initiativeIdIn(library, backupPath) !== id) {
    throw new AppError('invalid_input', 'That backup belongs to another initiative.');
  }
  await library.backups.settled(id);
  const damage = library.damageOf(id);
  library.closeOne(id);
  const live = library.fileFor(id);
  const aside = join(library.initiativesFolder, `${id}.${asideLabel}-${stampOf(Date.now())}.sqlite`);
  const hadFile = existsSync(live);
  if (hadFile) {
    for (const suffix of ['', ...companions]) {
      if (existsSync(`${live}${suffix}`)) renameSync(`${live}${suffix}`, `${aside}${suffix}`);
    }
  }
  const incoming = `${live}.restoring`;
  try {
    copyFileSync(backupPath, incoming);
    renameSync(incoming, live);
    library.clearDamage(id);
    library.open(id);
  } catch (error) {
    if (damage) library.markDamaged(id, damage);
    library.closeOne(id);
    for (const path of [incoming, ...['', ...companions].map((suffix) => `${live}${suffix}`)])
      rmSync(path, { force: true });
    if (hadFile) {
      for (const suffix of ['', ...companions]) {
        if (existsSync(`${aside}${suffix}`)) renameSync(`${aside}${suffix}`, `${live}${suffix}`);
      }
    }
    throw error;
  }
  library.announceReplaced(id);
  return { initiativeId: id, restoredFrom: basename(backupPath), keptAs: hadFile ? basename(aside) : '' };
}

export function restoreBackup(library: InitiativeLibrary, initiativeId: string, fileName: string) {
  return replaceWith(library, initiativeId, library.backups.pathOf(initiativeId, fileName), 'before-restore');
}

/** For a file that will not open: the newest backup that passes its integrity check replaces it. */
export function restoreNewestGoodBackup(library: InitiativeLibrary, initiativeId: string) {
  const newestGood = library.backups
    .list(initiativeId)
    .map((entry) => library.backups.pathOf(initiativeId, entry.fileName))
    .find((path) => library.backups.verify(path) === null);
  if (!newestGood) throw new AppError('not_found', 'There is no good backup of this initiative on this device.');
  let damaged = false;
  try {
    library.open(initiativeId);
  } catch {
    damaged = true;
  }
  return replaceWith(library, initiativeId, newestGood, damaged ? 'damaged' : 'before-restore');
}

function safeName(name: string): string {
  const cleaned = name
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 80);
  return cleaned || 'initiative';
}

/** The whole initiative as one file: a fresh, verified online backup, sealed with a passphrase. */
export async function exportInitiativeFile(
  library: InitiativeLibrary,
  initiativeId: string,
  passphrase: string,
): Promise<ExportFile> {
  const store = library.open(initiativeId);
  const name = store.initiative.get().name;
  const temp = join(library.initiativesFolder, `export-${randomUUID()}.tmp`);
  try {
    await library.backups.copyTo(store.db, temp);
    const sealed = await sealFile(readFileSync(temp), passphrase);
    return {
      fileName: `${safeName(name)}.cground`,
      mimeType: 'application/octet-stream',
      contentBase64: sealed.toString('base64'),
    };
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The initiative id inside a checked file; one live initiative row is what our files hold. */
function initiativeIdIn(library: InitiativeLibrary, path: string): string {
  const db = openReadOnly(path, library.backups.options);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1)
      throw new AppError('invalid_input', 'That file is an SQLite database but not a Common Ground initiative.');
    const rows = db.prepare('SELECT id FROM initiative WHERE tombstone = 0').all() as { id: unknown }[];
    const id = rows.length === 1 && typeof rows[0].id === 'string' ? rows[0].id.toLowerCase() : '';
    if (!idPattern.test(id)) throw new AppError('invalid_input', 'That file does not hold exactly one initiative.');
    return id;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_input', 'That file is not a Common Ground initiative.');
  } finally {
    db.close();
  }
}

/**
 * Adds an initiative from an exported file (opened with its passphrase) after quick_check and the version check (a file from a
 * newer app is refused). It keeps its own id, so importing one that is already here is refused
 * rather than silently creating a second copy that sync would later treat as the same initiative.
 */
export async function importInitiativeFile(
  library: InitiativeLibrary,
  content: Buffer,
  passphrase: string,
): Promise<Initiative> {
  const plain = isSealedFile(content) ? await openSealedFile(content, passphrase) : content;
  const temp = join(library.initiativesFolder, `import-${randomUUID()}.tmp`);
  try {
    writeFileSync(temp, plain);
    const problem = library.backups.verify(temp);
    if (problem) {
      // The version message is ours; anything else is SQLite's own account of the damage, not for people.
      if (/newer version/.test(problem)) throw new AppError('db_too_new', `That file cannot be imported: ${problem}`);
      if (problem === foreignSchemaMessage) {
        throw new AppError(
          'db_damaged',
          'That file cannot be imported: another program changed its tables, views or triggers, so it is not trusted. Nothing was changed.',
        );
      }
      throw new AppError(
        'db_damaged',
        'That file cannot be imported: it is damaged, or it is not a Common Ground initiative file. Nothing was changed.',
      );
    }
    const id = initiativeIdIn(library, temp);
    if (library.exists(id)) {
      throw new AppError('invalid_input', 'This initiative is already on this device; restore a backup instead.');
    }
    renameSync(temp, library.fileFor(id));
    return library.open(id).initiative.get();
  } finally {
    rmSync(temp, { force: true });
    for (const suffix of companions) rmSync(`${temp}${suffix}`, { force: true });
  }
}
