import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../contract/result';
import { diskFullMessage, isDiskFull } from '../../store/storage-errors';
import { safeFileName } from '../exchange/export';

/**
 * `2026-11-23 Steering committee - summary.pdf`: the session's day first so a folder sorts by date,
 * then the title, then what the file holds, and for a partner's copy the partner.
 */
export function summaryFileName(
  startsAt: string,
  title: string,
  what: string,
  extension: string,
  partner = '',
): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(startsAt)?.[0];
  const base = [day, title].filter(Boolean).join(' ');
  const name = safeFileName([base, what, partner].filter(Boolean).join(' - '));
  return `${name}.${extension}`;
}

/** Cleans up after a failure; the folder itself may be what failed, so this must not throw. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing was written there, or nothing can be: either way there is no partial file.
  }
}

/**
 * Writes the whole file under a temporary name beside it and renames it into place, so a failure
 * (disk full, a folder that cannot be written) leaves the old file or none, never half of one.
 */
export function writeAtomically(folder: string, fileName: string, bytes: Uint8Array): string {
  const path = join(folder, fileName);
  const temporary = join(folder, `.${fileName}.${randomBytes(4).toString('hex')}.part`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    // A full disk is said the same way on every write path (storage-errors.ts).
    if (isDiskFull(error)) throw new AppError('disk_full', diskFullMessage);
    const reason = (error as NodeJS.ErrnoException).code;
    const plain =
      reason === 'EACCES' || reason === 'EPERM' || reason === 'EROFS'
        ? 'the app may not write in that folder'
        : reason === 'ENOTDIR' || reason === 'EEXIST'
          ? 'the export folder is not a folder'
          : 'the file could not be written';
    throw new AppError('export_failed', `The summary was not saved: ${plain} (${folder}). No partial file was left.`);
  }
  return path;
}
