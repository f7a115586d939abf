import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMeetingWorld, type MeetingWorld } from './meeting-fixture';

let world: MeetingWorld;
beforeEach(() => (world = openMeetingWorld()));
afterEach(() => world.fixture.close());

function codeOf(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'ok' : (result.error?.code ?? '?');
}

/** A focus-group note that may be quoted anonymously, carried to the world's session. */
function carryNote(text: string): string {
  const { fixture, initiativeId, sessionId } = world;
  const focusGroupId = fixture.ok('groups.create', { initiativeId, group: { kind: 'focus_group', name: 'Parents' } }).id;
  const noteId = fixture.ok('voice.saveDraft', {
    initiativeId,
    draft: { focusGroupId, text, consent: 'anonymous' },
  }).id;
  fixture.ok('voice.capture', { initiativeId, noteId });
  fixture.ok('voice.carry', { initiativeId, sessionId, noteIds: [noteId] });
  return noteId;
}

describe('un-inviting', () => {
  it('takes a partner or a whole group off the list; whoever is checked in stays at the table', () => {
    const { fixture, initiativeId, sessionId, groupId, ana, ben } = world;
    fixture.ok('attendance.invite', { initiativeId, sessionId, groupIds: [groupId] });
    expect(fixture.ok('attendance.uninvite', { initiativeId, sessionId, partnerIds: [ben] }).map((a) => a.name)).toEqual([
      'Ana',
    ]);
    fixture.ok('attendance.invite', { initiativeId, sessionId, partnerIds: [ben] });
    fixture.ok('attendance.checkIn', { initiativeId, sessionId, partnerId: ana, present: true });
    const left = fixture.ok('attendance.uninvite', { initiativeId, sessionId, groupIds: [groupId] });
    expect(left.map((a) => [a.name, a.invited, a.checkedIn])).toEqual([['Ana', false, true]]);
    // Invited again after being taken off: back on the list, and the check-in kept.
    const again = fixture.ok('attendance.invite', { initiativeId, sessionId, groupIds: [groupId] });
    expect(again.map((a) => [a.name, a.checkedIn])).toEqual([
      ['Ana', true],
      ['Ben', false],
    ]);
    expect(codeOf(fixture.call('attendance.uninvite', { initiativeId, sessionId, groupIds: [sessionId] }))).toBe(
      'not_found',
    );
  });
});

describe('reusing the last agenda', () => {
  it("shows the open action items of the session it came from, and only those still open", () => {
    const { fixture, initiativeId, sessionId, groupId, ana } = world;
    fixture.ok('agenda.add', { initiativeId, sessionId, item: { title: 'Hours' } });
    const book = fixture.ok('actions.add', {
      initiativeId,
      action: { text: 'Book the library room', ownerId: ana, dueDate: '2026-12-01', sessionId },
    }).id;
    fixture.ok('actions.add', { initiativeId, action: { text: 'Send the flyer', sessionId } });
    const done = fixture.ok('actions.add', { initiativeId, action: { text: 'Print name tags', sessionId } }).id;
    fixture.ok('actions.update', { initiativeId, actionId: done, patch: { status: 'done' } });
    const next = fixture.ok('sessions.create', {
      initiativeId,
      session: { kind: 'working_group', title: 'Early years, December', groupId, startsAt: '2026-12-21T18:00' },
    }).id;
    expect(fixture.ok('meeting.get', { initiativeId, sessionId: next }).openFromLast).toEqual([]);
    fixture.ok('agenda.reuseLast', { initiativeId, sessionId: next });
    const open = fixture.ok('meeting.get', { initiativeId, sessionId: next }).openFromLast;
    expect(open.map((action) => action.text)).toEqual(['Book the library room', 'Send the flyer']);
    // Done since: it leaves the list, which reads the actions as they stand now.
    fixture.ok('actions.update', { initiativeId, actionId: book, patch: { status: 'done' } });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId: next }).openFromLast.map((a) => a.text)).toEqual([
      'Send the flyer',
    ]);
  });
});

describe('voice notes beside their agenda item', () => {
  it('pins a carried note to an item of its session, moves it, and unpins it', () => {
    const { fixture, initiativeId, sessionId } = world;
    const noteId = carryNote('The bus stops running at six.');
    const [welcome, hours] = ['Welcome', 'Evening hours'].map(
      (title) => fixture.ok('agenda.add', { initiativeId, sessionId, item: { title } }).id,
    );
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).voicePins).toEqual([{ noteId, agendaItemId: null }]);
    fixture.ok('agenda.pinVoice', { initiativeId, sessionId, noteId, agendaItemId: hours });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).voicePins).toEqual([{ noteId, agendaItemId: hours }]);
    fixture.ok('agenda.pinVoice', { initiativeId, sessionId, noteId, agendaItemId: welcome });
    fixture.ok('agenda.delete', { initiativeId, itemId: welcome });
    // Its item deleted, the note is back beside no item, not lost.
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).voicePins).toEqual([{ noteId, agendaItemId: null }]);
    fixture.ok('agenda.pinVoice', { initiativeId, sessionId, noteId, agendaItemId: hours });
    fixture.ok('agenda.pinVoice', { initiativeId, sessionId, noteId, agendaItemId: null });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).voicePins).toEqual([{ noteId, agendaItemId: null }]);
  });

  it("refuses an item of another session and a note not carried here, changing nothing", () => {
    const { fixture, initiativeId, sessionId } = world;
    const noteId = carryNote('Childcare would let me come.');
    const other = fixture.ok('sessions.create', { initiativeId, session: { kind: 'roundtable', title: 'Other' } }).id;
    const elsewhere = fixture.ok('agenda.add', { initiativeId, sessionId: other, item: { title: 'X' } }).id;
    expect(codeOf(fixture.call('agenda.pinVoice', { initiativeId, sessionId, noteId, agendaItemId: elsewhere }))).toBe(
      'invalid_input',
    );
    expect(
      codeOf(fixture.call('agenda.pinVoice', { initiativeId, sessionId: other, noteId, agendaItemId: elsewhere })),
    ).toBe('not_found');
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).voicePins).toEqual([{ noteId, agendaItemId: null }]);
  });
});
