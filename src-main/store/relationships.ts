import { v7 as uuidv7 } from 'uuid';
import { relationshipDirections, type Relationship, type RelationshipPatch } from '../contract/partners';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { text } from './rows';
import type { WritePath } from './write-path';

interface RelationshipRow {
  id: string;
  from_id: string | null;
  to_id: string | null;
  kind: string | null;
  strength: number | null;
  note: string | null;
  direction: string | null;
}

const knownDirection = new Set<string>(relationshipDirections);

export type NewRelationship = Omit<Relationship, 'id'>;

function toRelationship(row: RelationshipRow): Relationship {
  const strength = row.strength === 1 || row.strength === 3 ? row.strength : 2;
  return {
    id: row.id,
    fromId: text(row.from_id),
    toId: text(row.to_id),
    kind: text(row.kind) || 'partners_with',
    strength,
    note: text(row.note),
    // A value from a hostile or newer peer is still text to the sync check; read it as the default.
    direction: knownDirection.has(row.direction ?? '') ? (row.direction as Relationship['direction']) : 'directed',
  };
}

export function createRelationshipRepository(db: Db, writePath: WritePath) {
  // Only relationships whose two ends are live partners are shown; the others wait in the table
  // so that restoring a partner brings its relationships back.
  const selectAll = db.prepare(
    `SELECT r.id, r.from_id, r.to_id, r.kind, r.strength, r.note, r.direction FROM relationships r
     JOIN partners a ON a.id = r.from_id AND a.tombstone = 0
     JOIN partners b ON b.id = r.to_id AND b.tombstone = 0
     WHERE r.tombstone = 0 ORDER BY r.id`,
  );
  const selectOne = db.prepare(
    'SELECT id, from_id, to_id, kind, strength, note, direction, tombstone FROM relationships WHERE id = ?',
  );
  const partnerAlive = db.prepare('SELECT 1 FROM partners WHERE id = ? AND tombstone = 0').pluck();

  function get(id: string): Relationship {
    const row = selectOne.get(id) as (RelationshipRow & { tombstone: number }) | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No relationship with that id in this initiative.');
    return toRelationship(row);
  }

  function list(): Relationship[] {
    return (selectAll.all() as RelationshipRow[]).map(toRelationship);
  }

  function requirePartners(...ids: string[]): void {
    for (const id of ids) {
      if (!partnerAlive.get(id))
        throw new AppError('not_found', 'A relationship must join two partners of this initiative.');
    }
  }

  function create(relationship: NewRelationship, id: string = uuidv7()): Relationship {
    requirePartners(relationship.fromId, relationship.toId);
    writePath.write([
      {
        table: 'relationships',
        row: id,
        values: {
          from_id: relationship.fromId,
          to_id: relationship.toId,
          kind: relationship.kind,
          strength: relationship.strength,
          note: relationship.note,
          direction: relationship.direction,
          tombstone: 0,
        },
      },
    ]);
    return get(id);
  }

  function update(id: string, patch: RelationshipPatch): Relationship {
    get(id);
    const values = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    if (Object.keys(values).length > 0) writePath.write([{ table: 'relationships', row: id, values }]);
    return get(id);
  }

  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'relationships', row: id, values: { tombstone: 1 } }]);
  }

  return { list, get, create, update, remove };
}

export type RelationshipRepository = ReturnType<typeof createRelationshipRepository>;
