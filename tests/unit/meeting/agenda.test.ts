import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMeetingWorld, type MeetingWorld } from './meeting-fixture';

let world: MeetingWorld;
beforeEach(() => (world = openMeetingWorld()));
afterEach(() => world.fixture.close());

function addItems(titles: string[]): string[] {
  const { fixture, initiativeId, sessionId } = world;
  return titles.map((title) => fixture.ok('agenda.add', { initiativeId, sessionId, item: { title } }).id);
}

describe('agenda order', () => {
  it('appends items in the order they are added, with defaults for timebox and purpose', () => {
    addItems(['Welcome', 'Data walk', 'Decide hours']);
    const items = world.fixture.ok('meeting.get', {
      initiativeId: world.initiativeId,
      sessionId: world.sessionId,
    }).items;
    expect(items.map((item) => [item.title, item.position, item.timeboxMinutes, item.purpose])).toEqual([
      ['Welcome', 0, 10, 'discuss'],
      ['Data walk', 1, 10, 'discuss'],
      ['Decide hours', 2, 10, 'discuss'],
    ]);
  });

  it('reorders to exactly the order given and writes only the positions that moved', () => {
    const { fixture, initiativeId, sessionId } = world;
    const [a, b, c, d] = addItems(['A', 'B', 'C', 'D']);
    const logBefore = fixture.dump()[`${initiativeId}.sqlite`].change_log.length;
    const items = fixture.ok('agenda.reorder', { initiativeId, sessionId, itemIds: [a, c, b, d] });
    expect(items.map((item) => item.title)).toEqual(['A', 'C', 'B', 'D']);
    expect(fixture.dump()[`${initiativeId}.sqlite`].change_log.length - logBefore).toBe(2);
  });

  it('refuses an order that leaves out, repeats or adds an item, and changes nothing', () => {
    const { fixture, initiativeId, sessionId } = world;
    const [a, b, c] = addItems(['A', 'B', 'C']);
    const other = fixture.ok('sessions.create', { initiativeId, session: { kind: 'roundtable', title: 'Other' } }).id;
    const stranger = fixture.ok('agenda.add', { initiativeId, sessionId: other, item: { title: 'X' } }).id;
    const before = fixture.dump();
    for (const itemIds of [
      [a, b],
      [a, b, b],
      [a, b, c, stranger],
      [a, b, stranger],
    ]) {
      const result = fixture.call('agenda.reorder', { initiativeId, sessionId, itemIds });
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    }
    expect(fixture.dump()).toEqual(before);
  });

  it('a deleted item leaves the agenda and the order of the rest stands', () => {
    const { fixture, initiativeId, sessionId } = world;
    const [, b] = addItems(['A', 'B', 'C']);
    fixture.ok('agenda.delete', { initiativeId, itemId: b });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).items.map((item) => item.title)).toEqual(['A', 'C']);
    addItems(['D']);
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).items.map((item) => item.title)).toEqual([
      'A',
      'C',
      'D',
    ]);
  });

  it("reuses the group's last agenda (titles, presenters, timeboxes, purposes; not the notes)", () => {
    const { fixture, initiativeId, sessionId, groupId, ana } = world;
    fixture.ok('agenda.add', {
      initiativeId,
      sessionId,
      item: { title: 'Check-in', timeboxMinutes: 5, purpose: 'inform', presenterId: ana, notes: 'private' },
    });
    fixture.ok('agenda.add', { initiativeId, sessionId, item: { title: 'Hours', purpose: 'decide' } });
    const next = fixture.ok('sessions.create', {
      initiativeId,
      session: { kind: 'working_group', title: 'Early years, December', groupId, startsAt: '2026-12-21T18:00' },
    }).id;
    const items = fixture.ok('agenda.reuseLast', { initiativeId, sessionId: next });
    expect(items.map((item) => [item.title, item.timeboxMinutes, item.purpose, item.presenterId, item.notes])).toEqual([
      ['Check-in', 5, 'inform', ana, ''],
      ['Hours', 10, 'decide', null, ''],
    ]);
    const lonely = fixture.ok('sessions.create', {
      initiativeId,
      session: { kind: 'roundtable', title: 'First ever' },
    }).id;
    const result = fixture.call('agenda.reuseLast', { initiativeId, sessionId: lonely });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });
});

describe('attendance', () => {
  it('invites a group, checks people in, and a walk-in becomes a partner at the table', () => {
    const { fixture, initiativeId, sessionId, groupId, ana } = world;
    expect(fixture.ok('attendance.invite', { initiativeId, sessionId, groupIds: [groupId] })).toHaveLength(2);
    fixture.ok('attendance.checkIn', { initiativeId, sessionId, partnerId: ana, present: true });
    const walkIn = fixture.ok('attendance.walkIn', {
      initiativeId,
      sessionId,
      partner: { name: 'Carla', kind: 'person', sector: 'faith' },
    });
    expect(walkIn).toMatchObject({ name: 'Carla', invited: false, checkedIn: true, sector: 'faith' });
    expect(walkIn.id).toBe(`${sessionId}.${walkIn.partnerId}`);
    expect(fixture.ok('partners.list', { initiativeId }).map((partner) => partner.name)).toContain('Carla');
    const list = fixture.ok('meeting.get', { initiativeId, sessionId }).attendance;
    expect(list.map((person) => [person.name, person.invited, person.checkedIn, person.livedExperience])).toEqual([
      ['Ana', true, true, true],
      ['Ben', true, false, false],
      ['Carla', false, true, false],
    ]);
    // Inviting again keeps Ana's check-in.
    fixture.ok('attendance.invite', { initiativeId, sessionId, partnerIds: [ana] });
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).attendance[0].checkedIn).toBe(true);
  });
});
