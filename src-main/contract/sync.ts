import { z } from 'zod';
import { entityId } from './models';

/** What Settings → Sync shows: plain facts, worded in the renderer. */
export const SyncStatus = z.object({
  configured: z.boolean(),
  hubUrl: z.string(),
  /** never: not synced yet; ok: the last sync finished; offline: the hub could not be reached; error: see error. */
  state: z.enum(['never', 'ok', 'offline', 'error']),
  syncing: z.boolean(),
  /** ISO time of the last sync that finished. */
  lastSyncedAt: z.string().nullable(),
  /** Changes saved here since the last finished sync. */
  pendingChanges: z.number().int().nonnegative(),
  /** The last sync found a device whose clock runs far ahead of this one. */
  clockWarning: z.boolean(),
  conflictCopies: z.number().int().nonnegative(),
  /** Synced changes this device could not open or read, kept aside so sync goes on. */
  setAside: z.number().int().nonnegative(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /**
   * While a sync runs: messages received and sent so far. `total` is known while sending (this
   * device counts what it will send); while receiving it is null, as the hub does not say.
   */
  progress: z
    .object({
      phase: z.enum(['receiving', 'sending']),
      received: z.number().int().nonnegative(),
      sent: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
    })
    .nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/**
 * SyncStatus.error's code when a sync reached the roundtable hub this laptop hosts but not the
 * team's hub (a room without internet): state is 'ok', and the changes stay pending for that hub.
 */
export const roomOnlyCode = 'room_only';

export const minPassphraseChars = 10;

const hubAddress = z.url({ protocol: /^https?$/, message: 'must start with https:// or http://' }).max(500);
const teamPassphrase = z.string().min(minPassphraseChars, `must be at least ${minPassphraseChars} characters`).max(200);

export const SyncSettings = z
  .object({
    initiativeId: entityId,
    /** Empty for bundle files only. */
    hubUrl: z.union([z.literal(''), hubAddress]),
    passphrase: teamPassphrase,
    /**
     * From the hub's operator; needed only by the first computer that puts this initiative on the
     * hub. Typed by a person: either case, dashes and spaces allowed; the hub checks it.
     */
    enrolmentKey: z
      .string()
      .trim()
      .max(60)
      .regex(/^[0-9A-Za-z \t-]*$/, 'must be the enrolment key from the hub: letters, digits and dashes')
      .optional(),
  })
  .strict();

/**
 * A second computer joins an initiative from the hub alone: the sync id (the initiative's id, shown
 * in Settings → Sync on a computer that has it) and the team passphrase are all it needs.
 */
/** A roundtable code as typed (see src-main/sync/lan-code.ts): checked in full when it is read. */
const roundtableCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z \t-]{3,59}$/, 'must be a hub address (https://…) or a roundtable code');

export const JoinFromHub = z
  .object({
    /** The hub's address, or the roundtable code of a hub hosted by a laptop in the room. */
    hubUrl: z.union([hubAddress, roundtableCode]),
    syncId: entityId,
    passphrase: teamPassphrase,
    /** An extra access key some hubs ask for (a hub on the local network), kept with the sync settings. */
    hubKey: z.string().trim().min(1, 'must not be empty').max(200).optional(),
  })
  .strict();
export type JoinFromHub = z.infer<typeof JoinFromHub>;

export const BundleRequest = z.object({ initiativeId: entityId, everything: z.boolean() }).strict();
export const BundleFile = z.object({ fileName: z.string(), contentBase64: z.string(), messages: z.number().int() });
/** A bundle of 64 MiB at most, sent as base64. */
export const maxBundleBytes = 64 * 1024 * 1024;
export const BundleUpload = z
  .object({
    initiativeId: entityId,
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil(maxBundleBytes / 3) * 4),
  })
  .strict();
export const BundleOutcome = z.object({ added: z.number().int(), duplicates: z.number().int() });

export const ConflictCopy = z.object({
  /** The lost version's timestamp: its id. */
  id: z.string(),
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  text: z.string(),
  /** ISO time the lost version was typed. */
  writtenAt: z.string(),
  currentText: z.string().nullable(),
});
export type ConflictCopy = z.infer<typeof ConflictCopy>;
export const conflictId = z
  .string()
  .max(60)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/, 'must be a conflict copy id');
