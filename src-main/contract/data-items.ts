import { z } from 'zod';
import { Indicator, Period } from './measures';
import { entityId, limits, newRecordId } from './models';
import { noteKinds } from './voice';

/**
 * Reading the data together: an agenda item that shows an indicator (a data item), the story
 * behind its curve (what helps, what holds it back), community voice linked to it, and the trail
 * from an indicator to the sessions, voice, decisions and actions that came from it.
 */
export const factorKinds = ['helps', 'holds_back'] as const;
export type FactorKind = (typeof factorKinds)[number];

const factorText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(limits.shortText * 5);

/** One figure of the room's table: the total (no label) or one group. */
export const ReadingLine = z.object({
  categoryIds: z.array(entityId),
  /** The categories' names joined, in the indicator's dimension order; empty for the total. */
  label: z.string(),
  /** null when the figure is held back as a small group (see `heldBack`). */
  value: z.number().nullable(),
  count: z.number().int().nullable(),
  heldBack: z.boolean(),
});
export type ReadingLine = z.infer<typeof ReadingLine>;

/** What the room sees of an indicator: its latest period, by group, against baseline and target. */
export const IndicatorSnapshot = z.object({
  indicator: Indicator,
  /** The latest period with any reading; null when none was entered yet. */
  period: z.string().nullable(),
  total: ReadingLine.nullable(),
  groups: z.array(ReadingLine),
  /** The target set for that period, if any. */
  target: z.number().nullable(),
  /** Periods with readings, oldest first, for linking a voice note to one of them. */
  periods: z.array(z.string()),
  smallGroupThreshold: z.number().int(),
});
export type IndicatorSnapshot = z.infer<typeof IndicatorSnapshot>;

export const CurveFactor = z.object({
  id: entityId,
  indicatorId: entityId,
  sessionId: entityId,
  agendaItemId: entityId.nullable(),
  kind: z.enum(factorKinds),
  text: z.string(),
});
export type CurveFactor = z.infer<typeof CurveFactor>;

/** A voice note as it may be shown beside an indicator: consent applied, no name unless named. */
export const LinkableNote = z.object({
  noteId: entityId,
  kind: z.enum(noteKinds),
  text: z.string(),
  /** Only when the note may be quoted with its pseudonym. */
  pseudonym: z.string().nullable(),
  focusGroupName: z.string(),
  capturedAt: z.string(),
});
export type LinkableNote = z.infer<typeof LinkableNote>;

export const VoiceLink = LinkableNote.extend({
  linkId: z.string(),
  indicatorId: entityId,
  /** The one period the note speaks to; null for the indicator as a whole. */
  period: z.string().nullable(),
  sessionTitle: z.string(),
});
export type VoiceLink = z.infer<typeof VoiceLink>;

export const DataItemView = z.object({
  itemId: entityId,
  sessionId: entityId,
  /** null when the item shows no indicator, or its indicator was deleted. */
  snapshot: IndicatorSnapshot.nullable(),
  /** What this session said helps or holds the indicator back. */
  factors: z.array(CurveFactor),
  /** Every voice note linked to the indicator that may still be shown. */
  voice: z.array(VoiceLink),
  /** Links whose note may no longer be shown (withdrawn, made internal, deleted): counted, not shown. */
  hiddenVoice: z.number().int(),
});
export type DataItemView = z.infer<typeof DataItemView>;

const sessionRef = { sessionId: entityId, sessionTitle: z.string(), startsAt: z.string() };

export const IndicatorTrail = z.object({
  indicatorId: entityId,
  /** Agenda items that showed the indicator, newest session first. */
  talkedAbout: z.array(z.object({ ...sessionRef, itemId: entityId, itemTitle: z.string() })),
  factors: z.array(CurveFactor.extend({ sessionTitle: z.string() })),
  voice: z.array(VoiceLink),
  hiddenVoice: z.number().int(),
  decisions: z.array(z.object({ ...sessionRef, decisionId: entityId, text: z.string(), outcome: z.string() })),
  actions: z.array(
    z.object({ ...sessionRef, actionId: entityId, text: z.string(), status: z.string(), dueDate: z.string() }),
  ),
});
export type IndicatorTrail = z.infer<typeof IndicatorTrail>;

/** Which indicator a decision or an action came from, for the decisions log and action tracker. */
export const IndicatorSources = z.object({
  decisions: z.array(z.object({ decisionId: entityId, indicatorId: entityId, indicatorName: z.string() })),
  actions: z.array(z.object({ actionId: entityId, indicatorId: entityId, indicatorName: z.string() })),
});
export type IndicatorSources = z.infer<typeof IndicatorSources>;

const inInitiative = { initiativeId: entityId };
const oneItem = z.object({ ...inInitiative, itemId: entityId }).strict();
const oneFactor = z.object({ ...inInitiative, factorId: entityId }).strict();

/** Data items' channels; spread at the end of the one channel map in channels.ts. */
export const dataItemChannels = {
  /** Everything a data item shows in meeting mode, in one answer. */
  'dataItems.view': { input: oneItem, output: DataItemView },
  'dataItems.addFactor': {
    input: z
      .object({ ...inInitiative, itemId: entityId, kind: z.enum(factorKinds), text: factorText, id: newRecordId })
      .strict(),
    output: CurveFactor,
    write: true,
  },
  'dataItems.updateFactor': {
    input: z.object({ ...inInitiative, factorId: entityId, text: factorText }).strict(),
    output: CurveFactor,
    write: true,
  },
  'dataItems.deleteFactor': { input: oneFactor, output: z.object({ factorId: entityId }), write: true },
  /** Voice notes that may be shown at the table (consent applied), newest first, matching the words. */
  'dataItems.shareableNotes': {
    input: z.object({ ...inInitiative, query: z.string().max(200).default('') }).strict(),
    output: z.array(LinkableNote),
  },
  /** Links a shareable note to the item's indicator, or to one period of it. */
  'dataItems.linkVoice': {
    input: z.object({ ...inInitiative, itemId: entityId, noteId: entityId, period: Period.nullable() }).strict(),
    output: VoiceLink,
    write: true,
  },
  'dataItems.unlinkVoice': {
    input: z.object({ ...inInitiative, linkId: z.string().min(1).max(80) }).strict(),
    output: z.object({ linkId: z.string() }),
    write: true,
  },
  /** From an indicator to the sessions, voice, decisions and actions that came from it. */
  'dataItems.indicatorTrail': {
    input: z.object({ ...inInitiative, indicatorId: entityId }).strict(),
    output: IndicatorTrail,
  },
  'dataItems.sources': { input: z.object(inInitiative).strict(), output: IndicatorSources },
  /** From the Measures section: links a shareable note to an indicator, or to one period of it. */
  'dataItems.linkVoiceToIndicator': {
    input: z.object({ ...inInitiative, indicatorId: entityId, noteId: entityId, period: Period.nullable() }).strict(),
    output: VoiceLink,
    write: true,
  },
} as const;
