import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  actionStatuses,
  type ActionDraft,
  type ActionFilter,
  type ActionItem,
  type ActionPatch,
  type ParkingItem,
  type ParkingPatch,
} from '../contract/meeting';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { oneOf, repeatedCreate, text, toColumns } from './rows';
import type { WritePath } from './write-path';

interface ActionRow {
  id: string;
  text: string | null;
  owner_id: string | null;
  due_date: string | null;
  group_id: string | null;
  status: string | null;
  session_id: string | null;
  agenda_item_id: string | null;
  tombstone: number;
}

interface ParkingRow {
  id: string;
  session_id: string;
  text: string | null;
  moved_to_session_id: string | null;
  tombstone: number;
}

const actionColumns: Record<keyof ActionPatch, string> = {
  text: 'text',
  ownerId: 'owner_id',
  dueDate: 'due_date',
  groupId: 'group_id',
  status: 'status',
};

function toAction(row: ActionRow): ActionItem {
  return {
    id: row.id,
    text: text(row.text),
    ownerId: row.owner_id || null,
    dueDate: text(row.due_date),
    groupId: row.group_id || null,
    status: oneOf(actionStatuses, row.status, 'open'),
    sessionId: row.session_id || null,
    agendaItemId: row.agenda_item_id || null,
  };
}

function toParking(row: ParkingRow): ParkingItem {
  return {
    id: row.id,
    sessionId: row.session_id,
    text: text(row.text),
    movedToSessionId: row.moved_to_session_id || null,
  };
}

