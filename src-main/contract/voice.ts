import { z } from 'zod';
import { entityId, limits } from './models';
import { LocalDate } from './sessions';

/**
 * Community voice: focus-group participants under pseudonyms, their consent, the notes taken while
 * they speak, and the codebook of themes. Consent travels with every note: the stricter of the
 * note's own level and its participant's decides where the note may appear.
 */
export const consentLevels = ['named', 'anonymous', 'internal'] as const;
export type ConsentLevel = (typeof consentLevels)[number];
export const noteKinds = ['quote', 'observation', 'concern', 'idea'] as const;
export type NoteKind = (typeof noteKinds)[number];

/** How strict a consent level is: a note may only move up this scale from its participant's. */
export function consentRank(level: ConsentLevel): number {
  return consentLevels.indexOf(level);
}

export function stricterConsent(a: ConsentLevel, b: ConsentLevel): ConsentLevel {
  return consentRank(a) >= consentRank(b) ? a : b;
}

const pseudonym = z.string().trim().min(1, 'must not be empty').max(60);
const noteText = z.string().max(limits.longText);
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #1f6f5c');

/**
 * Deleting a note erases its words (see store/erasure.ts); the Undo right after gives them back
 * from what the screen still shows.
 */
export const NoteRestore = z.object({ initiativeId: entityId, noteId: entityId, text: noteText.optional() }).strict();

