import { z } from 'zod';
import { ExportFile } from './exchange';
import { entityId, knownSectors, limits, locales, newRecordId, Phase } from './models';

/**
 * Readiness, phases and learning: instruments (sections of items people rate), rounds of rating
 * sheets entered from paper, their results, and the phase tracker with its benchmarks.
 */

/** How an item is rated: how far along it is, or how much people agree it holds. Both run 1..4. */
export const readinessScales = ['progress', 'agreement'] as const;
export type ReadinessScale = (typeof readinessScales)[number];
export const levelCount = 4;
export const importanceCount = 5;
/** Groups with fewer raters than this are folded into the whole, never shown on their own. */
export const smallGroupRaters = 3;

/** A level 1..4 on the 1..5 importance scale, so the two can be compared: 1 -> 1, 4 -> 5. */
export function levelOutOfFive(level: number): number {
  return 1 + ((level - 1) * 4) / (levelCount - 1);
}

/** A difference between residents and agencies this large (in levels) is worth a look. */
export const notableDifference = 0.75;

/** A built-in text in every language the app speaks; the screen picks the one it shows in. */
export const LocalText = z.object(
  Object.fromEntries(locales.map((locale) => [locale, z.string()])) as {
    [L in (typeof locales)[number]]: z.ZodString;
  },
);
export type LocalText = z.infer<typeof LocalText>;

const name = z.string().trim().min(1, 'must not be empty').max(limits.name);
const itemText = z.string().trim().min(1, 'must not be empty').max(1000);
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-12-06');

export const ReadinessItem = z.object({
  id: entityId,
  sectionId: entityId,
  /** What someone typed (a custom item, or a built-in one edited); empty for an unedited built-in. */
  text: z.string(),
  builtinText: LocalText.nullable(),
});
export type ReadinessItem = z.infer<typeof ReadinessItem>;

export const ReadinessSection = z.object({
  id: entityId,
  title: z.string(),
  builtinTitle: LocalText.nullable(),
  items: z.array(ReadinessItem),
});
export type ReadinessSection = z.infer<typeof ReadinessSection>;

export const Instrument = z.object({
  id: entityId,
  name: z.string(),
  builtinName: LocalText.nullable(),
  scale: z.enum(readinessScales),
  ratesImportance: z.boolean(),
  builtIn: z.boolean(),
  sections: z.array(ReadinessSection),
});
export type Instrument = z.infer<typeof Instrument>;

export const InstrumentDraft = z
  .object({
    name,
    scale: z.enum(readinessScales).default('progress'),
    ratesImportance: z.boolean().default(true),
    sections: z
      .array(z.object({ title: name, items: z.array(itemText).min(1).max(100) }).strict())
      .min(1)
      .max(20),
  })
  .strict();
export type InstrumentDraft = z.input<typeof InstrumentDraft>;

export const Round = z.object({
  id: entityId,
  instrumentId: entityId,
  title: z.string(),
  heldOn: z.string(),
  sheets: z.number().int(),
});
export type Round = z.infer<typeof Round>;

export const RoundDraft = z.object({ instrumentId: entityId, title: name, heldOn: isoDate }).strict();
export type RoundDraft = z.input<typeof RoundDraft>;

/** One item's answer on a sheet: a level 1..4 and, when the instrument asks, importance 1..5. */
export const Answer = z
  .object({
    level: z.number().int().min(1).max(levelCount).nullable(),
    importance: z.number().int().min(1).max(importanceCount).nullable().default(null),
  })
  .strict();
export type Answer = z.infer<typeof Answer>;

export const RaterSector = z.enum(knownSectors);

export const SheetDraft = z
  .object({
    sector: RaterSector,
    livedExperience: z.boolean(),
    answers: z.record(entityId, Answer).refine((answers) => Object.keys(answers).length <= 500, 'too many answers'),
  })
  .strict();
export type SheetDraft = z.input<typeof SheetDraft>;

export const Sheet = z.object({
  id: entityId,
  roundId: entityId,
  sector: RaterSector,
  livedExperience: z.boolean(),
  answers: z.record(z.string(), Answer),
  enteredAt: z.string(),
});
export type Sheet = z.infer<typeof Sheet>;

/** A group's view of an item, or only the fact that it is too small to show on its own. */
export const GroupView = z.discriminatedUnion('shown', [
  z.object({ shown: z.literal(true), raters: z.number().int(), meanLevel: z.number() }),
  z.object({ shown: z.literal(false) }),
]);
export type GroupView = z.infer<typeof GroupView>;

