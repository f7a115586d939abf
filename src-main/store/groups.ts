import { v7 as uuidv7 } from 'uuid';
import { groupKinds, memberRoles, type Group, type GroupPatch, type Membership } from '../contract/partners';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { oneOf, repeatedCreate, text } from './rows';
import type { WritePath } from './write-path';

interface GroupRow {
  id: string;
  kind: string | null;
  name: string | null;
  purpose: string | null;
  colour: string | null;
}

interface MembershipRow {
  group_id: string;
  partner_id: string;
  role: string | null;
}

export type NewGroup = Required<GroupPatch>;

/** A membership's id is derived from its pair, so concurrent adds on two devices converge. */
export function membershipId(groupId: string, partnerId: string): string {
  return `${groupId}.${partnerId}`;
}

const groupColumns: Record<keyof GroupPatch, string> = {
  kind: 'kind',
  name: 'name',
  purpose: 'purpose',
  colour: 'colour',
};

export function createGroupRepository(db: Db, writePath: WritePath) {
  const selectGroups = db.prepare(
    'SELECT id, kind, name, purpose, colour FROM groups WHERE tombstone = 0 ORDER BY name COLLATE NOCASE, id',
  );
  const selectGroup = db.prepare('SELECT id, kind, name, purpose, colour, tombstone FROM groups WHERE id = ?');
  // Memberships of deleted partners are hidden, not deleted: restoring the partner restores them.
  const selectMembers = db.prepare(
    `SELECT m.group_id, m.partner_id, m.role FROM memberships m
     JOIN partners p ON p.id = m.partner_id AND p.tombstone = 0
     WHERE m.tombstone = 0 ORDER BY m.group_id, p.name COLLATE NOCASE`,
  );
  const selectMembersOf = db.prepare(
    `SELECT m.group_id, m.partner_id, m.role FROM memberships m
     JOIN partners p ON p.id = m.partner_id AND p.tombstone = 0
     WHERE m.group_id = ? AND m.tombstone = 0 ORDER BY p.name COLLATE NOCASE`,
  );
  const partnerAlive = db.prepare('SELECT 1 FROM partners WHERE id = ? AND tombstone = 0').pluck();

  function toMembership(row: MembershipRow): Membership {
    return { partnerId: row.partner_id, role: oneOf(memberRoles, row.role, 'member') };
  }

  function toGroup(row: GroupRow, members: Membership[]): Group {
    return {
      id: row.id,
      kind: oneOf(groupKinds, row.kind, 'working_group'),
      name: text(row.name),
      purpose: text(row.purpose),
      colour: text(row.colour) || '#1f6f5c',
      members,
    };
  }

  function list(): Group[] {
    const byGroup = new Map<string, Membership[]>();
    for (const row of selectMembers.all() as MembershipRow[]) {
      const members = byGroup.get(row.group_id) ?? [];
      members.push(toMembership(row));
      byGroup.set(row.group_id, members);
    }
    return (selectGroups.all() as GroupRow[]).map((row) => toGroup(row, byGroup.get(row.id) ?? []));
  }

  function get(id: string): Group {
    const row = selectGroup.get(id) as (GroupRow & { tombstone: number }) | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No group with that id in this initiative.');
    return toGroup(row, (selectMembersOf.all(id) as MembershipRow[]).map(toMembership));
  }

  function values(patch: GroupPatch): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [key, value] of Object.entries(patch) as [keyof GroupPatch, string | undefined][]) {
      if (value !== undefined) result[groupColumns[key]] = value;
    }
    return result;
  }

  function create(group: NewGroup, id: string = uuidv7()): Group {
    const repeated = repeatedCreate(selectGroup.get(id), () => get(id), 'group');
    if (repeated) return repeated;
    writePath.write([{ table: 'groups', row: id, values: { ...values(group), tombstone: 0 } }]);
    return get(id);
  }

  function update(id: string, patch: GroupPatch): Group {
    get(id);
    const changed = values(patch);
    if (Object.keys(changed).length > 0) writePath.write([{ table: 'groups', row: id, values: changed }]);
    return get(id);
  }

  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'groups', row: id, values: { tombstone: 1 } }]);
  }

  function restore(id: string): Group {
    if (!selectGroup.get(id)) throw new AppError('not_found', 'No group with that id in this initiative.');
    writePath.write([{ table: 'groups', row: id, values: { tombstone: 0 } }]);
    return get(id);
  }

  /** Adds the partner to the group with this role, or changes the role of an existing member. */
  function setMember(groupId: string, partnerId: string, role: Membership['role']): Group {
    get(groupId);
    if (!partnerAlive.get(partnerId)) throw new AppError('not_found', 'No partner with that id in this initiative.');
    writePath.write([
      {
        table: 'memberships',
        row: membershipId(groupId, partnerId),
        values: { group_id: groupId, partner_id: partnerId, role, tombstone: 0 },
      },
    ]);
    return get(groupId);
  }

  function removeMember(groupId: string, partnerId: string): Group {
    const group = get(groupId);
    if (!group.members.some((member) => member.partnerId === partnerId)) {
      throw new AppError('not_found', 'That partner is not a member of this group.');
    }
    writePath.write([{ table: 'memberships', row: membershipId(groupId, partnerId), values: { tombstone: 1 } }]);
    return get(groupId);
  }

  return { list, get, create, update, remove, restore, setMember, removeMember };
}

export type GroupRepository = ReturnType<typeof createGroupRepository>;
