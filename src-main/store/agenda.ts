import { v7 as uuidv7 } from 'uuid';
import {
  agendaPurposes,
  AgendaItemDraft,
  type AgendaItem,
  type AgendaItemPatch,
  type VoicePin,
} from '../contract/meeting';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { oneOf, repeatedCreate, text, toColumns } from './rows';
import { linkId } from './voice-notes';
import type { RowChange, WritePath } from './write-path';

interface AgendaRow {
  id: string;
  session_id: string;
  position: number | null;
  title: string | null;
  presenter_id: string | null;
  timebox_minutes: number | null;
  purpose: string | null;
  notes: string | null;
  indicator_id: string | null;
  tombstone: number;
}

const columnOf: Record<keyof AgendaItemPatch, string> = {
  title: 'title',
  presenterId: 'presenter_id',
  timeboxMinutes: 'timebox_minutes',
  purpose: 'purpose',
  notes: 'notes',
  indicatorId: 'indicator_id',
};

function toItem(row: AgendaRow): AgendaItem {
  return {
    id: row.id,
    sessionId: row.session_id,
    position: row.position ?? 0,
    title: text(row.title),
    presenterId: row.presenter_id || null,
    timeboxMinutes: row.timebox_minutes ?? 0,
    purpose: oneOf(agendaPurposes, row.purpose, 'discuss'),
    notes: text(row.notes),
    indicatorId: row.indicator_id || null,
  };
}

