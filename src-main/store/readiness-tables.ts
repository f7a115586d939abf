import { v7 as uuidv7 } from 'uuid';
import { CollaborationDraft, type Collaboration } from '../contract/readiness';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { repeatedCreate, text } from './rows';
import type { WritePath } from './write-path';

interface CollaborationRow {
  id: string;
  name: string | null;
  goal: string | null;
  convener: string | null;
  partner_ids: string | null;
}

function idList(stored: string | null): string[] {
  try {
    const parsed: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The inventory of other collaborations in town. */
export function createTablesRepository(db: Db, writePath: WritePath) {
  const selectAll = db.prepare(
    'SELECT id, name, goal, convener, partner_ids FROM other_collaborations WHERE tombstone = 0 ORDER BY name COLLATE NOCASE, id',
  );
  const oneRow = db.prepare('SELECT id, tombstone FROM other_collaborations WHERE id = ?');
  const livePartner = db.prepare('SELECT 1 FROM partners WHERE id = ? AND tombstone = 0').pluck();

  function list(): Collaboration[] {
    return (selectAll.all() as CollaborationRow[]).map((row) => ({
      id: row.id,
      name: text(row.name),
      goal: text(row.goal),
      convener: text(row.convener),
      partnerIds: idList(row.partner_ids),
    }));
  }

  function get(id: string): Collaboration {
    const found = list().find((one) => one.id === id);
    if (!found) throw new AppError('not_found', 'No collaboration with that id in this initiative.');
    return found;
  }

  function create(draft: CollaborationDraft, id: string = uuidv7()): Collaboration {
    const repeated = repeatedCreate(oneRow.get(id), () => get(id), 'collaboration');
    if (repeated) return repeated;
    const { name, goal, convener, partnerIds } = CollaborationDraft.parse(draft);
    if (partnerIds.some((partnerId) => !livePartner.get(partnerId)))
      throw new AppError('not_found', 'One of the partners named is not in this initiative.');
    writePath.write([
      {
        table: 'other_collaborations',
        row: id,
        values: { name, goal, convener, partner_ids: JSON.stringify([...new Set(partnerIds)]), tombstone: 0 },
      },
    ]);
    return get(id);
  }

  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'other_collaborations', row: id, values: { tombstone: 1 } }]);
  }

  /** New words or a new list of our partners there; fields left out keep their value. */
  function update(id: string, patch: Partial<CollaborationDraft>): Collaboration {
    const before = get(id);
    const { name, goal, convener, partnerIds } = CollaborationDraft.parse({
      name: before.name,
      goal: before.goal,
      convener: before.convener,
      partnerIds: before.partnerIds,
      ...patch,
    });
    if (partnerIds.some((partnerId) => !livePartner.get(partnerId) && !before.partnerIds.includes(partnerId)))
      throw new AppError('not_found', 'One of the partners named is not in this initiative.');
    writePath.write([
      {
        table: 'other_collaborations',
        row: id,
        values: { name, goal, convener, partner_ids: JSON.stringify([...new Set(partnerIds)]) },
      },
    ]);
    return get(id);
  }

  /** Undo of a removal; a collaboration still on the list is returned as it is. */
  function restore(id: string): Collaboration {
    const stored = oneRow.get(id) as { tombstone: number } | undefined;
    if (!stored) throw new AppError('not_found', 'No collaboration with that id in this initiative.');
    if (stored.tombstone === 1) writePath.write([{ table: 'other_collaborations', row: id, values: { tombstone: 0 } }]);
    return get(id);
  }

  return { list, get, create, update, remove, restore };
}

export type TablesRepository = ReturnType<typeof createTablesRepository>;
