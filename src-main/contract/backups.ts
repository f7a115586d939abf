import { z } from 'zod';
import { entityId } from './models';

export const BackupEntry = z.object({
  fileName: z.string(),
  /** ISO time the backup was taken (UTC). */
  takenAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Passed a fresh quick_check when listed. */
  ok: z.boolean(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

/** Backup names are made by the app; anything else (paths, `..`) is refused before a handler runs. */
export const backupFileName = z
  .string()
  .max(40)
  .regex(/^\d{8}T\d{9}Z(?:-\d{1,3})?\.sqlite$/, 'must be the name of a backup');

export const RestoreOutcome = z.object({
  initiativeId: entityId,
  restoredFrom: z.string(),
  /** Where the file that was replaced now lives (kept, never deleted), inside the initiatives folder. */
  keptAs: z.string(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;

/** A whole initiative file: 100 MiB at most, sent as base64. */
export const maxInitiativeFileBytes = 100 * 1024 * 1024;
export const InitiativeFileUpload = z
  .object({
    fileName: z.string().max(260),
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil(maxInitiativeFileBytes / 3) * 4),
    /** Opens a sealed export; a plain SQLite file (a backup copied by hand) needs none. */
    passphrase: z.string().max(1024).default(''),
  })
  .strict();
/** Seals a whole-initiative export; the same rule as the sync passphrase. */
export const FilePassphrase = z.string().min(10, 'use at least 10 characters').max(1024);
