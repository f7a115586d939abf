import { AppError } from '../contract/result';

/**
 * What the disk and SQLite say when a write cannot happen, turned into words a facilitator can act
 * on. Two cases matter, because the person can do something about each: the file is damaged
 * (restore a backup) and the disk is full (make room). Everything else stays "something went wrong".
 */

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLITE_CORRUPT and its extended codes (…_INDEX, …_SEQUENCE, …_VTAB), and a file that is not a database. */
export function isDamage(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

/**
 * SQLite says SQLITE_FULL when the disk refused to grow a file; a failed write itself comes back as
 * SQLITE_IOERR_WRITE. Node's file writes say ENOSPC, or EDQUOT when a quota is what ran out.
 */
export function isDiskFull(error: unknown): boolean {
  return ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'ENOSPC', 'EDQUOT'].includes(codeOf(error));
}

export const diskFullMessage =
  'The disk is full, so this was not saved. Everything saved before is safe. Free some space, then try again.';

export const damagedMessage =
  'This initiative’s file turned out to be damaged while it was in use, so this was not saved. ' +
  'Restore its newest good backup.';

/** The AppError to answer with for a storage failure, or null when the error is something else. */
export function storageFailure(error: unknown): AppError | null {
  if (error instanceof AppError) return null;
  if (isDiskFull(error)) return new AppError('disk_full', diskFullMessage);
  if (isDamage(error)) return new AppError('db_damaged', damagedMessage);
  return null;
}
