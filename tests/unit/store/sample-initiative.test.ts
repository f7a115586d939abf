import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domainTables } from '../../../src-main/store/schema';
import { openContractFixture, type ContractFixture } from '../contract/contract-fixture';

/*
 * The bundled sample, opened through the real handlers into a real SQLite file: it must show
 * every part of the app (groups, relationships, a focus group with consented notes, a closed and
 * a planned roundtable), and it must be made through the write path like anything typed.
 */

let fixture: ContractFixture;
beforeEach(() => {
  fixture = openContractFixture();
});
afterEach(() => fixture.close());

describe('the sample initiative', () => {
  it('is a whole initiative: partners across sectors, groups with co-chairs, relationships', () => {
    const { id: initiativeId } = fixture.ok('initiatives.createSample', {});
    const partners = fixture.ok('partners.list', { initiativeId });
    expect(partners.length).toBeGreaterThanOrEqual(20);
    expect(new Set(partners.map((partner) => partner.sector)).size).toBeGreaterThanOrEqual(8);
    expect(partners.filter((partner) => partner.livedExperience).length).toBeGreaterThanOrEqual(3);

    const groups = fixture.ok('groups.list', { initiativeId });
    const ofKind = (kind: string) => groups.filter((group) => group.kind === kind);
    expect(ofKind('steering_committee')).toHaveLength(1);
    expect(ofKind('working_group')).toHaveLength(3);
    expect(ofKind('backbone')).toHaveLength(1);
    expect(ofKind('focus_group')).toHaveLength(1);
    // Two co-chairs from different organisations, and people with lived experience at the table.
    const steering = ofKind('steering_committee')[0];
    const byId = new Map(partners.map((partner) => [partner.id, partner]));
    const coChairs = steering.members.filter((member) => member.role === 'co_chair').map((m) => byId.get(m.partnerId));
    expect(coChairs).toHaveLength(2);
    expect(coChairs[0]?.organisationId).not.toBe(coChairs[1]?.organisationId);
    expect(steering.members.some((member) => byId.get(member.partnerId)?.livedExperience)).toBe(true);
    for (const group of ofKind('working_group'))
      expect(group.members.filter((member) => member.role === 'co_chair')).toHaveLength(2);
    expect(new Set(groups.map((group) => group.colour)).size).toBe(groups.length);

    expect(fixture.ok('relationships.list', { initiativeId }).length).toBeGreaterThanOrEqual(12);
  });

  it('has a focus group with pseudonymous participants and consented, themed notes', () => {
    const { id: initiativeId } = fixture.ok('initiatives.createSample', {});
    const focusGroup = fixture.ok('groups.list', { initiativeId }).find((group) => group.kind === 'focus_group');
    if (!focusGroup) throw new Error('no focus group');
    const participants = fixture.ok('participants.list', { initiativeId, focusGroupId: focusGroup.id });
    expect(participants.length).toBeGreaterThanOrEqual(4);
    expect(new Set(participants.map((person) => person.consent))).toEqual(new Set(['named', 'anonymous', 'internal']));
    expect(participants.every((person) => !person.hasRealName)).toBe(true);

    const notes = fixture.ok('voice.notes', { initiativeId, focusGroupId: focusGroup.id });
    expect(notes.length).toBeGreaterThanOrEqual(6);
    expect(notes.every((note) => note.themeIds.length > 0)).toBe(true);
    expect(fixture.ok('themes.list', { initiativeId }).length).toBeGreaterThanOrEqual(3);
  });

  it('has a closed roundtable with decisions informed by community voice and actions, and a planned one', () => {
    const { id: initiativeId } = fixture.ok('initiatives.createSample', {});
    const sessions = fixture.ok('sessions.list', { initiativeId, filter: {} });
    const roundtables = sessions.filter((session) => session.kind === 'roundtable');
    expect(roundtables.map((session) => session.status).sort()).toEqual(['closed', 'planned']);

    const closed = roundtables.find((session) => session.status === 'closed');
    if (!closed) throw new Error('no closed roundtable');
    const meeting = fixture.ok('meeting.get', { initiativeId, sessionId: closed.id });
    expect(meeting.items.length).toBeGreaterThanOrEqual(3);
    expect(meeting.attendance.filter((attendee) => attendee.checkedIn).length).toBeGreaterThanOrEqual(8);
    expect(meeting.decisions.length).toBeGreaterThanOrEqual(2);
    expect(meeting.decisions.some((decision) => decision.noteIds.length > 0)).toBe(true);
    expect(meeting.actions.length).toBeGreaterThanOrEqual(3);
    expect(meeting.parking.length).toBeGreaterThanOrEqual(1);

    const planned = roundtables.find((session) => session.status === 'planned');
    if (!planned) throw new Error('no planned roundtable');
    expect(fixture.ok('meeting.get', { initiativeId, sessionId: planned.id }).items.length).toBeGreaterThanOrEqual(3);
  });

  it('is written through the write path: every row it made has its change messages in the log', () => {
    const { id: initiativeId } = fixture.ok('initiatives.createSample', {});
    const [file] = Object.values(fixture.dump());
    type Message = { tbl: string; row_id: string };
    const logged = new Set((file.change_log as Message[]).map((message) => `${message.tbl}/${message.row_id}`));
    for (const table of [
      'partners',
      'groups',
      'memberships',
      'relationships',
      'voice_notes',
      'sessions',
      'decisions',
    ]) {
      const rows = file[table] as { id: string }[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) expect(logged.has(`${table}/${row.id}`), `${table} ${row.id}`).toBe(true);
    }
    expect(fixture.ok('initiatives.get', { initiativeId }).name).toBe('Riverside Cradle to Career (sample)');
  });

  it('makes the same records on two laptops, so a sync between them merges the sample instead of doubling it', () => {
    const other = openContractFixture();
    try {
      fixture.ok('initiatives.createSample', {});
      other.ok('initiatives.createSample', {});
      const [here] = Object.values(fixture.dump());
      const [there] = Object.values(other.dump());
      const idsOf = (file: Record<string, unknown[]>, table: string) =>
        (file[table] as { id: string }[]).map((row) => row.id).sort();
      let records = 0;
      for (const table of Object.keys(domainTables)) {
        expect(idsOf(there, table), table).toEqual(idsOf(here, table));
        records += here[table].length;
      }
      for (const table of ['agenda_items', 'voice_notes', 'decisions', 'action_items', 'parking_lot'])
        expect(here[table].length, table).toBeGreaterThan(0);
      expect(records).toBeGreaterThan(100);
    } finally {
      other.close();
    }
  });
});
