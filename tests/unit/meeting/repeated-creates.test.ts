import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMeetingWorld, type MeetingWorld } from './meeting-fixture';

let world: MeetingWorld;
beforeEach(() => {
  world = openMeetingWorld();
});
afterEach(() => world.fixture.close());

/** Each create a double press could send twice, with the input the renderer sends. */
function creates({ initiativeId, sessionId, ana }: MeetingWorld): [string, string, Record<string, unknown>][] {
  return [
    ['partners.create', 'partners', { initiativeId, partner: { name: 'Westside Clinic', sector: 'health' } }],
    ['groups.create', 'groups', { initiativeId, group: { kind: 'focus_group', name: 'Parents' } }],
    ['sessions.create', 'sessions', { initiativeId, session: { kind: 'roundtable', title: 'December' } }],
    [
      'decisions.record',
      'decisions',
      { initiativeId, decision: { sessionId, text: 'Meet at six', method: 'consensus' } },
    ],
    ['actions.add', 'action_items', { initiativeId, action: { text: 'Book the room', ownerId: ana, sessionId } }],
    ['agenda.add', 'agenda_items', { initiativeId, sessionId, item: { title: 'Evening hours' } }],
    ['parking.add', 'parking_lot', { initiativeId, sessionId, text: 'Bus passes' }],
  ];
}

describe('a create sent twice with the same new id', () => {
  it('makes one record, answers both presses with it, and writes nothing the second time', () => {
    const { fixture, initiativeId } = world;
    for (const [channel, table, input] of creates(world)) {
      const id = randomUUID();
      const before = fixture.dump()[`${initiativeId}.sqlite`][table].length;
      const first = fixture.ok(channel as 'partners.create', { ...input, id });
      const log = fixture.dump()[`${initiativeId}.sqlite`].change_log.length;
      const second = fixture.ok(channel as 'partners.create', { ...input, id });
      const after = fixture.dump()[`${initiativeId}.sqlite`];
      expect(first.id, channel).toBe(id);
      expect(second, channel).toEqual(first);
      expect(after[table], channel).toHaveLength(before + 1);
      expect(after.change_log, channel).toHaveLength(log);
    }
  });

  it('a walk-in sent twice with the same id makes one partner, checked in once', () => {
    const { fixture, initiativeId, sessionId } = world;
    const id = randomUUID();
    const input = { initiativeId, sessionId, partner: { name: 'Rosa Díaz', kind: 'person' }, id };
    const partnersBefore = fixture.dump()[`${initiativeId}.sqlite`].partners.length;
    const first = fixture.ok('attendance.walkIn', input);
    const second = fixture.ok('attendance.walkIn', input);
    expect(first.partnerId).toBe(id);
    expect(second).toEqual(first);
    const after = fixture.dump()[`${initiativeId}.sqlite`];
    expect(after.partners).toHaveLength(partnersBefore + 1);
    const present = fixture
      .ok('meeting.get', { initiativeId, sessionId })
      .attendance.filter((attendee) => attendee.partnerId === id && attendee.checkedIn);
    expect(present).toHaveLength(1);
  });

  it('two presses without an id still make two records (callers that do not name one)', () => {
    const { fixture, initiativeId } = world;
    const input = { initiativeId, group: { kind: 'working_group', name: 'Housing' } };
    expect(fixture.ok('groups.create', input).id).not.toBe(fixture.ok('groups.create', input).id);
  });

  it('a late retry of a create whose record was deleted since does not bring it back', () => {
    const { fixture, initiativeId, sessionId } = world;
    const id = randomUUID();
    const input = { initiativeId, decision: { sessionId, text: 'Meet at six', method: 'consensus' }, id };
    fixture.ok('decisions.record', input);
    fixture.ok('decisions.delete', { initiativeId, decisionId: id });
    const retry = fixture.call('decisions.record', input);
    expect(retry.ok ? 'ok' : retry.error.code).toBe('not_found');
    expect(fixture.ok('meeting.get', { initiativeId, sessionId }).decisions).toEqual([]);
  });

  it('holds when both presses arrive over the asynchronous transport at once', async () => {
    const { fixture, initiativeId } = world;
    const id = randomUUID();
    const input = { initiativeId, session: { kind: 'roundtable', title: 'Twice' }, id };
    const [first, second] = await Promise.all([
      fixture.callAsync('sessions.create', input),
      fixture.callAsync('sessions.create', input),
    ]);
    expect(first.ok && second.ok).toBe(true);
    expect(second).toEqual(first);
    // Only the first press wrote: one message per field of one session, not two.
    const log = fixture.dump()[`${initiativeId}.sqlite`].change_log as { row_id: string; col: string }[];
    expect(log.filter((message) => message.row_id === id && message.col === 'title')).toHaveLength(1);
  });
});
