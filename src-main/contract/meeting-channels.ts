import { z } from 'zod';
import {
  ActionDraft,
  ActionFilter,
  ActionItem,
  ActionPatch,
  AgendaItem,
  AgendaItemDraft,
  AgendaItemPatch,
  Attendee,
  Decision,
  DecisionDraft,
  DecisionFilter,
  DecisionLogEntry,
  DecisionPatch,
  LiveState,
  MeetingView,
  ParkingItem,
  ParkingPatch,
  VoicePin,
} from './meeting';
import { entityId, limits, newRecordId } from './models';
import { PartnerDraft } from './partners';
import { Session } from './sessions';

const inInitiative = { initiativeId: entityId };
const oneSession = z.object({ ...inInitiative, sessionId: entityId }).strict();
const oneItem = z.object({ ...inInitiative, itemId: entityId }).strict();
const oneDecision = z.object({ ...inInitiative, decisionId: entityId }).strict();
const oneAction = z.object({ ...inInitiative, actionId: entityId }).strict();

/** Partners, and groups whose members count one by one, put on or taken off a session's list. */
const invitees = z
  .object({
    ...inInitiative,
    sessionId: entityId,
    partnerIds: z.array(entityId).max(1000).default([]),
    groupIds: z.array(entityId).max(100).default([]),
  })
  .strict();

/** Meeting mode's channels; spread into the one channel map in channels.ts. */
export const meetingChannels = {
  /** Everything meeting mode shows for one session, in one answer, so opening it is one round trip. */
  'meeting.get': { input: oneSession, output: MeetingView },
  /** `reopen` must be true to make a closed session live again: the facilitator was asked first. */
  'meeting.start': {
    input: z.object({ ...inInitiative, sessionId: entityId, reopen: z.boolean().default(false) }).strict(),
    output: LiveState,
    write: true,
  },
  /** Makes an item current; its timer starts from zero, paused. */
  'meeting.goTo': {
    input: z.object({ ...inInitiative, sessionId: entityId, itemId: entityId }).strict(),
    output: LiveState,
    write: true,
  },
  'meeting.timer': {
    input: z.object({ ...inInitiative, sessionId: entityId, action: z.enum(['start', 'pause', 'reset']) }).strict(),
    output: LiveState,
    write: true,
  },
  'meeting.close': { input: oneSession, output: Session, write: true },
  'agenda.add': {
    input: z.object({ ...inInitiative, sessionId: entityId, item: AgendaItemDraft, id: newRecordId }).strict(),
    output: AgendaItem,
    write: true,
  },
  'agenda.update': {
    input: z.object({ ...inInitiative, itemId: entityId, patch: AgendaItemPatch }).strict(),
    output: AgendaItem,
    write: true,
  },
  'agenda.delete': { input: oneItem, output: z.object({ itemId: entityId }), write: true },
  /** The session's items in their new order: exactly its items, each once. */
  'agenda.reorder': {
    input: z.object({ ...inInitiative, sessionId: entityId, itemIds: z.array(entityId).min(1).max(200) }).strict(),
    output: z.array(AgendaItem),
    write: true,
  },
  /** Copies the agenda of the latest earlier session of the same group (or kind) into this one. */
  'agenda.reuseLast': { input: oneSession, output: z.array(AgendaItem), write: true },
  /** Shows a voice note carried to the session beside one of its agenda items (null: beside none). */
  'agenda.pinVoice': {
    input: z
      .object({ ...inInitiative, sessionId: entityId, noteId: entityId, agendaItemId: entityId.nullable() })
      .strict(),
    output: VoicePin,
    write: true,
  },
  'attendance.invite': {
    input: invitees,
    output: z.array(Attendee),
    write: true,
  },
  /** Takes partners, and the members of groups, off the invited list; anyone already checked in stays. */
  'attendance.uninvite': {
    input: invitees,
    output: z.array(Attendee),
    write: true,
  },
  'attendance.checkIn': {
    input: z.object({ ...inInitiative, sessionId: entityId, partnerId: entityId, present: z.boolean() }).strict(),
    output: Attendee,
    write: true,
  },
  /** Someone not on the list: they become a partner, checked in. */
  'attendance.walkIn': {
    input: z.object({ ...inInitiative, sessionId: entityId, partner: PartnerDraft, id: newRecordId }).strict(),
    output: Attendee,
    write: true,
  },
  'decisions.record': {
    input: z.object({ ...inInitiative, decision: DecisionDraft, id: newRecordId }).strict(),
    output: Decision,
    write: true,
  },
  'decisions.update': {
    input: z.object({ ...inInitiative, decisionId: entityId, patch: DecisionPatch }).strict(),
    output: Decision,
    write: true,
  },
  'decisions.delete': { input: oneDecision, output: z.object({ decisionId: entityId }), write: true },
  /** Undo of a delete. */
  'decisions.restore': { input: oneDecision, output: Decision, write: true },
  'decisions.log': {
    input: z.object({ ...inInitiative, filter: DecisionFilter }).strict(),
    output: z.array(DecisionLogEntry),
  },
  'actions.add': {
    input: z.object({ ...inInitiative, action: ActionDraft, id: newRecordId }).strict(),
    output: ActionItem,
    write: true,
  },
  'actions.update': {
    input: z.object({ ...inInitiative, actionId: entityId, patch: ActionPatch }).strict(),
    output: ActionItem,
    write: true,
  },
  'actions.delete': { input: oneAction, output: z.object({ actionId: entityId }), write: true },
  'actions.list': {
    input: z.object({ ...inInitiative, filter: ActionFilter }).strict(),
    output: z.array(ActionItem),
  },
  'parking.add': {
    input: z
      .object({
        ...inInitiative,
        sessionId: entityId,
        text: z.string().trim().min(1, 'must not be empty').max(limits.longText),
        id: newRecordId,
      })
      .strict(),
    output: ParkingItem,
    write: true,
  },
  'parking.update': {
    input: z.object({ ...inInitiative, itemId: entityId, patch: ParkingPatch }).strict(),
    output: ParkingItem,
    write: true,
  },
  'parking.delete': { input: oneItem, output: z.object({ itemId: entityId }), write: true },
} as const;
