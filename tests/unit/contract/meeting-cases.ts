import { randomUUID } from 'node:crypto';
import type { Channel } from '../../../src-main/contract/channels';
import { limits } from '../../../src-main/contract/models';
import type { ContractFixture } from './contract-fixture';
import { commonRefusals, type VoiceIds } from './voice-cases';

/** The channels of meeting mode: agenda, attendance, the live meeting, decisions, actions, parking lot. */
export type MeetingChannel = Extract<
  Channel,
  `${'meeting' | 'agenda' | 'attendance' | 'decisions' | 'actions' | 'parking'}.${string}`
>;

export interface MeetingIds {
  initiativeId: string;
  sessionId: string;
  laterSessionId: string;
  itemId: string;
  secondItemId: string;
  partnerId: string;
  groupId: string;
  noteId: string;
  decisionId: string;
  actionId: string;
  parkingId: string;
}

/** A roundtable with two agenda items, a check-in, a decision citing a carried note, an action and a parked idea. */
export function seedMeeting(fixture: ContractFixture, voice: VoiceIds, partnerId: string, groupId: string): MeetingIds {
  const { initiativeId, roundtableId: sessionId, noteId } = voice;
  const laterSessionId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'December roundtable', startsAt: '2026-12-14T10:00' },
  }).id;
  const itemId = fixture.ok('agenda.add', {
    initiativeId,
    sessionId,
    item: { title: 'Welcome', timeboxMinutes: 5 },
  }).id;
  const secondItemId = fixture.ok('agenda.add', {
    initiativeId,
    sessionId,
    item: { title: 'Evening hours', purpose: 'decide', presenterId: partnerId },
  }).id;
  fixture.ok('attendance.checkIn', { initiativeId, sessionId, partnerId, present: true });
  const decisionId = fixture.ok('decisions.record', {
    initiativeId,
    decision: { sessionId, agendaItemId: secondItemId, text: 'Meet at six', method: 'consensus', noteIds: [noteId] },
  }).id;
  const actionId = fixture.ok('actions.add', {
    initiativeId,
    action: { text: 'Book the library room', ownerId: partnerId, groupId, dueDate: '2026-12-01', sessionId },
  }).id;
  const parkingId = fixture.ok('parking.add', { initiativeId, sessionId, text: 'Summer programme' }).id;
  return {
    initiativeId,
    sessionId,
    laterSessionId,
    itemId,
    secondItemId,
    partnerId,
    groupId,
    noteId,
    decisionId,
    actionId,
    parkingId,
  };
}

