import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  decisionMethods,
  decisionOutcomes,
  type Decision,
  type DecisionDraft,
  type DecisionFilter,
  type DecisionLogEntry,
  type DecisionPatch,
  type Tally,
} from '../contract/meeting';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { localTimestamp, oneOf, repeatedCreate, text, toColumns } from './rows';
import type { RowChange, WritePath } from './write-path';

interface DecisionRow {
  id: string;
  session_id: string;
  agenda_item_id: string | null;
  text: string | null;
  method: string | null;
  fist_0: number | null;
  fist_1: number | null;
  fist_2: number | null;
  fist_3: number | null;
  fist_4: number | null;
  fist_5: number | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  objections: string | null;
  outcome: string | null;
  rationale: string | null;
  decided_at: string | null;
  tombstone: number;
}

type LogRow = DecisionRow & {
  session_title: string | null;
  starts_at: string | null;
  group_id: string | null;
  item_title: string | null;
};

const fistColumns = ['fist_0', 'fist_1', 'fist_2', 'fist_3', 'fist_4', 'fist_5'] as const;
type PlainField = 'agendaItemId' | 'text' | 'method' | 'outcome' | 'rationale';
const columnOf: Record<PlainField, string> = {
  agendaItemId: 'agenda_item_id',
  text: 'text',
  method: 'method',
  outcome: 'outcome',
  rationale: 'rationale',
};

/** The tally's counts as columns: one per count, so a merge compares numbers, not a JSON blob. */
function tallyColumns(tally: Tally): Record<string, number | string | null> {
  const values: Record<string, number | string | null> = {};
  fistColumns.forEach((column, fingers) => (values[column] = tally.fist?.[fingers] ?? null));
  values.votes_for = tally.for ?? null;
  values.votes_against = tally.against ?? null;
  values.votes_abstain = tally.abstain ?? null;
  values.objections = tally.objections ?? '';
  return values;
}

/** A link's id joins its two ids, so the same link made on two devices is one row. */
const decisionNoteId = (decisionId: string, noteId: string) => `${decisionId}.${noteId}`;

