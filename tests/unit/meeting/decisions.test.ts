import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMeetingWorld, type MeetingWorld } from './meeting-fixture';

let world: MeetingWorld;
let noteId: string;
let internalNoteId: string;
let otherNoteId: string;

beforeEach(() => {
  world = openMeetingWorld();
  const { fixture, initiativeId, sessionId } = world;
  const focusGroupId = fixture.ok('groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Parents' },
  }).id;
  const note = (text: string, consent: 'anonymous' | 'internal' = 'anonymous') => {
    const draft = fixture.ok('voice.saveDraft', { initiativeId, draft: { focusGroupId, text, consent } });
    return fixture.ok('voice.capture', { initiativeId, noteId: draft.id }).id;
  };
  noteId = note('The bus stops at six.');
  otherNoteId = note('Rent went up twice.');
  internalNoteId = note('Said in confidence.', 'internal');
  fixture.ok('voice.carry', { initiativeId, sessionId, noteIds: [noteId] });
});
afterEach(() => world.fixture.close());

describe('decisions and their tallies', () => {
  it('keeps a fist-to-five tally, finger by finger, and the voice note that informed it', () => {
    const { fixture, initiativeId, sessionId } = world;
    const itemId = fixture.ok('agenda.add', {
      initiativeId,
      sessionId,
      item: { title: 'Hours', purpose: 'decide' },
    }).id;
    const decision = fixture.ok('decisions.record', {
      initiativeId,
      decision: {
        sessionId,
        agendaItemId: itemId,
        text: 'Meet at six for three months',
        method: 'fist_to_five',
        tally: { fist: [0, 1, 0, 2, 5, 4] },
        rationale: 'Parents cannot come later',
        noteIds: [noteId, noteId],
      },
    });
    expect(decision).toMatchObject({
      method: 'fist_to_five',
      tally: { fist: [0, 1, 0, 2, 5, 4], for: 0, against: 0, abstain: 0, objections: '' },
      outcome: 'agreed',
      noteIds: [noteId],
      agendaItemId: itemId,
    });
    const table = fixture.dump()[`${initiativeId}.sqlite`];
    expect(table.decision_notes).toHaveLength(1);
    expect(table.decisions[0]).toMatchObject({ fist_4: 5, fist_5: 4, votes_for: null });
  });

  it('a majority vote keeps for, against and abstain; consent keeps objections', () => {
    const { fixture, initiativeId, sessionId } = world;
    const vote = fixture.ok('decisions.record', {
      initiativeId,
      decision: { sessionId, text: 'Fund the van', method: 'majority', tally: { for: 7, against: 3, abstain: 2 } },
    });
    expect(vote.tally).toMatchObject({ for: 7, against: 3, abstain: 2, fist: [0, 0, 0, 0, 0, 0] });
    const consent = fixture.ok('decisions.record', {
      initiativeId,
      decision: {
        sessionId,
        text: 'Pilot the walking bus',
        method: 'consent',
        tally: { objections: 'Insurance unclear' },
        outcome: 'deferred',
      },
    });
    expect(consent).toMatchObject({ outcome: 'deferred', tally: { objections: 'Insurance unclear' } });
    const updated = fixture.ok('decisions.update', {
      initiativeId,
      decisionId: consent.id,
      patch: { outcome: 'agreed', noteIds: [noteId] },
    });
    expect(updated).toMatchObject({ outcome: 'agreed', noteIds: [noteId] });
    expect(
      fixture.ok('decisions.update', { initiativeId, decisionId: consent.id, patch: { noteIds: [] } }).noteIds,
    ).toEqual([]);
  });

  it('refuses notes not carried to the session or held back by consent, changing nothing', () => {
    const { fixture, initiativeId, sessionId } = world;
    const before = fixture.dump();
    for (const cited of [[otherNoteId], [internalNoteId], [noteId, otherNoteId]]) {
      const result = fixture.call('decisions.record', {
        initiativeId,
        decision: { sessionId, text: 'x', method: 'consensus', noteIds: cited },
      });
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    }
    const otherItem = fixture.ok('sessions.create', {
      initiativeId,
      session: { kind: 'roundtable', title: 'Other' },
    }).id;
    const foreignItem = fixture.ok('agenda.add', { initiativeId, sessionId: otherItem, item: { title: 'X' } }).id;
    const afterSetup = fixture.dump();
    const result = fixture.call('decisions.record', {
      initiativeId,
      decision: { sessionId, agendaItemId: foreignItem, text: 'x', method: 'consensus' },
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
    expect(fixture.dump()).toEqual(afterSetup);
    expect(before[`${initiativeId}.sqlite`].decisions).toEqual([]);
  });

  it('the decisions log filters by text, group, method, outcome and date', () => {
    const { fixture, initiativeId, sessionId, groupId } = world;
    const record = (session: string, text: string, method: string, tally = {}) =>
      fixture.ok('decisions.record', { initiativeId, decision: { sessionId: session, text, method, tally } });
    record(sessionId, 'Meet at six', 'consensus');
    record(sessionId, 'Fund the van', 'majority', { for: 5, against: 1 });
    const later = fixture.ok('sessions.create', {
      initiativeId,
      session: { kind: 'roundtable', title: 'Roundtable', startsAt: '2027-01-10T10:00' },
    }).id;
    record(later, 'Adopt the shared indicators', 'consent');
    const log = (filter: Record<string, unknown>) =>
      fixture.ok('decisions.log', { initiativeId, filter }).map((entry) => entry.text);
    expect(log({})).toEqual(['Adopt the shared indicators', 'Meet at six', 'Fund the van']);
    expect(log({ query: 'VAN' })).toEqual(['Fund the van']);
    expect(log({ groupId })).toEqual(['Meet at six', 'Fund the van']);
    expect(log({ method: 'consent' })).toEqual(['Adopt the shared indicators']);
    expect(log({ outcome: 'deferred' })).toEqual([]);
    expect(log({ from: '2027-01-01' })).toEqual(['Adopt the shared indicators']);
    expect(log({ to: '2026-11-30' })).toEqual(['Meet at six', 'Fund the van']);
    expect(fixture.ok('decisions.log', { initiativeId, filter: { method: 'majority' } })[0]).toMatchObject({
      sessionTitle: 'Early years, November',
      groupId,
    });
  });
});

describe('the decisions log', () => {
  afterEach(() => vi.useRealTimers());

  it("lists a session's decisions in the order they were made, also when a second turns between them", () => {
    const { fixture, initiativeId, sessionId } = world;
    // Decision times are kept to the second: two made in one second used to come oldest first, and
    // two either side of a second's turn newest first.
    vi.useFakeTimers({ toFake: ['Date'] });
    const made: string[] = [];
    for (const [text, at] of [
      ['First, at the end of a second', new Date(2026, 10, 23, 18, 30, 59, 999)],
      ['Second, as the next second begins', new Date(2026, 10, 23, 18, 31, 0, 0)],
      ['Third, in the same second', new Date(2026, 10, 23, 18, 31, 0, 1)],
    ] as const) {
      vi.setSystemTime(at);
      made.push(
        fixture.ok('decisions.record', { initiativeId, decision: { sessionId, text, method: 'consensus' } }).text,
      );
    }
    vi.useRealTimers();
    const log = fixture.ok('decisions.log', { initiativeId, filter: {} }).map((entry) => entry.text);
    expect(log).toEqual(made);
  });
});

describe('the voices that informed a decision', () => {
  it('the decisions log stops counting a note once its participant withdraws, and counts it again on reinstating', () => {
    const { fixture, initiativeId, sessionId } = world;
    const focusGroupId = fixture.ok('groups.create', {
      initiativeId,
      group: { kind: 'focus_group', name: 'Tenants' },
    }).id;
    const person = fixture.ok('participants.create', {
      initiativeId,
      participant: { focusGroupId, consent: 'anonymous' },
    });
    const draft = fixture.ok('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, participantId: person.id, text: 'The stairs are unlit at night.' },
    });
    const theirs = fixture.ok('voice.capture', { initiativeId, noteId: draft.id }).id;
    fixture.ok('voice.carry', { initiativeId, sessionId, noteIds: [theirs] });
    fixture.ok('decisions.record', {
      initiativeId,
      decision: { sessionId, text: 'Light the stairwells', method: 'consensus', noteIds: [theirs, noteId] },
    });
    const counted = () => fixture.ok('decisions.log', { initiativeId, filter: {} })[0].noteIds;
    expect(counted().sort()).toEqual([noteId, theirs].sort());

    fixture.ok('participants.withdraw', { initiativeId, participantId: person.id });
    expect(counted()).toEqual([noteId]);
    fixture.ok('participants.reinstate', { initiativeId, participantId: person.id });
    expect(counted().sort()).toEqual([noteId, theirs].sort());
  });
});

describe('action items and the parking lot', () => {
  it('lists by owner, group and overdue, and open actions outlive a closed session', () => {
    const { fixture, initiativeId, sessionId, ana, ben, groupId } = world;
    const add = (text: string, ownerId: string, dueDate: string) =>
      fixture.ok('actions.add', { initiativeId, action: { text, ownerId, dueDate, groupId, sessionId } }).id;
    add('Book the room', ana, '2026-11-30');
    const flyer = add('Print flyers', ben, '2026-12-15');
    add('Call the clinic', ana, '');
    fixture.ok('meeting.close', { initiativeId, sessionId });
    const texts = (filter: Record<string, unknown>) =>
      fixture.ok('actions.list', { initiativeId, filter }).map((action) => action.text);
    expect(texts({ ownerId: ana })).toEqual(['Book the room', 'Call the clinic']);
    expect(texts({ overdueOn: '2026-12-01' })).toEqual(['Book the room']);
    fixture.ok('actions.update', { initiativeId, actionId: flyer, patch: { status: 'done' } });
    expect(texts({ status: 'open', groupId })).toEqual(['Book the room', 'Call the clinic']);
    expect(texts({ overdueOn: '2027-01-01' })).toEqual(['Book the room']);
  });

  it('a parked item moved to a later session shows there too', () => {
    const { fixture, initiativeId, sessionId } = world;
    const later = fixture.ok('sessions.create', { initiativeId, session: { kind: 'roundtable', title: 'Later' } }).id;
    const parked = fixture.ok('parking.add', { initiativeId, sessionId, text: 'Summer programme' });
    fixture.ok('parking.update', { initiativeId, itemId: parked.id, patch: { movedToSessionId: later } });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId: later }).parking.map((item) => item.text)).toEqual([
      'Summer programme',
    ]);
    const result = fixture.call('parking.update', {
      initiativeId,
      itemId: parked.id,
      patch: { movedToSessionId: sessionId },
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
  });
});