export function meetingValidInput(channel: MeetingChannel, ids: MeetingIds): Record<string, unknown> {
  const { initiativeId, sessionId, itemId, partnerId } = ids;
  const valid: { [C in MeetingChannel]: () => Record<string, unknown> } = {
    'meeting.get': () => ({ initiativeId, sessionId }),
    'meeting.start': () => ({ initiativeId, sessionId }),
    'meeting.goTo': () => ({ initiativeId, sessionId, itemId: ids.secondItemId }),
    'meeting.timer': () => ({ initiativeId, sessionId, action: 'start' }),
    'meeting.close': () => ({ initiativeId, sessionId }),
    'agenda.add': () => ({
      initiativeId,
      sessionId,
      item: { title: 'Data walk', timeboxMinutes: 20, purpose: 'inform', presenterId: partnerId },
    }),
    'agenda.update': () => ({ initiativeId, itemId, patch: { notes: 'Everyone introduced themselves.' } }),
    'agenda.delete': () => ({ initiativeId, itemId }),
    'agenda.reorder': () => ({ initiativeId, sessionId, itemIds: [ids.secondItemId, itemId] }),
    'agenda.reuseLast': () => ({ initiativeId, sessionId: ids.laterSessionId }),
    'attendance.invite': () => ({ initiativeId, sessionId, partnerIds: [partnerId], groupIds: [ids.groupId] }),
    'agenda.pinVoice': () => ({ initiativeId, sessionId, noteId: ids.noteId, agendaItemId: ids.secondItemId }),
    'attendance.uninvite': () => ({ initiativeId, sessionId, partnerIds: [partnerId], groupIds: [ids.groupId] }),
    'attendance.checkIn': () => ({ initiativeId, sessionId, partnerId, present: false }),
    'attendance.walkIn': () => ({
      initiativeId,
      sessionId,
      partner: { name: 'Rosa from Elm Street', kind: 'person', sector: 'community', livedExperience: true },
    }),
    'decisions.record': () => ({
      initiativeId,
      decision: {
        sessionId,
        agendaItemId: ids.secondItemId,
        text: 'Try evening meetings for three months',
        method: 'fist_to_five',
        tally: { fist: [0, 0, 1, 2, 4, 5] },
        noteIds: [ids.noteId],
      },
    }),
    'decisions.update': () => ({
      initiativeId,
      decisionId: ids.decisionId,
      patch: { method: 'majority', tally: { for: 9, against: 2, abstain: 1 }, outcome: 'agreed' },
    }),
    'decisions.delete': () => ({ initiativeId, decisionId: ids.decisionId }),
    'decisions.restore': () => ({ initiativeId, decisionId: ids.decisionId }),
    'decisions.log': () => ({ initiativeId, filter: { query: 'six', method: 'consensus' } }),
    'actions.add': () => ({
      initiativeId,
      action: { text: 'Send the flyer', ownerId: partnerId, dueDate: '2026-11-30', sessionId },
    }),
    'actions.update': () => ({ initiativeId, actionId: ids.actionId, patch: { status: 'done' } }),
    'actions.delete': () => ({ initiativeId, actionId: ids.actionId }),
    'actions.list': () => ({ initiativeId, filter: { ownerId: partnerId, overdueOn: '2026-12-24' } }),
    'parking.add': () => ({ initiativeId, sessionId, text: 'Youth council seat' }),
    'parking.update': () => ({ initiativeId, itemId: ids.parkingId, patch: { movedToSessionId: ids.laterSessionId } }),
    'parking.delete': () => ({ initiativeId, itemId: ids.parkingId }),
  };
  return valid[channel]();
}

