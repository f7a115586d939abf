import { z } from 'zod';
import { ExportFile } from './exchange';
import { decisionMethods, decisionOutcomes, actionStatuses, agendaPurposes, Tally } from './meeting';
import { entityId, locales } from './models';
import { sessionKinds } from './sessions';
import { SummaryLearning } from './summary-learning';
import { SummaryScorecard } from './summary-scorecard';
import { SummaryDataItem } from './summary-data-items';
import { noteKinds } from './voice';

/**
 * A session's summary as it may leave the app: consent applied once, when it is built, so every
 * format (HTML, PDF, DOCX, Markdown, CSV, ICS) renders the same redacted facts.
 */
export const summaryFormats = [
  'html',
  'pdf',
  'docx',
  'md',
  'decisions-csv',
  'actions-csv',
  'ics',
  'scorecard-csv',
] as const;
export type SummaryFormat = (typeof summaryFormats)[number];

/** Why something was left out; the redaction preview lists each with a count. */
export const redactionReasons = [
  'voice_internal',
  'voice_withdrawn',
  'voice_pseudonym',
  'lived_experience_unnamed',
  'private_contact',
  // Shared measurement: readings held back by small-group and complementary suppression.
  'reading_small_group',
  'reading_count_unknown',
  'reading_complementary',
  // Learning: stories of the day whose teller asked to keep them inside the backbone.
  'story_internal',
] as const;

export const SummaryVoice = z.object({
  kind: z.enum(noteKinds),
  text: z.string(),
  /** Only when the speaker agreed to be quoted by name; anonymous voice carries none. */
  pseudonym: z.string().nullable(),
});
export type SummaryVoice = z.infer<typeof SummaryVoice>;

export const SessionSummary = z.object({
  language: z.enum(locales),
  direction: z.enum(['ltr', 'rtl']),
  initiativeName: z.string(),
  /** Set on a per-partner summary: only what concerns that partner and their groups is in it. */
  partner: z.object({ id: entityId, name: z.string() }).nullable(),
  session: z.object({
    id: entityId,
    kind: z.enum(sessionKinds),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    topic: z.string(),
    groupName: z.string(),
  }),
  attendance: z.object({
    present: z.number().int(),
    livedExperience: z.number().int(),
    organisations: z.array(z.object({ name: z.string(), sector: z.string(), people: z.number().int() })),
    sectors: z.array(z.object({ sector: z.string(), people: z.number().int() })),
    /** People named in their professional role; people with lived experience are only counted. */
    named: z.array(z.object({ name: z.string(), organisation: z.string() })),
    /** Invited but not checked in, named by the same rule; people with lived experience counted. */
    apologies: z.object({ names: z.array(z.string()), livedExperience: z.number().int() }),
  }),
  agenda: z.array(
    z.object({
      title: z.string(),
      purpose: z.enum(agendaPurposes),
      timeboxMinutes: z.number().int(),
      notes: z.string(),
    }),
  ),
  decisions: z.array(
    z.object({
      text: z.string(),
      agendaItem: z.string(),
      method: z.enum(decisionMethods),
      tally: Tally.required({ fist: true, for: true, against: true, abstain: true, objections: true }),
      outcome: z.enum(decisionOutcomes),
      rationale: z.string(),
      voices: z.array(SummaryVoice),
    }),
  ),
  /**
   * A partner's copy leaves out decisions and actions that do not concern the partner; it says how
   * many, so "none" is never read as "nothing was decided".
   */
  decisionsLeftOut: z.number().int(),
  actions: z.array(
    z.object({
      text: z.string(),
      owner: z.string(),
      dueDate: z.string(),
      group: z.string(),
      status: z.enum(actionStatuses),
    }),
  ),
  actionsLeftOut: z.number().int(),
  parking: z.array(z.object({ text: z.string(), movedTo: z.string() })),
  nextSession: z.object({ title: z.string(), startsAt: z.string(), endsAt: z.string(), place: z.string() }).nullable(),
  redactions: z.array(z.object({ reason: z.enum(redactionReasons), count: z.number().int() })),
  scorecard: SummaryScorecard,
  /** After-action review, shared stories, readiness headline and phase (README "Session summaries"). */
  learning: SummaryLearning,
  /** The agenda's data items: the indicator, the room's reading of it, its voice, decisions, actions. */
  dataItems: z.array(SummaryDataItem),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

const scope = {
  initiativeId: entityId,
  sessionId: entityId,
  /** The summary's language, which may differ from the app's. */
  language: z.enum(locales).default('en'),
  partnerId: entityId.nullable().default(null),
};

export const SummaryRequest = z.object(scope).strict();
export type SummaryRequest = z.input<typeof SummaryRequest>;

export const SummaryPreview = z.object({ summary: SessionSummary, html: z.string() });

export const SummaryExportRequest = z.object({ ...scope, format: z.enum(summaryFormats) }).strict();
export type SummaryExportRequest = z.input<typeof SummaryExportRequest>;

/** The file, and where main wrote it (whole, or not at all). */
export const SummaryFile = ExportFile.extend({ savedTo: z.string() });
export type SummaryFile = z.infer<typeof SummaryFile>;

export const BatchRequest = z
  .object({
    initiativeId: entityId,
    sessionId: entityId,
    language: z.enum(locales).default('en'),
    format: z.enum(['pdf', 'docx', 'md', 'html']),
    /** Every partner who attended or owns an action when empty. */
    partnerIds: z.array(entityId).max(5000).default([]),
    /** `files`: one file per partner in a folder; `zip`: one archive. */
    packaging: z.enum(['files', 'zip']).default('zip'),
  })
  .strict();
export type BatchRequest = z.input<typeof BatchRequest>;

export const BatchStatus = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  /** Files or the zip written, once done. */
  savedTo: z.array(z.string()),
  /** Where to look, once done: the zip, or the folder holding one file per partner. */
  savedIn: z.string(),
  error: z.string(),
});
export type BatchStatus = z.infer<typeof BatchStatus>;

const oneJob = z.object({ jobId: z.string().regex(/^[0-9a-f-]{36}$/, 'must be a job id') }).strict();

export const summaryChannels = {
  /** The summary as it would be exported, with the same HTML the PDF is printed from. */
  'summary.preview': { input: SummaryRequest, output: SummaryPreview },
  'summary.export': { input: SummaryExportRequest, output: SummaryFile },
  /** Per-partner summaries in the background; poll summary.batchStatus, cancel any time. */
  'summary.batchStart': { input: BatchRequest, output: BatchStatus },
  'summary.batchStatus': { input: oneJob, output: BatchStatus },
  'summary.batchCancel': { input: oneJob, output: BatchStatus },
  /**
   * A finished batch as one zip to download (the browser cannot reach the host's folder, and a
   * desktop user should not have to go looking for it); `files` batches are zipped on request.
   */
  'summary.batchFile': { input: oneJob, output: SummaryFile },
} as const;
