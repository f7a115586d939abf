import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../contract/result';
import { sessionKinds, sessionStatuses, type Session, type SessionPatch } from '../contract/sessions';
import type { Db } from './connection';
import { oneOf, repeatedCreate, text, toColumns } from './rows';
import type { WritePath } from './write-path';

interface SessionRow {
  id: string;
  kind: string | null;
  title: string | null;
  starts_at: string | null;
  ends_at: string | null;
  place: string | null;
  topic: string | null;
  group_id: string | null;
  facilitator_id: string | null;
  status: string | null;
  tombstone: number;
}

const columnOf: Record<keyof SessionPatch, string> = {
  kind: 'kind',
  title: 'title',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  place: 'place',
  topic: 'topic',
  groupId: 'group_id',
  facilitatorId: 'facilitator_id',
  status: 'status',
};

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    kind: oneOf(sessionKinds, row.kind, 'roundtable'),
    title: text(row.title),
    startsAt: text(row.starts_at),
    endsAt: text(row.ends_at),
    place: text(row.place),
    topic: text(row.topic),
    groupId: row.group_id || null,
    facilitatorId: row.facilitator_id || null,
    status: oneOf(sessionStatuses, row.status, 'planned'),
  };
}

export function createSessionRepository(db: Db, writePath: WritePath) {
  const selectAll = db.prepare(
    `SELECT * FROM sessions WHERE tombstone = 0
     ORDER BY coalesce(nullif(starts_at, ''), '9999') DESC, title COLLATE NOCASE, id`,
  );
  const selectOne = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const groupAlive = db.prepare('SELECT 1 FROM groups WHERE id = ? AND tombstone = 0').pluck();
  const partnerAlive = db.prepare('SELECT 1 FROM partners WHERE id = ? AND tombstone = 0').pluck();

  function get(id: string): Session {
    const row = selectOne.get(id) as SessionRow | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No session with that id in this initiative.');
    return toSession(row);
  }

  function list(filter: { kind?: Session['kind']; groupId?: string } = {}): Session[] {
    return (selectAll.all() as SessionRow[])
      .map(toSession)
      .filter((session) => (filter.kind ? session.kind === filter.kind : true))
      .filter((session) => (filter.groupId ? session.groupId === filter.groupId : true));
  }

  function checkLinks(patch: SessionPatch): void {
    if (patch.groupId && !groupAlive.get(patch.groupId)) {
      throw new AppError('not_found', 'No group with that id in this initiative.');
    }
    if (patch.facilitatorId && !partnerAlive.get(patch.facilitatorId)) {
      throw new AppError('not_found', 'No partner with that id in this initiative.');
    }
  }

  function create(session: SessionPatch & Pick<Session, 'kind' | 'title'>, id: string = uuidv7()): Session {
    const repeated = repeatedCreate(selectOne.get(id), () => get(id), 'session');
    if (repeated) return repeated;
    checkLinks(session);
    writePath.write([{ table: 'sessions', row: id, values: { ...toColumns(session, columnOf), tombstone: 0 } }]);
    return get(id);
  }

  function update(id: string, patch: SessionPatch): Session {
    get(id);
    checkLinks(patch);
    const values = toColumns(patch, columnOf);
    if (Object.keys(values).length > 0) writePath.write([{ table: 'sessions', row: id, values }]);
    return get(id);
  }

  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'sessions', row: id, values: { tombstone: 1 } }]);
  }

  function restore(id: string): Session {
    if (!selectOne.get(id)) throw new AppError('not_found', 'No session with that id in this initiative.');
    writePath.write([{ table: 'sessions', row: id, values: { tombstone: 0 } }]);
    return get(id);
  }

  return { get, list, create, update, remove, restore };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