/** A session's agenda: items in order, each with a timebox, a purpose and its notes. */
export function createAgendaRepository(db: Db, writePath: WritePath) {
  const ofSession = db.prepare(
    'SELECT * FROM agenda_items WHERE session_id = ? AND tombstone = 0 ORDER BY position, id',
  );
  const selectOne = db.prepare('SELECT * FROM agenda_items WHERE id = ?');
  const sessionRow = db.prepare('SELECT id, kind, group_id, starts_at FROM sessions WHERE id = ? AND tombstone = 0');
  const partnerAlive = db.prepare('SELECT 1 FROM partners WHERE id = ? AND tombstone = 0').pluck();
  const indicatorAlive = db.prepare('SELECT 1 FROM indicators WHERE id = ? AND tombstone = 0').pluck();
  /** Earlier sessions that have an agenda, newest first. */
  const withAgenda = db.prepare(
    `SELECT s.id, s.kind, s.group_id, s.starts_at FROM sessions s
     WHERE s.tombstone = 0 AND s.id <> ?
       AND EXISTS (SELECT 1 FROM agenda_items a WHERE a.session_id = s.id AND a.tombstone = 0)
     ORDER BY coalesce(nullif(s.starts_at, ''), '0000') DESC, s.id DESC`,
  );

  /** Carried notes and the item each is pinned to; a pin to a deleted item reads as no pin. */
  const pinsOfSession = db.prepare(
    `SELECT c.note_id, a.id AS item_id FROM carried_notes c
     LEFT JOIN agenda_items a ON a.id = c.agenda_item_id AND a.session_id = c.session_id AND a.tombstone = 0
     WHERE c.session_id = ? AND c.tombstone = 0 ORDER BY c.id`,
  );
  const carriedAlive = db.prepare('SELECT 1 FROM carried_notes WHERE id = ? AND tombstone = 0').pluck();

  function requireSession(sessionId: string) {
    const row = sessionRow.get(sessionId) as
      { id: string; kind: string; group_id: string | null; starts_at: string | null } | undefined;
    if (!row) throw new AppError('not_found', 'No session with that id in this initiative.');
    return row;
  }

  function get(itemId: string): AgendaItem {
    const row = selectOne.get(itemId) as AgendaRow | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No agenda item with that id in this initiative.');
    return toItem(row);
  }

  function list(sessionId: string): AgendaItem[] {
    requireSession(sessionId);
    return (ofSession.all(sessionId) as AgendaRow[]).map(toItem);
  }

  function checkPresenter(presenterId: string | null | undefined): void {
    if (presenterId && !partnerAlive.get(presenterId))
      throw new AppError('not_found', 'No partner with that id in this initiative.');
  }

  function nextPosition(sessionId: string): number {
    const items = ofSession.all(sessionId) as AgendaRow[];
    return items.reduce((highest, row) => Math.max(highest, (row.position ?? 0) + 1), 0);
  }

  function checkIndicator(indicatorId: string | null | undefined): void {
    if (indicatorId && !indicatorAlive.get(indicatorId))
      throw new AppError('not_found', 'No indicator with that id in this initiative.');
  }

  function add(sessionId: string, draft: AgendaItemDraft, id: string = uuidv7()): AgendaItem {
    const repeated = repeatedCreate(selectOne.get(id), () => get(id), 'agenda item');
    if (repeated) return repeated;
    requireSession(sessionId);
    const item = AgendaItemDraft.parse(draft);
    checkPresenter(item.presenterId);
    checkIndicator(item.indicatorId);
    writePath.write([
      {
        table: 'agenda_items',
        row: id,
        values: {
          ...toColumns(item, columnOf),
          session_id: sessionId,
          position: nextPosition(sessionId),
          tombstone: 0,
        },
      },
    ]);
    return get(id);
  }

  function update(itemId: string, patch: AgendaItemPatch): AgendaItem {
    get(itemId);
    checkPresenter(patch.presenterId);
    checkIndicator(patch.indicatorId);
    const values = toColumns(patch, columnOf);
    if (Object.keys(values).length > 0) writePath.write([{ table: 'agenda_items', row: itemId, values }]);
    return get(itemId);
  }

  function remove(itemId: string): void {
    get(itemId);
    writePath.write([{ table: 'agenda_items', row: itemId, values: { tombstone: 1 } }]);
  }

  /** Positions follow the order given, which must name each of the session's items exactly once. */
  function reorder(sessionId: string, itemIds: readonly string[]): AgendaItem[] {
    const current = list(sessionId);
    const known = new Set(current.map((item) => item.id));
    if (
      new Set(itemIds).size !== itemIds.length ||
      itemIds.length !== known.size ||
      itemIds.some((id) => !known.has(id))
    )
      throw new AppError('invalid_input', "The new order must list each of the session's agenda items exactly once.");
    const changes: RowChange[] = [];
    itemIds.forEach((id, position) => {
      if (current.find((item) => item.id === id)?.position !== position)
        changes.push({ table: 'agenda_items', row: id, values: { position } });
    });
    if (changes.length > 0) writePath.write(changes);
    return list(sessionId);
  }

  /**
   * Copies the agenda of the latest earlier session held by the same group (or, without a group,
   * of the same kind): titles, presenters, timeboxes and purposes, not the notes.
   */
  function reuseLast(sessionId: string): AgendaItem[] {
    const session = requireSession(sessionId);
    const startsAt = text(session.starts_at);
    const candidates = withAgenda.all(sessionId) as {
      id: string;
      kind: string;
      group_id: string | null;
      starts_at: string;
    }[];
    const source = candidates.find(
      (other) =>
        (session.group_id ? other.group_id === session.group_id : other.kind === session.kind) &&
        (!startsAt || !other.starts_at || other.starts_at <= startsAt),
    );
    if (!source) throw new AppError('not_found', 'There is no earlier session of this group or kind with an agenda.');
    let position = nextPosition(sessionId);
    const changes: RowChange[] = (ofSession.all(source.id) as AgendaRow[]).map((row) => ({
      table: 'agenda_items',
      row: uuidv7(),
      values: {
        session_id: sessionId,
        position: position++,
        title: text(row.title),
        presenter_id: row.presenter_id,
        timebox_minutes: row.timebox_minutes ?? 0,
        purpose: oneOf(agendaPurposes, row.purpose, 'discuss'),
        notes: '',
        // A data item stays a data item: the next meeting reads the same indicator again.
        indicator_id: row.indicator_id,
        tombstone: 0,
      },
    }));
    // The session remembers its source, so its meeting can show the open actions promised there.
    changes.push({ table: 'sessions', row: sessionId, values: { reused_from_id: source.id } });
    writePath.write(changes);
    return list(sessionId);
  }

  function pinsOf(sessionId: string): VoicePin[] {
    return (pinsOfSession.all(sessionId) as { note_id: string; item_id: string | null }[]).map((row) => ({
      noteId: row.note_id,
      agendaItemId: row.item_id,
    }));
  }

  /** Shows a carried voice note beside one agenda item of its session, or (null) beside none. */
  function pinVoice(sessionId: string, noteId: string, agendaItemId: string | null): VoicePin {
    requireSession(sessionId);
    const link = linkId(noteId, sessionId);
    if (!carriedAlive.get(link)) throw new AppError('not_found', 'That note was not carried to this session.');
    if (agendaItemId && get(agendaItemId).sessionId !== sessionId)
      throw new AppError('invalid_input', 'A carried note is pinned to an item of the session it was carried to.');
    writePath.write([{ table: 'carried_notes', row: link, values: { agenda_item_id: agendaItemId } }]);
    return { noteId, agendaItemId };
  }

  return { get, list, add, update, remove, reorder, reuseLast, pinsOf, pinVoice };
}

export type AgendaRepository = ReturnType<typeof createAgendaRepository>;
