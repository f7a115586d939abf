import { z } from 'zod';

/** Limits shared by every form and channel, so the renderer and main refuse the same things. */
export const limits = {
  name: 200,
  shortText: 200,
  /** Generous: a pasted transcript fits. Past it a field keeps the text and says so, never cuts it. */
  longText: 100_000,
  sector: 60,
} as const;

export const phases = [
  'assess_readiness',
  'initiate_action',
  'organise_for_impact',
  'begin_implementation',
  'sustain_action',
] as const;

/** The sectors a facilitator usually counts at the table; a partner may also carry a custom one. */
export const knownSectors = [
  'nonprofit',
  'education',
  'health',
  'government',
  'business',
  'philanthropy',
  'faith',
  'community',
  'media',
  'other',
] as const;

export const partnerKinds = ['organisation', 'person'] as const;

export const locales = ['en', 'es', 'fr', 'ar'] as const;

/** Ids are compared as stored (lower case); an upper-case spelling is folded at the edge. */
export const entityId = z.uuid({ message: 'must be an id made by the app' }).toLowerCase();

/**
 * The id a form made for the record it creates, once per submission: the same id sent again (a
 * double press, a retry) is the same request and answers with the record made the first time.
 */
export const newRecordId = entityId.optional();

const name = z.string().trim().min(1, 'must not be empty').max(limits.name);
const longText = z.string().max(limits.longText);

export const Phase = z.enum(phases);
export const Locale = z.enum(locales);
export type Locale = z.infer<typeof Locale>;

export const Initiative = z.object({
  id: entityId,
  name: z.string(),
  problemStatement: z.string(),
  vision: z.string(),
  populationGoal: z.string(),
  phase: Phase,
  defaultLocale: Locale,
  /** Whether the pseudonym-to-real-name links may travel to the team's other devices by sync. */
  shareRealNames: z.boolean(),
});
export type Initiative = z.infer<typeof Initiative>;

export const InitiativeDraft = z
  .object({
    name,
    problemStatement: longText.default(''),
    vision: longText.default(''),
    populationGoal: longText.default(''),
    phase: Phase.default('assess_readiness'),
    defaultLocale: Locale.default('en'),
  })
  .strict();
export type InitiativeDraft = z.input<typeof InitiativeDraft>;

export const InitiativePatch = z
  .object({
    name,
    problemStatement: longText,
    vision: longText,
    populationGoal: longText,
    phase: Phase,
    defaultLocale: Locale,
    shareRealNames: z.boolean(),
  })
  .partial()
  .strict();
export type InitiativePatch = z.infer<typeof InitiativePatch>;

/** A file in the data folder that could not be opened is listed, not hidden, so nothing seems lost. */
export const InitiativeListEntry = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), id: entityId, name: z.string(), phase: Phase }),
  z.object({
    status: z.literal('unavailable'),
    id: z.string(),
    fileName: z.string(),
    code: z.enum(['db_damaged', 'db_too_new']),
    message: z.string(),
  }),
]);
export type InitiativeListEntry = z.infer<typeof InitiativeListEntry>;

export const Sector = z.string().trim().min(1, 'must not be empty').max(limits.sector);

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  transport: z.enum(['electron', 'host']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Sent by main after a write so renderer stores refetch instead of patching their own copies. */
export const ChangeNotice = z.object({
  initiativeId: z.string(),
  tables: z.array(z.string()),
  /** The initiative's file was found damaged while in use: it is closed and listed as unavailable. */
  damaged: z.literal(true).optional(),
});
export type ChangeNotice = z.infer<typeof ChangeNotice>;
