import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMeetingWorld, type MeetingWorld } from './meeting-fixture';

let world: MeetingWorld;
let itemId: string;
let decisionId: string;
let actionId: string;
let noteId: string;

/** A session with everything a meeting leaves behind: agenda, check-in, decision citing a note, action, parked idea. */
beforeEach(() => {
  world = openMeetingWorld();
  const { fixture, initiativeId, sessionId, ana, groupId } = world;
  const focusGroupId = fixture.ok('groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Parents' },
  }).id;
  const draft = fixture.ok('voice.saveDraft', {
    initiativeId,
    draft: { focusGroupId, text: 'The bus stops at six.', consent: 'anonymous' },
  });
  noteId = fixture.ok('voice.capture', { initiativeId, noteId: draft.id }).id;
  fixture.ok('voice.carry', { initiativeId, sessionId, noteIds: [noteId] });
  itemId = fixture.ok('agenda.add', { initiativeId, sessionId, item: { title: 'Hours', timeboxMinutes: 15 } }).id;
  fixture.ok('attendance.checkIn', { initiativeId, sessionId, partnerId: ana, present: true });
  decisionId = fixture.ok('decisions.record', {
    initiativeId,
    decision: { sessionId, agendaItemId: itemId, text: 'Meet at six', method: 'consensus', noteIds: [noteId] },
  }).id;
  actionId = fixture.ok('actions.add', {
    initiativeId,
    action: { text: 'Book the room', ownerId: ana, groupId, dueDate: '2026-12-01', sessionId },
  }).id;
  fixture.ok('parking.add', { initiativeId, sessionId, text: 'Summer programme' });
});
afterEach(() => world.fixture.close());

function everywhere() {
  const { fixture, initiativeId, sessionId } = world;
  return {
    sessions: fixture.ok('sessions.list', { initiativeId, filter: {} }).map((session) => session.id),
    view: fixture.call('meeting.get', { initiativeId, sessionId }),
    log: fixture.ok('decisions.log', { initiativeId, filter: {} }).map((decision) => decision.id),
    tracker: fixture.ok('actions.list', { initiativeId, filter: {} }).map((action) => action.id),
    note: fixture.ok('voice.search', { initiativeId, query: 'bus' }).hits.map(({ note }) => note),
  };
}

describe('deleting a session, and Undo', () => {
  it('takes its decisions out of the log and its actions out of the tracker; Undo brings back exactly what was there', () => {
    const { fixture, initiativeId, sessionId } = world;
    const before = everywhere();
    expect(before.log).toEqual([decisionId]);
    expect(before.tracker).toEqual([actionId]);

    fixture.ok('sessions.delete', { initiativeId, sessionId });
    const gone = everywhere();
    expect(gone.sessions).not.toContain(sessionId);
    expect(gone.view.ok ? 'ok' : gone.view.error.code).toBe('not_found');
    expect(gone.log).toEqual([]);
    expect(gone.tracker).toEqual([]);
    // The focus group's note stays theirs; it is no longer shown as carried to, or cited by, the deleted session.
    expect(JSON.stringify(gone.note)).toContain('The bus stops at six.');
    expect(JSON.stringify(gone.note)).not.toContain('Early years, November');
    expect(JSON.stringify(gone.note)).not.toContain('Meet at six');

    fixture.ok('sessions.restore', { initiativeId, sessionId });
    expect(everywhere()).toEqual(before);
  });

  it('is one tombstone through the write path: the children are hidden with it, not rewritten', () => {
    const { fixture, initiativeId, sessionId } = world;
    const logBefore = fixture.dump()[`${initiativeId}.sqlite`].change_log.length;
    fixture.ok('sessions.delete', { initiativeId, sessionId });
    const after = fixture.dump()[`${initiativeId}.sqlite`];
    expect(after.change_log.slice(logBefore)).toEqual([
      expect.objectContaining({ tbl: 'sessions', row_id: sessionId, col: 'tombstone', value: 1 }),
    ]);
  });
});

describe('deleting a decision, and Undo', () => {
  it('removes it from the session and the log, and Undo restores its tally and the note it cited', () => {
    const { fixture, initiativeId, sessionId } = world;
    const decision = fixture.ok('meeting.get', { initiativeId, sessionId }).decisions[0];
    fixture.ok('decisions.delete', { initiativeId, decisionId });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).decisions).toEqual([]);
    expect(fixture.ok('decisions.log', { initiativeId, filter: {} })).toEqual([]);
    expect(fixture.ok('decisions.restore', { initiativeId, decisionId })).toEqual(decision);
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).decisions).toEqual([decision]);
  });
});
