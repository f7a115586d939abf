import type { Attendee } from '../contract/meeting';
import type { PartnerDraft } from '../contract/partners';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import type { PartnerRepository } from './partners';
import { text } from './rows';
import type { RowChange, WritePath } from './write-path';

interface AttendeeRow {
  id: string;
  session_id: string;
  partner_id: string;
  invited: number;
  checked_in: number;
  name: string | null;
  sector: string | null;
  lived_experience: number | null;
}

/** One row per person and session: `${sessionId}.${partnerId}`, so two devices agree on it. */
export const attendanceId = (sessionId: string, partnerId: string) => `${sessionId}.${partnerId}`;

function toAttendee(row: AttendeeRow): Attendee {
  return {
    id: row.id,
    sessionId: row.session_id,
    partnerId: row.partner_id,
    name: text(row.name),
    sector: text(row.sector) || 'other',
    livedExperience: row.lived_experience === 1,
    invited: row.invited === 1,
    checkedIn: row.checked_in === 1,
  };
}

/** Who was invited to a session and who is at the table; deleted partners drop off the list. */
export function createAttendanceRepository(db: Db, writePath: WritePath, partners: PartnerRepository) {
  const ofSession = db.prepare(
    `SELECT a.*, p.name, p.sector, p.lived_experience FROM attendance a
     JOIN partners p ON p.id = a.partner_id AND p.tombstone = 0
     WHERE a.session_id = ? AND a.tombstone = 0 ORDER BY p.name COLLATE NOCASE, a.id`,
  );
  const one = db.prepare(
    `SELECT a.*, p.name, p.sector, p.lived_experience FROM attendance a
     JOIN partners p ON p.id = a.partner_id AND p.tombstone = 0 WHERE a.id = ? AND a.tombstone = 0`,
  );
  const sessionAlive = db.prepare('SELECT 1 FROM sessions WHERE id = ? AND tombstone = 0').pluck();
  const partnerAlive = db.prepare('SELECT 1 FROM partners WHERE id = ? AND tombstone = 0').pluck();
  const groupAlive = db.prepare('SELECT 1 FROM groups WHERE id = ? AND tombstone = 0').pluck();
  const membersOf = db
    .prepare(
      `SELECT m.partner_id FROM memberships m JOIN partners p ON p.id = m.partner_id AND p.tombstone = 0
       WHERE m.group_id = ? AND m.tombstone = 0`,
    )
    .pluck();
  const existing = db.prepare('SELECT 1 FROM attendance WHERE id = ? AND tombstone = 0').pluck();

  function requireSession(sessionId: string): void {
    if (!sessionAlive.get(sessionId)) throw new AppError('not_found', 'No session with that id in this initiative.');
  }

  function list(sessionId: string): Attendee[] {
    requireSession(sessionId);
    return (ofSession.all(sessionId) as AttendeeRow[]).map(toAttendee);
  }

  /** The partners named and every member of the groups named, once each. */
  function everyoneNamed(sessionId: string, partnerIds: readonly string[], groupIds: readonly string[]): Set<string> {
    requireSession(sessionId);
    for (const partnerId of partnerIds)
      if (!partnerAlive.get(partnerId)) throw new AppError('not_found', 'No partner with that id in this initiative.');
    for (const groupId of groupIds)
      if (!groupAlive.get(groupId)) throw new AppError('not_found', 'No group with that id in this initiative.');
    return new Set([...partnerIds, ...groupIds.flatMap((groupId) => membersOf.all(groupId) as string[])]);
  }

  /** Invites partners and every member of the groups named; people already listed keep their check-in. */
  function invite(sessionId: string, partnerIds: readonly string[], groupIds: readonly string[]): Attendee[] {
    const everyone = everyoneNamed(sessionId, partnerIds, groupIds);
    const changes = [...everyone]
      .filter((partnerId) => !existing.get(attendanceId(sessionId, partnerId)))
      .map((partnerId) => ({
        table: 'attendance',
        row: attendanceId(sessionId, partnerId),
        values: { session_id: sessionId, partner_id: partnerId, invited: 1, checked_in: 0, tombstone: 0 },
      }));
    if (changes.length > 0) writePath.write(changes);
    return list(sessionId);
  }

  /**
   * Takes people off the invited list. Someone already checked in was at the table, so their row
   * stays, no longer marked invited; everyone else's row goes.
   */
  function uninvite(sessionId: string, partnerIds: readonly string[], groupIds: readonly string[]): Attendee[] {
    const everyone = everyoneNamed(sessionId, partnerIds, groupIds);
    const changes = [...everyone].flatMap((partnerId): RowChange[] => {
      const row = one.get(attendanceId(sessionId, partnerId)) as AttendeeRow | undefined;
      if (!row) return [];
      return [{ table: 'attendance', row: row.id, values: row.checked_in === 1 ? { invited: 0 } : { tombstone: 1 } }];
    });
    if (changes.length > 0) writePath.write(changes);
    return list(sessionId);
  }

  function checkIn(sessionId: string, partnerId: string, present: boolean): Attendee {
    requireSession(sessionId);
    if (!partnerAlive.get(partnerId)) throw new AppError('not_found', 'No partner with that id in this initiative.');
    const id = attendanceId(sessionId, partnerId);
    const values: Record<string, string | number> = existing.get(id)
      ? { checked_in: present ? 1 : 0 }
      : { session_id: sessionId, partner_id: partnerId, invited: 0, checked_in: present ? 1 : 0, tombstone: 0 };
    writePath.write([{ table: 'attendance', row: id, values }]);
    return toAttendee(one.get(id) as AttendeeRow);
  }

  /**
   * Someone who was not on the list: a new partner and their check-in, in one transaction. A second
   * press with the same id finds the partner the first one made: one partner, checked in once.
   */
  function walkIn(sessionId: string, draft: PartnerDraft, id?: string): Attendee {
    requireSession(sessionId);
    return writePath.batch(() => checkIn(sessionId, partners.create(draft, id).id, true));
  }

  return { list, invite, uninvite, checkIn, walkIn };
}

export type AttendanceRepository = ReturnType<typeof createAttendanceRepository>;
