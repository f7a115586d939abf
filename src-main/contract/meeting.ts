import { z } from 'zod';
import { entityId, limits } from './models';
import { Session, LocalDate } from './sessions';

/**
 * Meeting mode: a session's agenda, who came, what was decided and by what method, who does what
 * by when, the parking lot, and the live state (current item and timer) that lets a facilitator
 * reopen the app after a crash exactly where the meeting was.
 */
export const agendaPurposes = ['inform', 'discuss', 'decide'] as const;
export const decisionMethods = ['consensus', 'consent', 'fist_to_five', 'majority'] as const;
export const decisionOutcomes = ['agreed', 'not_agreed', 'deferred'] as const;
export const actionStatuses = ['open', 'done'] as const;
export type DecisionMethod = (typeof decisionMethods)[number];

const title = z.string().trim().min(1, 'must not be empty').max(limits.name);
const longText = z.string().max(limits.longText);
/** A count of hands or fingers: a table is never bigger than this. */
const count = z.number().int().min(0).max(10_000);
/** A timebox of 0 minutes would be over the moment the item starts: at least one minute. */
const timebox = z.number().int().min(1, 'must be at least one minute').max(600);

export const AgendaItem = z.object({
  id: entityId,
  sessionId: entityId,
  position: z.number().int(),
  title: z.string(),
  presenterId: entityId.nullable(),
  timeboxMinutes: z.number().int(),
  purpose: z.enum(agendaPurposes),
  notes: z.string(),
  /** A data item shows this indicator in meeting mode; null for an ordinary item. */
  indicatorId: entityId.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

const agendaFields = {
  title,
  presenterId: entityId.nullable(),
  timeboxMinutes: timebox,
  purpose: z.enum(agendaPurposes),
  notes: longText,
  indicatorId: entityId.nullable(),
};
export const AgendaItemDraft = z
  .object({
    ...agendaFields,
    presenterId: agendaFields.presenterId.default(null),
    timeboxMinutes: timebox.default(10),
    purpose: agendaFields.purpose.default('discuss'),
    notes: longText.default(''),
    indicatorId: agendaFields.indicatorId.default(null),
  })
  .strict();
export type AgendaItemDraft = z.input<typeof AgendaItemDraft>;
export const AgendaItemPatch = z.object(agendaFields).partial().strict();
export type AgendaItemPatch = z.infer<typeof AgendaItemPatch>;

export const Attendee = z.object({
  /** `${sessionId}.${partnerId}`, so two devices checking the same person in make one row. */
  id: z.string(),
  sessionId: entityId,
  partnerId: entityId,
  name: z.string(),
  sector: z.string(),
  livedExperience: z.boolean(),
  invited: z.boolean(),
  checkedIn: z.boolean(),
});
export type Attendee = z.infer<typeof Attendee>;

/** Method-specific counts; only the fields of the decision's method mean anything. */
export const Tally = z
  .object({
    /** Fist-to-five: how many people showed 0, 1, 2, 3, 4 and 5 fingers. */
    fist: z.array(count).length(6).optional(),
    for: count.optional(),
    against: count.optional(),
    abstain: count.optional(),
    /** Consent: the objections raised, as the facilitator wrote them. */
    objections: longText.optional(),
  })
  .strict();
export type Tally = z.infer<typeof Tally>;

const decisionFields = {
  agendaItemId: entityId.nullable(),
  text: z.string().trim().min(1, 'must not be empty').max(limits.longText),
  method: z.enum(decisionMethods),
  tally: Tally,
  outcome: z.enum(decisionOutcomes),
  rationale: longText,
  /** Voice notes that informed it: only notes carried to this session. */
  noteIds: z.array(entityId).max(100),
};

function tallyFits(value: { method?: DecisionMethod; tally?: Tally }, context: z.RefinementCtx): void {
  if (!value.method || !value.tally) return;
  const tally = value.tally;
  if (value.method === 'fist_to_five' && !tally.fist)
    context.addIssue({ code: 'custom', path: ['tally', 'fist'], message: 'fist-to-five needs six counts, 0 to 5' });
  if (value.method === 'majority' && (tally.for === undefined || tally.against === undefined))
    context.addIssue({ code: 'custom', path: ['tally', 'for'], message: 'a vote needs counts for and against' });
}

export const DecisionDraft = z
  .object({
    sessionId: entityId,
    ...decisionFields,
    agendaItemId: decisionFields.agendaItemId.default(null),
    tally: Tally.default({}),
    outcome: decisionFields.outcome.default('agreed'),
    rationale: longText.default(''),
    noteIds: decisionFields.noteIds.default([]),
  })
  .strict()
  .superRefine(tallyFits);
export type DecisionDraft = z.input<typeof DecisionDraft>;
export const DecisionPatch = z.object(decisionFields).partial().strict().superRefine(tallyFits);
export type DecisionPatch = z.infer<typeof DecisionPatch>;

export const Decision = z.object({
  id: entityId,
  sessionId: entityId,
  agendaItemId: entityId.nullable(),
  text: z.string(),
  method: z.enum(decisionMethods),
  tally: z.object({
    fist: z.array(z.number().int()).length(6),
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
    objections: z.string(),
  }),
  outcome: z.enum(decisionOutcomes),
  rationale: z.string(),
  noteIds: z.array(entityId),
  decidedAt: z.string(),
});
export type Decision = z.infer<typeof Decision>;

export const DecisionLogEntry = Decision.extend({
  sessionTitle: z.string(),
  sessionStartsAt: z.string(),
  groupId: entityId.nullable(),
  agendaItemTitle: z.string(),
});
export type DecisionLogEntry = z.infer<typeof DecisionLogEntry>;

export const DecisionFilter = z
  .object({
    query: z.string().max(500).optional(),
    groupId: entityId.optional(),
    method: z.enum(decisionMethods).optional(),
    outcome: z.enum(decisionOutcomes).optional(),
    from: LocalDate.optional(),
    to: LocalDate.optional(),
  })
  .strict()
  .default({});

export const ActionItem = z.object({
  id: entityId,
  text: z.string(),
  ownerId: entityId.nullable(),
  dueDate: z.string(),
  groupId: entityId.nullable(),
  status: z.enum(actionStatuses),
  sessionId: entityId.nullable(),
  /** The agenda item it was made on (a data item leads on to its indicator); null when none. */
  agendaItemId: entityId.nullable(),
});
export type ActionItem = z.infer<typeof ActionItem>;

const actionFields = {
  text: z.string().trim().min(1, 'must not be empty').max(limits.longText),
  ownerId: entityId.nullable(),
  dueDate: LocalDate,
  groupId: entityId.nullable(),
  status: z.enum(actionStatuses),
};
export const ActionDraft = z
  .object({
    ...actionFields,
    ownerId: actionFields.ownerId.default(null),
    dueDate: LocalDate.default(''),
    groupId: actionFields.groupId.default(null),
    status: actionFields.status.default('open'),
    sessionId: entityId.nullable().default(null),
    agendaItemId: entityId.nullable().default(null),
  })
  .strict();
export type ActionDraft = z.input<typeof ActionDraft>;
export const ActionPatch = z.object(actionFields).partial().strict();
export type ActionPatch = z.infer<typeof ActionPatch>;

export const ActionFilter = z
  .object({
    ownerId: entityId.optional(),
    groupId: entityId.optional(),
    status: z.enum(actionStatuses).optional(),
    /** Today's date where the person is: with it, only open actions due before it are listed. */
    overdueOn: LocalDate.optional(),
  })
  .strict()
  .default({});

export const ParkingItem = z.object({
  id: entityId,
  sessionId: entityId,
  text: z.string(),
  movedToSessionId: entityId.nullable(),
});
export type ParkingItem = z.infer<typeof ParkingItem>;

export const ParkingPatch = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(limits.longText),
    movedToSessionId: entityId.nullable(),
  })
  .partial()
  .strict();
export type ParkingPatch = z.infer<typeof ParkingPatch>;

/**
 * Where the meeting is: the current item and its timer. The timer is a start instant (epoch
 * milliseconds, null while paused) plus what had run before the last pause, so a reload, a crash
 * or a second screen all compute the same remaining time.
 */
export const LiveState = z.object({
  sessionId: entityId,
  currentItemId: entityId.nullable(),
  timerStartedAt: z.number().int().nullable(),
  elapsedMs: z.number().int(),
});
export type LiveState = z.infer<typeof LiveState>;

/** A voice note carried to a session, and the agenda item it is shown beside (null: none). */
export const VoicePin = z.object({ noteId: entityId, agendaItemId: entityId.nullable() });
export type VoicePin = z.infer<typeof VoicePin>;

export const MeetingView = z.object({
  session: Session,
  items: z.array(AgendaItem),
  attendance: z.array(Attendee),
  decisions: z.array(Decision),
  actions: z.array(ActionItem),
  parking: z.array(ParkingItem),
  live: LiveState,
  voicePins: z.array(VoicePin),
  /** Open action items of the session whose agenda this one reused: what was promised last time. */
  openFromLast: z.array(ActionItem),
});
export type MeetingView = z.infer<typeof MeetingView>;