/** Decisions with their method, tally, outcome and the community voice that informed them. */
export function createDecisionRepository(db: Db, writePath: WritePath) {
  const selectOne = db.prepare('SELECT * FROM decisions WHERE id = ?');
  const ofSession = db.prepare(
    'SELECT * FROM decisions WHERE session_id = ? AND tombstone = 0 ORDER BY decided_at, id',
  );
  // Newest session first (by its start, or its first decision when it has none); a session's own
  // decisions in the order they were made, as on its page. Decision times are kept to the second.
  const logRows = db.prepare(
    `SELECT d.*, s.title AS session_title, s.starts_at, s.group_id, a.title AS item_title FROM decisions d
     JOIN sessions s ON s.id = d.session_id AND s.tombstone = 0
     LEFT JOIN agenda_items a ON a.id = d.agenda_item_id AND a.tombstone = 0
     WHERE d.tombstone = 0
     ORDER BY coalesce(nullif(s.starts_at, ''), (SELECT min(f.decided_at) FROM decisions f WHERE f.session_id = s.id)) DESC,
       d.session_id, d.decided_at, d.id`,
  );
  const notesOf = db.prepare(
    `SELECT decision_id, note_id FROM decision_notes
     WHERE tombstone = 0 AND decision_id IN (SELECT value FROM json_each(?)) ORDER BY note_id`,
  );
  const sessionAlive = db.prepare('SELECT 1 FROM sessions WHERE id = ? AND tombstone = 0').pluck();
  const itemSession = db.prepare('SELECT session_id FROM agenda_items WHERE id = ? AND tombstone = 0').pluck();
  /** Notes carried to the session that may still be shown there (consent, withdrawal). */
  const carriedShared = db
    .prepare(
      `SELECT v.id FROM shared_voice_notes v JOIN carried_notes c ON c.note_id = v.id AND c.tombstone = 0
       WHERE c.session_id = ? AND v.id IN (SELECT value FROM json_each(?))`,
    )
    .pluck();
  /** Of some notes, those that may still be shown beside a decision (consent, withdrawal, deletion). */
  const stillShared = db
    .prepare('SELECT id FROM shared_voice_notes WHERE id IN (SELECT value FROM json_each(?))')
    .pluck();

  function toDecisions(rows: DecisionRow[]): Decision[] {
    if (rows.length === 0) return [];
    const notes = new Map<string, string[]>();
    for (const link of notesOf.all(JSON.stringify(rows.map((row) => row.id))) as {
      decision_id: string;
      note_id: string;
    }[])
      notes.set(link.decision_id, [...(notes.get(link.decision_id) ?? []), link.note_id]);
    return rows.map((row) => ({
      id: row.id,
      sessionId: row.session_id,
      agendaItemId: row.agenda_item_id || null,
      text: text(row.text),
      method: oneOf(decisionMethods, row.method, 'consensus'),
      tally: {
        fist: fistColumns.map((column) => row[column] ?? 0),
        for: row.votes_for ?? 0,
        against: row.votes_against ?? 0,
        abstain: row.votes_abstain ?? 0,
        objections: text(row.objections),
      },
      outcome: oneOf(decisionOutcomes, row.outcome, 'deferred'),
      rationale: text(row.rationale),
      noteIds: notes.get(row.id) ?? [],
      decidedAt: text(row.decided_at),
    }));
  }

  function get(decisionId: string): Decision {
    const row = selectOne.get(decisionId) as DecisionRow | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No decision with that id in this initiative.');
    return toDecisions([row])[0];
  }

  function checkLinks(
    sessionId: string,
    agendaItemId: string | null | undefined,
    noteIds: readonly string[] | undefined,
  ) {
    if (agendaItemId && itemSession.get(agendaItemId) !== sessionId)
      throw new AppError('not_found', 'No agenda item with that id in this session.');
    if (noteIds && noteIds.length > 0) {
      const unique = [...new Set(noteIds)];
      const found = carriedShared.all(sessionId, JSON.stringify(unique)) as string[];
      if (found.length !== unique.length)
        throw new AppError('invalid_input', 'Only voice notes carried to this session can be cited by its decisions.');
    }
  }

  function noteChanges(decisionId: string, noteIds: readonly string[]): RowChange[] {
    const wanted = new Set(noteIds);
    const current = new Set(toDecisions([selectOne.get(decisionId) as DecisionRow])[0]?.noteIds ?? []);
    return [
      ...[...current]
        .filter((noteId) => !wanted.has(noteId))
        .map((noteId) => ({
          table: 'decision_notes',
          row: decisionNoteId(decisionId, noteId),
          values: { tombstone: 1 },
        })),
      ...[...wanted]
        .filter((noteId) => !current.has(noteId))
        .map((noteId) => ({
          table: 'decision_notes',
          row: decisionNoteId(decisionId, noteId),
          values: { decision_id: decisionId, note_id: noteId, tombstone: 0 },
        })),
    ];
  }

  function record(draft: z.output<typeof DecisionDraft>, id: string = uuidv7()): Decision {
    const repeated = repeatedCreate(selectOne.get(id), () => get(id), 'decision');
    if (repeated) return repeated;
    if (!sessionAlive.get(draft.sessionId))
      throw new AppError('not_found', 'No session with that id in this initiative.');
    checkLinks(draft.sessionId, draft.agendaItemId, draft.noteIds);
    writePath.write([
      {
        table: 'decisions',
        row: id,
        values: {
          ...toColumns<PlainField>(draft, columnOf),
          ...tallyColumns(draft.tally),
          session_id: draft.sessionId,
          decided_at: localTimestamp(),
          tombstone: 0,
        },
      },
      ...[...new Set(draft.noteIds)].map((noteId) => ({
        table: 'decision_notes',
        row: decisionNoteId(id, noteId),
        values: { decision_id: id, note_id: noteId, tombstone: 0 },
      })),
    ]);
    return get(id);
  }

  function update(decisionId: string, patch: DecisionPatch): Decision {
    const decision = get(decisionId);
    checkLinks(decision.sessionId, patch.agendaItemId, patch.noteIds);
    const values = { ...toColumns<PlainField>(patch, columnOf), ...(patch.tally ? tallyColumns(patch.tally) : {}) };
    const changes: RowChange[] =
      Object.keys(values).length > 0 ? [{ table: 'decisions', row: decisionId, values }] : [];
    if (patch.noteIds) changes.push(...noteChanges(decisionId, patch.noteIds));
    if (changes.length > 0) writePath.write(changes);
    return get(decisionId);
  }

  function remove(decisionId: string): void {
    get(decisionId);
    writePath.write([{ table: 'decisions', row: decisionId, values: { tombstone: 1 } }]);
  }

  /** Undo of a delete: the same decision, its tally and cited notes as they were. */
  function restore(decisionId: string): Decision {
    if (!selectOne.get(decisionId)) throw new AppError('not_found', 'No decision with that id in this initiative.');
    writePath.write([{ table: 'decisions', row: decisionId, values: { tombstone: 0 } }]);
    return get(decisionId);
  }

  function list(sessionId: string): Decision[] {
    return toDecisions(ofSession.all(sessionId) as DecisionRow[]);
  }

  /** Across sessions, newest first; the date filter reads the session's day. */
  function log(filter: z.output<typeof DecisionFilter>): DecisionLogEntry[] {
    const query = filter.query?.trim().toLocaleLowerCase() ?? '';
    const rows = (logRows.all() as LogRow[]).filter((row) => {
      const day = (text(row.starts_at) || text(row.decided_at)).slice(0, 10);
      if (filter.groupId && row.group_id !== filter.groupId) return false;
      if (filter.method && row.method !== filter.method) return false;
      if (filter.outcome && row.outcome !== filter.outcome) return false;
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
      if (query && !`${text(row.text)}\n${text(row.rationale)}`.toLocaleLowerCase().includes(query)) return false;
      return true;
    });
    const decisions = toDecisions(rows);
    // The links stay (a reinstated participant's note counts again), but the log counts only the
    // voices that may still be shown: a withdrawn participant's note no longer informs anything.
    const shared = new Set(
      stillShared.all(JSON.stringify([...new Set(decisions.flatMap((decision) => decision.noteIds))])) as string[],
    );
    return rows.map((row, index) => ({
      ...decisions[index],
      noteIds: decisions[index].noteIds.filter((noteId) => shared.has(noteId)),
      sessionTitle: text(row.session_title),
      sessionStartsAt: text(row.starts_at),
      groupId: row.group_id || null,
      agendaItemTitle: text(row.item_title),
    }));
  }

  return { get, list, record, update, remove, restore, log };
}

export type DecisionRepository = ReturnType<typeof createDecisionRepository>;