/** Refusals particular to each channel, on top of the id cases built from the valid input. */
export function meetingBadInputs(channel: MeetingChannel, ids: MeetingIds): [string, unknown][] {
  const valid = meetingValidInput(channel, ids);
  const { initiativeId, sessionId, itemId, partnerId } = ids;
  const longText = 'x'.repeat(limits.longText + 1);
  const decision = (fields: Record<string, unknown>) => ({
    initiativeId,
    decision: { sessionId, text: 'Meet at six', method: 'consensus', ...fields },
  });
  const cases: Partial<Record<MeetingChannel, [string, unknown][]>> = {
    'meeting.start': [['reopen not a flag', { initiativeId, sessionId, reopen: 'yes' }]],
    'meeting.timer': [
      ['unknown action', { initiativeId, sessionId, action: 'stop' }],
      ['no action', { initiativeId, sessionId }],
    ],
    'agenda.add': [
      ['no item', { initiativeId, sessionId }],
      ['no title', { initiativeId, sessionId, item: {} }],
      ['blank title', { initiativeId, sessionId, item: { title: '  ' } }],
      ['negative timebox', { initiativeId, sessionId, item: { title: 'x', timeboxMinutes: -5 } }],
      ['a timebox of no minutes', { initiativeId, sessionId, item: { title: 'x', timeboxMinutes: 0 } }],
      ['timebox not whole', { initiativeId, sessionId, item: { title: 'x', timeboxMinutes: 2.5 } }],
      ['timebox of a day', { initiativeId, sessionId, item: { title: 'x', timeboxMinutes: 1440 } }],
      ['unknown purpose', { initiativeId, sessionId, item: { title: 'x', purpose: 'vent' } }],
      ['presenter not an id', { initiativeId, sessionId, item: { title: 'x', presenterId: 'Ana' } }],
      ['a position from the caller', { initiativeId, sessionId, item: { title: 'x', position: 0 } }],
    ],
    'agenda.update': [
      ['notes too long', { initiativeId, itemId, patch: { notes: longText } }],
      ['a timebox of no minutes', { initiativeId, itemId, patch: { timeboxMinutes: 0 } }],
      ['moving to another session', { initiativeId, itemId, patch: { sessionId } }],
    ],
    'agenda.reorder': [
      ['no items', { initiativeId, sessionId, itemIds: [] }],
      ['items not ids', { initiativeId, sessionId, itemIds: ['first', 'second'] }],
      ['items not a list', { initiativeId, sessionId, itemIds: itemId }],
    ],
    'attendance.invite': [['partners not a list', { initiativeId, sessionId, partnerIds: partnerId }]],
    'attendance.uninvite': [['groups not a list', { initiativeId, sessionId, groupIds: ids.groupId }]],
    'agenda.pinVoice': [
      ['no item named', { initiativeId, sessionId, noteId: ids.noteId }],
      ['item not an id', { initiativeId, sessionId, noteId: ids.noteId, agendaItemId: 'Welcome' }],
      ['note not an id', { initiativeId, sessionId, noteId: 'bus', agendaItemId: null }],
    ],
    'attendance.checkIn': [
      ['present missing', { initiativeId, sessionId, partnerId }],
      ['present a string', { initiativeId, sessionId, partnerId, present: 'yes' }],
    ],
    'attendance.walkIn': [
      ['partner without name', { initiativeId, sessionId, partner: {} }],
      ['partner with an id', { initiativeId, sessionId, partner: { name: 'x', id: randomUUID() } }],
    ],
    'decisions.record': [
      ['no decision', { initiativeId }],
      ['empty text', decision({ text: ' ' })],
      ['unknown method', decision({ method: 'coin_toss' })],
      ['unknown outcome', decision({ outcome: 'maybe' })],
      ['fist-to-five without counts', decision({ method: 'fist_to_five' })],
      ['fist-to-five with five counts', decision({ method: 'fist_to_five', tally: { fist: [1, 1, 1, 1, 1] } })],
      ['a negative count', decision({ method: 'fist_to_five', tally: { fist: [0, 0, 0, -1, 0, 0] } })],
      ['a count that is not whole', decision({ method: 'majority', tally: { for: 1.5, against: 0 } })],
      ['a vote without counts', decision({ method: 'majority' })],
      ['a vote with only for', decision({ method: 'majority', tally: { for: 3 } })],
      ['unknown tally field', decision({ tally: { yes: 3 } })],
      ['notes not ids', decision({ noteIds: ['bus'] })],
      ['a decision time from the caller', decision({ decidedAt: '2026-01-01' })],
      ['a new id that is not an id', { ...decision({}), id: 'double-click' }],
    ],
    'decisions.update': [
      ['vote without counts', { initiativeId, decisionId: ids.decisionId, patch: { method: 'majority', tally: {} } }],
      ['blank text', { initiativeId, decisionId: ids.decisionId, patch: { text: '' } }],
    ],
    'decisions.log': [
      ['unknown method', { initiativeId, filter: { method: 'lottery' } }],
      ['from not a date', { initiativeId, filter: { from: 'last month' } }],
      ['query too long', { initiativeId, filter: { query: 'q'.repeat(501) } }],
    ],
    'actions.add': [
      ['no text', { initiativeId, action: { ownerId: partnerId } }],
      ['due date not a date', { initiativeId, action: { text: 'x', dueDate: 'Friday' } }],
      ['the thirty-first of November', { initiativeId, action: { text: 'x', dueDate: '2026-11-31' } }],
      ['unknown status', { initiativeId, action: { text: 'x', status: 'someday' } }],
      ['a new id that is not an id', { initiativeId, action: { text: 'x' }, id: 42 }],
    ],
    'actions.update': [['unknown status', { initiativeId, actionId: ids.actionId, patch: { status: 'late' } }]],
    'actions.list': [
      ['unknown status', { initiativeId, filter: { status: 'late' } }],
      ['overdue day not a date', { initiativeId, filter: { overdueOn: 'today' } }],
    ],
    'parking.add': [
      ['blank text', { initiativeId, sessionId, text: ' ' }],
      ['text too long', { initiativeId, sessionId, text: longText }],
    ],
    'parking.update': [['blank text', { initiativeId, itemId: ids.parkingId, patch: { text: '' } }]],
  };
  return [...commonRefusals(valid), ...(cases[channel] ?? [])];
}

export function isMeetingChannel(channel: Channel): channel is MeetingChannel {
  return /^(meeting|agenda|attendance|decisions|actions|parking)\./.test(channel);
}