/** Action items (who does what by when) and the parking lot of each session. */
export function createActionItemRepository(db: Db, writePath: WritePath) {
  const selectAction = db.prepare('SELECT * FROM action_items WHERE id = ?');
  // An action made in a session goes with it when the session is deleted, and comes back with Undo:
  // the session's tombstone hides it, so nothing about the action itself has to be rewritten.
  const allActions = db.prepare(
    `SELECT a.* FROM action_items a LEFT JOIN sessions s ON s.id = a.session_id
     WHERE a.tombstone = 0 AND (coalesce(a.session_id, '') = '' OR s.tombstone = 0)
     ORDER BY a.status = 'done', coalesce(nullif(a.due_date, ''), '9999'), a.id`,
  );
  const actionsOfSession = db.prepare('SELECT * FROM action_items WHERE session_id = ? AND tombstone = 0 ORDER BY id');
  const openOfReusedSource = db.prepare(
    `SELECT a.* FROM action_items a JOIN sessions s ON s.reused_from_id = a.session_id
     JOIN sessions source ON source.id = a.session_id AND source.tombstone = 0
     WHERE s.id = ? AND a.tombstone = 0 AND a.status = 'open'
     ORDER BY coalesce(nullif(a.due_date, ''), '9999'), a.id`,
  );
  const selectParking = db.prepare('SELECT * FROM parking_lot WHERE id = ?');
  const parkingOfSession = db.prepare(
    'SELECT * FROM parking_lot WHERE (session_id = ? OR moved_to_session_id = ?) AND tombstone = 0 ORDER BY id',
  );
  const alive = (table: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND tombstone = 0`).pluck();
  const sessionAlive = alive('sessions');
  const partnerAlive = alive('partners');
  const groupAlive = alive('groups');
  const itemSession = db.prepare('SELECT session_id FROM agenda_items WHERE id = ? AND tombstone = 0').pluck();

  function requireSession(sessionId: string): void {
    if (!sessionAlive.get(sessionId)) throw new AppError('not_found', 'No session with that id in this initiative.');
  }

  function checkLinks(links: { ownerId?: string | null; groupId?: string | null; sessionId?: string | null }): void {
    if (links.ownerId && !partnerAlive.get(links.ownerId))
      throw new AppError('not_found', 'No partner with that id in this initiative.');
    if (links.groupId && !groupAlive.get(links.groupId))
      throw new AppError('not_found', 'No group with that id in this initiative.');
    if (links.sessionId) requireSession(links.sessionId);
  }

  function getAction(actionId: string): ActionItem {
    const row = selectAction.get(actionId) as ActionRow | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No action item with that id in this initiative.');
    return toAction(row);
  }

  function addAction(draft: z.output<typeof ActionDraft>, id: string = uuidv7()): ActionItem {
    const repeated = repeatedCreate(selectAction.get(id), () => getAction(id), 'action item');
    if (repeated) return repeated;
    checkLinks(draft);
    if (draft.agendaItemId && (!draft.sessionId || itemSession.get(draft.agendaItemId) !== draft.sessionId))
      throw new AppError('invalid_input', 'An action item can only come from an agenda item of its own session.');
    writePath.write([
      {
        table: 'action_items',
        row: id,
        values: {
          ...toColumns<keyof ActionPatch>(draft, actionColumns),
          session_id: draft.sessionId,
          agenda_item_id: draft.agendaItemId,
          tombstone: 0,
        },
      },
    ]);
    return getAction(id);
  }

  function updateAction(actionId: string, patch: ActionPatch): ActionItem {
    getAction(actionId);
    checkLinks(patch);
    const values = toColumns(patch, actionColumns);
    if (Object.keys(values).length > 0) writePath.write([{ table: 'action_items', row: actionId, values }]);
    return getAction(actionId);
  }

  function removeAction(actionId: string): void {
    getAction(actionId);
    writePath.write([{ table: 'action_items', row: actionId, values: { tombstone: 1 } }]);
  }

  /** Open first, soonest due first. `overdueOn` keeps open actions due before that day. */
  function listActions(filter: z.output<typeof ActionFilter>): ActionItem[] {
    return (allActions.all() as ActionRow[]).map(toAction).filter((action) => {
      if (filter.ownerId && action.ownerId !== filter.ownerId) return false;
      if (filter.groupId && action.groupId !== filter.groupId) return false;
      if (filter.status && action.status !== filter.status) return false;
      if (filter.overdueOn && !(action.status === 'open' && action.dueDate && action.dueDate < filter.overdueOn))
        return false;
      return true;
    });
  }

  function actionsOf(sessionId: string): ActionItem[] {
    return (actionsOfSession.all(sessionId) as ActionRow[]).map(toAction);
  }

  /** The open actions of the session whose agenda this one reused, so they are seen again. */
  function openFromReused(sessionId: string): ActionItem[] {
    return (openOfReusedSource.all(sessionId) as ActionRow[]).map(toAction);
  }

  function getParking(itemId: string): ParkingItem {
    const row = selectParking.get(itemId) as ParkingRow | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No parking-lot item with that id in this initiative.');
    return toParking(row);
  }

  function addParking(sessionId: string, itemText: string, id: string = uuidv7()): ParkingItem {
    const repeated = repeatedCreate(selectParking.get(id), () => getParking(id), 'parking-lot item');
    if (repeated) return repeated;
    requireSession(sessionId);
    writePath.write([
      { table: 'parking_lot', row: id, values: { session_id: sessionId, text: itemText, tombstone: 0 } },
    ]);
    return getParking(id);
  }

  function updateParking(itemId: string, patch: ParkingPatch): ParkingItem {
    const item = getParking(itemId);
    if (patch.movedToSessionId) {
      requireSession(patch.movedToSessionId);
      if (patch.movedToSessionId === item.sessionId)
        throw new AppError('invalid_input', 'A parking-lot item moves to another session, not the one it came from.');
    }
    const values = toColumns(patch, { text: 'text', movedToSessionId: 'moved_to_session_id' });
    if (Object.keys(values).length > 0) writePath.write([{ table: 'parking_lot', row: itemId, values }]);
    return getParking(itemId);
  }

  function removeParking(itemId: string): void {
    getParking(itemId);
    writePath.write([{ table: 'parking_lot', row: itemId, values: { tombstone: 1 } }]);
  }

  /** The session's own items and those moved to it from earlier sessions. */
  function parkingOf(sessionId: string): ParkingItem[] {
    return (parkingOfSession.all(sessionId, sessionId) as ParkingRow[]).map(toParking);
  }

  return {
    getAction,
    addAction,
    updateAction,
    removeAction,
    listActions,
    actionsOf,
    openFromReused,
    addParking,
    updateParking,
    removeParking,
    parkingOf,
  };
}

export type ActionItemRepository = ReturnType<typeof createActionItemRepository>;
