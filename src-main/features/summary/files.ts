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

// Windows refuses these as a name's stem, whatever the extension (`CON.docx`, `com1 .md`), and
// counts the superscript digits as digits here.
const reservedStem = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Under Windows' 255 units per name and short enough to leave room for the folders above it. */
const maxStem = 100;

/** The name a file system that ignores case and Unicode normal form sees as the same file. */
const sameOnDisk = (name: string) => name.normalize('NFC').toLocaleLowerCase('en');

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/**
 * File names for one batch that are safe on Windows, macOS and Linux and never the same file:
 * "North/South Trust" and "North:South Trust" both clean to "North_South Trust", and "ACME" and
 * "acme" are one file on Windows and macOS, so the later ones get " (2)", " (3)". Before this, the
 * second partner's summary silently replaced the first and a zip held two entries with one name.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((original) => {
    const dot = original.lastIndexOf('.');
    const extension = dot > 0 ? original.slice(dot) : '';
    const stem = safeFileName((dot > 0 ? original.slice(0, dot) : original).normalize('NFC'))
      .replace(/[. ]+$/, '')
      .trim();
    const base = reservedStem.test(stem.split('.')[0].trim()) ? `_${stem}` : stem;
    for (let copy = 1; ; copy++) {
      const suffix = copy === 1 ? '' : ` (${copy})`;
      const name = `${cut(base, maxStem - suffix.length).replace(/[. ]+$/, '')}${suffix}${extension}`;
      if (taken.has(sameOnDisk(name))) continue;
      taken.add(sameOnDisk(name));
      return name;
    }
  });
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