export const Participant = z.object({
  id: entityId,
  focusGroupId: entityId,
  pseudonym: z.string(),
  consent: z.enum(consentLevels),
  consentDate: z.string(),
  /** Who took the consent: the leader's name as they typed it. */
  consentRecordedBy: z.string(),
  withdrawn: z.boolean(),
  withdrawnAt: z.string(),
  /** Whether a real name is linked; the name itself only comes from participants.realName. */
  hasRealName: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

const participantFields = {
  pseudonym,
  consent: z.enum(consentLevels),
  consentDate: LocalDate,
  consentRecordedBy: z.string().max(limits.shortText),
};

export const ParticipantDraft = z
  .object({
    focusGroupId: entityId,
    /** Left out, the app makes up a pronounceable one nobody else in the group has. */
    pseudonym: pseudonym.optional(),
    consent: participantFields.consent.default('anonymous'),
    consentDate: LocalDate.default(''),
    consentRecordedBy: participantFields.consentRecordedBy.default(''),
  })
  .strict();
export type ParticipantDraft = z.input<typeof ParticipantDraft>;

export const ParticipantPatch = z.object(participantFields).partial().strict();
export type ParticipantPatch = z.infer<typeof ParticipantPatch>;

export const RealName = z.object({ participantId: entityId, realName: z.string() });

/** Where a note was carried: a session, shown with its title and date. */
export const CarriedTo = z.object({ sessionId: entityId, title: z.string(), startsAt: z.string() });

export const VoiceNote = z.object({
  id: entityId,
  focusGroupId: entityId,
  sessionId: entityId.nullable(),
  participantId: entityId.nullable(),
  /**
   * The participant's pseudonym where it may be shown: always on the focus group's own screens,
   * and elsewhere only when the note's consent is `named`.
   */
  pseudonym: z.string().nullable(),
  kind: z.enum(noteKinds),
  text: z.string(),
  /** The level in force: the stricter of the note's own and its participant's. */
  consent: z.enum(consentLevels),
  /** The level set on the note itself. */
  ownConsent: z.enum(consentLevels),
  capturedAt: z.string(),
  themeIds: z.array(entityId),
  carriedTo: z.array(CarriedTo),
  /** Decisions that name this note among the voices that informed them. */
  citedBy: z.array(z.object({ decisionId: entityId, text: z.string(), sessionTitle: z.string() })),
  /** Only ever true on the focus group's own screens; everywhere else such notes are left out. */
  withdrawn: z.boolean(),
});
export type VoiceNote = z.infer<typeof VoiceNote>;

/** The capture line's note in progress, saved on every keystroke until Enter files it. */
export const NoteDraftSave = z
  .object({
    focusGroupId: entityId,
    /** Absent on the first keystroke; the answer carries the id to send from then on. */
    noteId: entityId.optional(),
    sessionId: entityId.nullable().default(null),
    participantId: entityId.nullable().default(null),
    kind: z.enum(noteKinds).default('quote'),
    text: noteText.default(''),
    consent: z.enum(consentLevels).optional(),
    themeIds: z.array(entityId).max(50).default([]),
  })
  .strict();

export const NoteDraft = z.object({
  id: entityId,
  sessionId: entityId.nullable(),
  participantId: entityId.nullable(),
  kind: z.enum(noteKinds),
  text: z.string(),
  consent: z.enum(consentLevels),
  themeIds: z.array(entityId),
});
export type NoteDraft = z.infer<typeof NoteDraft>;

export const NotePatch = z
  .object({
    sessionId: entityId.nullable(),
    participantId: entityId.nullable(),
    kind: z.enum(noteKinds),
    text: noteText,
    consent: z.enum(consentLevels),
  })
  .partial()
  .strict();
export type NotePatch = z.infer<typeof NotePatch>;

export const Theme = z.object({
  id: entityId,
  name: z.string(),
  colour: z.string(),
  description: z.string(),
  /** The theme it sits under in the codebook (a nested code); null at the top. */
  parentId: entityId.nullable(),
  /** false for a category that only groups other themes (REFI-QDA's isCodable). */
  codable: z.boolean(),
  /** Notes tagged with it that may be shown outside their focus group. */
  noteCount: z.number().int(),
});
export type Theme = z.infer<typeof Theme>;

const themeFields = {
  name: z.string().trim().min(1, 'must not be empty').max(100),
  colour,
  description: z.string().max(limits.longText),
};
export const ThemeDraft = z
  .object({ ...themeFields, colour: colour.default('#8a5a00'), description: themeFields.description.default('') })
  .strict();
export type ThemeDraft = z.input<typeof ThemeDraft>;
export const ThemePatch = z.object(themeFields).partial().strict();
export type ThemePatch = z.infer<typeof ThemePatch>;

/** A quote as it may be shown outside its focus group: anonymous ones carry no pseudonym. */
export const SharedQuote = z.object({
  noteId: entityId,
  focusGroupId: entityId,
  text: z.string(),
  kind: z.enum(noteKinds),
  consent: z.enum(['named', 'anonymous']),
  pseudonym: z.string().nullable(),
});
export type SharedQuote = z.infer<typeof SharedQuote>;

export const ThemeReport = z.array(
  z.object({
    themeId: entityId,
    total: z.number().int(),
    perFocusGroup: z.array(z.object({ focusGroupId: entityId, count: z.number().int() })),
    quotes: z.array(SharedQuote),
  }),
);
export type ThemeReport = z.infer<typeof ThemeReport>;

export const SearchRequest = z
  .object({
    initiativeId: entityId,
    query: z.string().max(500).default(''),
    /** Searching inside one focus group is that group's own screen: internal-only notes show. */
    focusGroupId: entityId.optional(),
    themeId: entityId.optional(),
    kind: z.enum(noteKinds).optional(),
    consent: z.enum(consentLevels).optional(),
    participantId: entityId.optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type SearchRequest = z.input<typeof SearchRequest>;

/** A piece of a highlighted snippet; `match` pieces are what the query found. */
export const SnippetPart = z.object({ text: z.string(), match: z.boolean() });

export const SearchResult = z.object({
  hits: z.array(z.object({ note: VoiceNote, snippet: z.array(SnippetPart) })),
  /** Matches counted up to `countCap`; above it `more` is true and the count stops there. */
  total: z.number().int(),
  more: z.boolean(),
  tookMs: z.number(),
});
/** Past this many matches a search stops counting, and lists the newest instead of the best. */
export const countCap = 1_000;
export type SearchResult = z.infer<typeof SearchResult>;

export const codebookWarnings = [
  'duplicate_id',
  'new_id',
  'bad_colour',
  'no_name',
  'shortened',
  'renamed',
  'sets_skipped',
  'more',
] as const;

export const QdcImportOutcome = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** What the file held that did not come in as it was, for the import screen to say. */
  warnings: z.array(z.object({ code: z.enum(codebookWarnings), name: z.string() })),
});
export type QdcImportOutcome = z.infer<typeof QdcImportOutcome>;