export const ItemResult = z.object({
  itemId: entityId,
  sectionId: entityId,
  /** Raters who gave this item a level. */
  raters: z.number().int(),
  /** How many raters chose each level, level 1 first. */
  spread: z.array(z.number().int()),
  meanLevel: z.number().nullable(),
  meanImportance: z.number().nullable(),
  /** Importance minus how well it is done, both out of 5; positive means it matters more than it is done. */
  gap: z.number().nullable(),
  residents: GroupView,
  agencies: GroupView,
  /** Residents' mean level minus agencies', when both groups are shown. */
  difference: z.number().nullable(),
  /** Mean level minus the previous round's, when both rounds rated the item. */
  change: z.number().nullable(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const RoundResults = z.object({
  roundId: entityId,
  previousRoundId: entityId.nullable(),
  sheets: z.number().int(),
  /** How many sheets came from residents and from agencies; null when fewer than three (not shown). */
  residentSheets: z.number().int().nullable(),
  agencySheets: z.number().int().nullable(),
  items: z.array(ItemResult),
});
export type RoundResults = z.infer<typeof RoundResults>;

export const evidenceKinds = ['decision', 'session', 'indicator', 'note'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const Benchmark = z.object({
  id: entityId,
  phase: Phase,
  text: LocalText,
  met: z.boolean(),
  metOn: z.string().nullable(),
  evidenceKind: z.enum(evidenceKinds).nullable(),
  evidenceId: entityId.nullable(),
  /** The linked record's title as it reads now, or the note written as evidence. */
  evidenceText: z.string(),
});
export type Benchmark = z.infer<typeof Benchmark>;

export const PhaseStep = z.object({ id: entityId, phase: Phase, enteredOn: z.string(), note: z.string() });
export type PhaseStep = z.infer<typeof PhaseStep>;

export const PhaseTracker = z.object({
  phase: Phase,
  benchmarks: z.array(Benchmark),
  /** Oldest first. */
  history: z.array(PhaseStep),
});
export type PhaseTracker = z.infer<typeof PhaseTracker>;

export const EvidenceChoice = z.object({ kind: z.enum(evidenceKinds), id: entityId, label: z.string() });
export type EvidenceChoice = z.infer<typeof EvidenceChoice>;

/** A benchmark marked met needs its evidence: a linked record, or for a note the note's words. */
export const BenchmarkMark = z
  .object({
    met: z.boolean(),
    metOn: isoDate.nullable().default(null),
    evidenceKind: z.enum(evidenceKinds).nullable().default(null),
    evidenceId: entityId.nullable().default(null),
    evidenceText: z.string().max(limits.longText).default(''),
  })
  .strict()
  .refine((mark) => !mark.met || (mark.metOn !== null && mark.evidenceKind !== null), {
    message: 'a met benchmark needs a date and its evidence',
    path: ['evidenceKind'],
  })
  .refine(
    (mark) => !mark.met || (mark.evidenceKind === 'note' ? mark.evidenceText.trim() !== '' : mark.evidenceId !== null),
    { message: 'the evidence must name a record, or for a note say what it is', path: ['evidenceId'] },
  );
export type BenchmarkMark = z.input<typeof BenchmarkMark>;

/** What was planned, what happened, why the difference, what next: one per session. */
export const AfterActionReview = z.object({
  sessionId: entityId,
  planned: z.string(),
  happened: z.string(),
  whyDifferent: z.string(),
  nextSteps: z.string(),
  /** Empty until something is written. */
  reviewedOn: z.string(),
});
export type AfterActionReview = z.infer<typeof AfterActionReview>;

const reviewText = z.string().max(limits.longText);
export const ReviewPatch = z
  .object({ planned: reviewText, happened: reviewText, whyDifferent: reviewText, nextSteps: reviewText })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to save');
export type ReviewPatch = z.input<typeof ReviewPatch>;

/** Another collaboration in town: its goal, who convenes it, which of our partners sit there. */
export const Collaboration = z.object({
  id: entityId,
  name: z.string(),
  goal: z.string(),
  convener: z.string(),
  partnerIds: z.array(entityId),
});
export type Collaboration = z.infer<typeof Collaboration>;

export const CollaborationDraft = z
  .object({
    name,
    goal: z.string().max(2000).default(''),
    convener: z.string().max(limits.shortText).default(''),
    partnerIds: z.array(entityId).max(500).default([]),
  })
  .strict();
export type CollaborationDraft = z.input<typeof CollaborationDraft>;

export const TablesReport = z.object({
  /** Partners who sit on at least two other tables, most tables first. */
  busyPartners: z.array(z.object({ partnerId: entityId, name: z.string(), tables: z.array(z.string()) })),
  /** Pairs of collaborations whose goals share words that matter, most shared first. */
  overlaps: z.array(
    z.object({
      first: z.string(),
      second: z.string(),
      sharedWords: z.array(z.string()),
      sharedPartners: z.number().int(),
    }),
  ),
});
export type TablesReport = z.infer<typeof TablesReport>;

/** How a story may be used: with the teller's name, without it, or only inside the backbone. */
export const storyConsents = ['named', 'anonymous', 'internal'] as const;

export const StoryChoice = z.object({ id: entityId, roundTitle: z.string(), reason: z.string(), chosenOn: z.string() });
export const ChangeStory = z.object({
  id: entityId,
  title: z.string(),
  story: z.string(),
  consent: z.enum(storyConsents),
  collectedOn: z.string(),
  /** The selection rounds that chose it, oldest first. */
  choices: z.array(StoryChoice),
});
export type ChangeStory = z.infer<typeof ChangeStory>;

export const StoryDraft = z
  .object({
    title: name,
    story: z.string().trim().min(1, 'must not be empty').max(limits.longText),
    /** No default: a story is kept only once the teller's consent is recorded. */
    consent: z.enum(storyConsents),
    collectedOn: isoDate,
  })
  .strict();
export type StoryDraft = z.input<typeof StoryDraft>;

export const ChoiceDraft = z
  .object({
    storyId: entityId,
    roundTitle: name,
    reason: z.string().trim().min(1, 'must say why').max(limits.longText),
    chosenOn: isoDate,
  })
  .strict();
export type ChoiceDraft = z.input<typeof ChoiceDraft>;

const inInitiative = { initiativeId: entityId };
const initiativeOnly = z.object(inInitiative).strict();
const oneRound = z.object({ ...inInitiative, roundId: entityId }).strict();
const oneItem = z.object({ ...inInitiative, itemId: entityId }).strict();

export const readinessChannels = {
  'readiness.instruments.list': { input: initiativeOnly, output: z.array(Instrument) },
  'readiness.instruments.create': {
    input: z.object({ ...inInitiative, instrument: InstrumentDraft, id: newRecordId }).strict(),
    output: Instrument,
    write: true,
  },
  /** Saves an item's words as typed; a built-in item keeps its id, so its ratings stay with it. */
  'readiness.items.update': {
    input: z.object({ ...inInitiative, itemId: entityId, text: itemText }).strict(),
    output: Instrument,
    write: true,
  },
  'readiness.items.add': {
    input: z.object({ ...inInitiative, sectionId: entityId, text: itemText, id: newRecordId }).strict(),
    output: Instrument,
    write: true,
  },
  'readiness.items.delete': { input: oneItem, output: Instrument, write: true },
  'readiness.rounds.list': { input: initiativeOnly, output: z.array(Round) },
  'readiness.rounds.create': {
    input: z.object({ ...inInitiative, round: RoundDraft, id: newRecordId }).strict(),
    output: Round,
    write: true,
  },
  'readiness.sheets.list': { input: oneRound, output: z.array(Sheet) },
  /** One rater's sheet, all answers at once; the same id again replaces it (a correction). */
  'readiness.sheets.save': {
    input: z.object({ ...inInitiative, roundId: entityId, sheet: SheetDraft, id: newRecordId }).strict(),
    output: Sheet,
    write: true,
  },
  'readiness.sheets.delete': {
    input: z.object({ ...inInitiative, sheetId: entityId }).strict(),
    output: z.object({ sheetId: entityId }),
    write: true,
  },
  'readiness.results': { input: oneRound, output: RoundResults },
  'readiness.phases.get': { input: initiativeOnly, output: PhaseTracker },
  'readiness.phases.move': {
    input: z
      .object({ ...inInitiative, phase: Phase, enteredOn: isoDate, note: z.string().max(limits.longText).default('') })
      .strict(),
    output: PhaseTracker,
    write: true,
  },
  'readiness.benchmarks.mark': {
    input: z.object({ ...inInitiative, benchmarkId: entityId, mark: BenchmarkMark }).strict(),
    output: PhaseTracker,
    write: true,
  },
  /** Decisions, sessions and indicators a benchmark can point to as its evidence. */
  'readiness.evidence.choices': { input: initiativeOnly, output: z.array(EvidenceChoice) },
  'readiness.reviews.get': {
    input: z.object({ ...inInitiative, sessionId: entityId }).strict(),
    output: AfterActionReview,
  },
  'readiness.reviews.save': {
    input: z.object({ ...inInitiative, sessionId: entityId, patch: ReviewPatch }).strict(),
    output: AfterActionReview,
    write: true,
  },
  'readiness.tables.list': { input: initiativeOnly, output: z.array(Collaboration) },
  'readiness.tables.create': {
    input: z.object({ ...inInitiative, collaboration: CollaborationDraft, id: newRecordId }).strict(),
    output: Collaboration,
    write: true,
  },
  'readiness.tables.delete': {
    input: z.object({ ...inInitiative, collaborationId: entityId }).strict(),
    output: z.object({ collaborationId: entityId }),
    write: true,
  },
  'readiness.tables.report': { input: initiativeOnly, output: TablesReport },
  'readiness.stories.list': { input: initiativeOnly, output: z.array(ChangeStory) },
  'readiness.stories.add': {
    input: z.object({ ...inInitiative, story: StoryDraft, id: newRecordId }).strict(),
    output: ChangeStory,
    write: true,
  },
  /** Records that a selection round chose a story, and why. */
  'readiness.stories.choose': {
    input: z.object({ ...inInitiative, choice: ChoiceDraft }).strict(),
    output: ChangeStory,
    write: true,
  },
  /** A round's results as a report for partners, PDF or Word, in the language asked for. */
  'readiness.report': {
    input: z
      .object({ ...inInitiative, roundId: entityId, format: z.enum(['pdf', 'docx']), locale: z.enum(locales) })
      .strict(),
    output: ExportFile,
  },
} as const;
