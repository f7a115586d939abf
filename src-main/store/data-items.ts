import { v7 as uuidv7 } from 'uuid';
import {
  factorKinds,
  type CurveFactor,
  type FactorKind,
  type IndicatorSources,
  type IndicatorTrail,
  type LinkableNote,
  type VoiceLink,
} from '../contract/data-items';
import { AppError } from '../contract/result';
import { noteKinds } from '../contract/voice';
import type { Db } from './connection';
import { lazyStatements } from './lazy-statements';
import { oneOf, repeatedCreate, text } from './rows';
import { toMatchQuery } from './voice-search';
import { linkId } from './voice-notes';
import type { WritePath } from './write-path';

interface FactorRow {
  id: string;
  indicator_id: string;
  session_id: string;
  agenda_item_id: string | null;
  kind: string | null;
  text: string | null;
  tombstone: number;
  session_title?: string | null;
}

/** A shareable note's columns, from shared_voice_notes: its consent and withdrawal already applied. */
interface SharedNoteRow {
  id: string;
  kind: string | null;
  text: string | null;
  pseudonym: string | null;
  consent: string;
  captured_at: string | null;
  focus_group_name: string | null;
}

interface LinkRow extends SharedNoteRow {
  link_id: string;
  indicator_id: string;
  period: string | null;
  session_title: string | null;
}

/** How many notes the picker offers at once: enough to choose from on a projector, no more. */
const pickerLimit = 30;

/** Shared voice notes with their focus group's name; the only place these reads take note text from. */
const sharedNotes = `SELECT v.id, v.kind, v.text, v.pseudonym, v.consent, v.captured_at, g.name AS focus_group_name
  FROM shared_voice_notes v LEFT JOIN groups g ON g.id = v.focus_group_id`;

// Links and factors of a deleted session or agenda item stay in the file (Undo brings them back)
// but are not listed: each read joins live sessions, as every other list across sessions does.
const sql = {
  item: `SELECT a.id, a.session_id, a.indicator_id FROM agenda_items a
    JOIN sessions s ON s.id = a.session_id AND s.tombstone = 0 WHERE a.id = ? AND a.tombstone = 0`,
  indicatorAlive: 'SELECT 1 FROM indicators WHERE id = ? AND tombstone = 0',
  factor: 'SELECT * FROM curve_factors WHERE id = ?',
  factorsOfSession: `SELECT * FROM curve_factors WHERE indicator_id = ? AND session_id = ? AND tombstone = 0
    ORDER BY id`,
  factorsOfIndicator: `SELECT f.*, s.title AS session_title FROM curve_factors f
    JOIN sessions s ON s.id = f.session_id AND s.tombstone = 0
    WHERE f.indicator_id = ? AND f.tombstone = 0 ORDER BY coalesce(nullif(s.starts_at, ''), '0000') DESC, f.id`,
  shareable: `${sharedNotes} ORDER BY v.captured_at DESC, v.id DESC LIMIT ${pickerLimit}`,
  shareableMatching: `${sharedNotes}
    WHERE v.rid IN (SELECT rowid FROM voice_notes_fts WHERE voice_notes_fts MATCH ?)
    ORDER BY v.captured_at DESC, v.id DESC LIMIT ${pickerLimit}`,
  shareableOne: `${sharedNotes} WHERE v.id = ?`,
  linkRow: 'SELECT id, tombstone FROM indicator_voice_links WHERE id = ?',
  linksOfIndicator: `SELECT n.*, l.id AS link_id, l.indicator_id, l.period, s.title AS session_title
    FROM indicator_voice_links l JOIN (${sharedNotes}) n ON n.id = l.note_id
    LEFT JOIN sessions s ON s.id = l.session_id
    WHERE l.indicator_id = ? AND l.tombstone = 0 AND (l.session_id IS NULL OR s.tombstone = 0)
    ORDER BY coalesce(l.period, ''), n.captured_at, l.id`,
  hiddenLinks: `SELECT count(*) FROM indicator_voice_links l LEFT JOIN sessions s ON s.id = l.session_id
    WHERE l.indicator_id = ? AND l.tombstone = 0 AND (l.session_id IS NULL OR s.tombstone = 0)
      AND l.note_id NOT IN (SELECT id FROM shared_voice_notes)`,
  talkedAbout: `SELECT a.id AS item_id, a.title AS item_title, s.id AS session_id, s.title AS session_title,
      s.starts_at FROM agenda_items a JOIN sessions s ON s.id = a.session_id AND s.tombstone = 0
    WHERE a.indicator_id = ? AND a.tombstone = 0
    ORDER BY coalesce(nullif(s.starts_at, ''), '0000') DESC, s.id, a.position`,
  decisions: `SELECT d.id, d.text, d.outcome, s.id AS session_id, s.title AS session_title, s.starts_at
    FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id AND a.tombstone = 0
    JOIN sessions s ON s.id = d.session_id AND s.tombstone = 0
    WHERE a.indicator_id = ? AND d.tombstone = 0 ORDER BY d.decided_at DESC, d.id`,
  actions: `SELECT x.id, x.text, x.status, x.due_date, s.id AS session_id, s.title AS session_title, s.starts_at
    FROM action_items x JOIN agenda_items a ON a.id = x.agenda_item_id AND a.tombstone = 0
    JOIN sessions s ON s.id = x.session_id AND s.tombstone = 0
    WHERE a.indicator_id = ? AND x.tombstone = 0 ORDER BY x.status = 'done', coalesce(nullif(x.due_date, ''), '9999'), x.id`,
  decisionSources: `SELECT d.id, i.id AS indicator_id, i.name FROM decisions d
    JOIN agenda_items a ON a.id = d.agenda_item_id AND a.tombstone = 0
    JOIN indicators i ON i.id = a.indicator_id AND i.tombstone = 0 WHERE d.tombstone = 0`,
  actionSources: `SELECT x.id, i.id AS indicator_id, i.name FROM action_items x
    JOIN agenda_items a ON a.id = x.agenda_item_id AND a.tombstone = 0
    JOIN indicators i ON i.id = a.indicator_id AND i.tombstone = 0 WHERE x.tombstone = 0`,
} as const;

function toFactor(row: FactorRow): CurveFactor {
  return {
    id: row.id,
    indicatorId: row.indicator_id,
    sessionId: row.session_id,
    agendaItemId: row.agenda_item_id || null,
    kind: oneOf<FactorKind>(factorKinds, row.kind, 'helps'),
    text: text(row.text),
  };
}

function toNote(row: SharedNoteRow): LinkableNote {
  return {
    noteId: row.id,
    kind: oneOf(noteKinds, row.kind, 'observation'),
    text: text(row.text),
    // Outside the focus group a pseudonym goes only with a note that may be quoted by it.
    pseudonym: row.consent === 'named' ? row.pseudonym || null : null,
    focusGroupName: text(row.focus_group_name),
    capturedAt: text(row.captured_at),
  };
}

function toLink(row: LinkRow): VoiceLink {
  return {
    ...toNote(row),
    linkId: row.link_id,
    indicatorId: row.indicator_id,
    period: row.period || null,
    sessionTitle: text(row.session_title),
  };
}

/**
 * Data items: the story behind an indicator's curve, the community voice linked to it, and the
 * trail from the indicator to what the room made of it. Voice is only ever read through
 * shared_voice_notes, so a note that may not leave its focus group is never returned.
 */
export function createDataItemRepository(db: Db, writePath: WritePath) {
  const statement = lazyStatements(db, sql);

  /** A live data item: its session and its indicator, which must still exist. */
  function dataItem(itemId: string): { sessionId: string; indicatorId: string } {
    const row = statement('item').get(itemId) as
      { id: string; session_id: string; indicator_id: string | null } | undefined;
    if (!row) throw new AppError('not_found', 'No agenda item with that id in this initiative.');
    if (!row.indicator_id) throw new AppError('invalid_input', 'That agenda item shows no indicator.');
    if (!statement('indicatorAlive').get(row.indicator_id))
      throw new AppError('not_found', "That agenda item's indicator was deleted.");
    return { sessionId: row.session_id, indicatorId: row.indicator_id };
  }

  /** The item's indicator while it still exists; null for an ordinary item or a deleted indicator. */
  function indicatorOf(itemId: string): string | null {
    const row = statement('item').get(itemId) as { indicator_id: string | null } | undefined;
    const indicatorId = row?.indicator_id || null;
    return indicatorId && statement('indicatorAlive').get(indicatorId) ? indicatorId : null;
  }

  function getFactor(factorId: string): CurveFactor {
    const row = statement('factor').get(factorId) as FactorRow | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No such note on this indicator.');
    return toFactor(row);
  }

  function addFactor(itemId: string, kind: FactorKind, factorText: string, id: string = uuidv7()): CurveFactor {
    const repeated = repeatedCreate(statement('factor').get(id), () => getFactor(id), 'note');
    if (repeated) return repeated;
    const { sessionId, indicatorId } = dataItem(itemId);
    writePath.write([
      {
        table: 'curve_factors',
        row: id,
        values: {
          indicator_id: indicatorId,
          session_id: sessionId,
          agenda_item_id: itemId,
          kind,
          text: factorText,
          tombstone: 0,
        },
      },
    ]);
    return getFactor(id);
  }

  function updateFactor(factorId: string, factorText: string): CurveFactor {
    getFactor(factorId);
    writePath.write([{ table: 'curve_factors', row: factorId, values: { text: factorText } }]);
    return getFactor(factorId);
  }

  function removeFactor(factorId: string): void {
    getFactor(factorId);
    writePath.write([{ table: 'curve_factors', row: factorId, values: { tombstone: 1 } }]);
  }

  function factorsOf(indicatorId: string, sessionId: string): CurveFactor[] {
    return (statement('factorsOfSession').all(indicatorId, sessionId) as FactorRow[]).map(toFactor);
  }

  /** Notes that may be shown at the table, newest first; with words, those matching all of them. */
  function shareableNotes(query: string): LinkableNote[] {
    const match = toMatchQuery(query);
    const rows = match ? statement('shareableMatching').all(match) : statement('shareable').all();
    return (rows as SharedNoteRow[]).map(toNote);
  }

  function linksOf(indicatorId: string): { voice: VoiceLink[]; hiddenVoice: number } {
    return {
      voice: (statement('linksOfIndicator').all(indicatorId) as LinkRow[]).map(toLink),
      hiddenVoice: statement('hiddenLinks').pluck().get(indicatorId) as number,
    };
  }

  /**
   * Writes the one link row of a note and an indicator (linking again moves it to another period).
   * A note that may not leave its focus group is refused as if unknown, so the answer tells nothing
   * about it. `place` is the session and agenda item the room linked it in; without one, a new link
   * has none and an existing link keeps its own.
   */
  function writeLink(
    indicatorId: string,
    noteId: string,
    period: string | null,
    place: { session_id: string; agenda_item_id: string } | null,
  ): VoiceLink {
    if (!statement('shareableOne').get(noteId))
      throw new AppError('not_found', 'No voice note that may be shared has that id.');
    const id = linkId(noteId, indicatorId);
    const fresh = !statement('linkRow').get(id);
    writePath.write([
      {
        table: 'indicator_voice_links',
        row: id,
        values: {
          ...(fresh ? { indicator_id: indicatorId, note_id: noteId } : {}),
          ...(place ?? (fresh ? { session_id: null, agenda_item_id: null } : {})),
          period,
          tombstone: 0,
        },
      },
    ]);
    const link = linksOf(indicatorId).voice.find((entry) => entry.linkId === id);
    if (!link) throw new AppError('not_found', 'No voice note that may be shared has that id.');
    return link;
  }

  /** Links a note to the item's indicator, in the item's session. */
  function linkVoice(itemId: string, noteId: string, period: string | null): VoiceLink {
    const { sessionId, indicatorId } = dataItem(itemId);
    return writeLink(indicatorId, noteId, period, { session_id: sessionId, agenda_item_id: itemId });
  }

  /**
   * Links a note to an indicator from the Measures section, outside any session. A link the room
   * already made keeps its session and agenda item (the summary cites it there); only its period
   * changes.
   */
  function linkVoiceToIndicator(indicatorId: string, noteId: string, period: string | null): VoiceLink {
    if (!statement('indicatorAlive').get(indicatorId))
      throw new AppError('not_found', 'No indicator with that id in this initiative.');
    return writeLink(indicatorId, noteId, period, null);
  }

  function unlinkVoice(id: string): void {
    const row = statement('linkRow').get(id) as { tombstone: number } | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'That voice note is not linked.');
    writePath.write([{ table: 'indicator_voice_links', row: id, values: { tombstone: 1 } }]);
  }

  function trail(indicatorId: string): IndicatorTrail {
    if (!statement('indicatorAlive').get(indicatorId))
      throw new AppError('not_found', 'No indicator with that id in this initiative.');
    type Ref = { session_id: string; session_title: string | null; starts_at: string | null };
    const ref = (row: Ref) => ({
      sessionId: row.session_id,
      sessionTitle: text(row.session_title),
      startsAt: text(row.starts_at),
    });
    return {
      indicatorId,
      talkedAbout: (statement('talkedAbout').all(indicatorId) as (Ref & { item_id: string; item_title: string })[]).map(
        (row) => ({ ...ref(row), itemId: row.item_id, itemTitle: text(row.item_title) }),
      ),
      factors: (statement('factorsOfIndicator').all(indicatorId) as FactorRow[]).map((row) => ({
        ...toFactor(row),
        sessionTitle: text(row.session_title),
      })),
      ...linksOf(indicatorId),
      decisions: (
        statement('decisions').all(indicatorId) as (Ref & { id: string; text: string; outcome: string })[]
      ).map((row) => ({ ...ref(row), decisionId: row.id, text: text(row.text), outcome: text(row.outcome) })),
      actions: (
        statement('actions').all(indicatorId) as (Ref & {
          id: string;
          text: string;
          status: string;
          due_date: string;
        })[]
      ).map((row) => ({
        ...ref(row),
        actionId: row.id,
        text: text(row.text),
        status: text(row.status),
        dueDate: text(row.due_date),
      })),
    };
  }

  function sources(): IndicatorSources {
    type Source = { id: string; indicator_id: string; name: string | null };
    return {
      decisions: (statement('decisionSources').all() as Source[]).map((row) => ({
        decisionId: row.id,
        indicatorId: row.indicator_id,
        indicatorName: text(row.name),
      })),
      actions: (statement('actionSources').all() as Source[]).map((row) => ({
        actionId: row.id,
        indicatorId: row.indicator_id,
        indicatorName: text(row.name),
      })),
    };
  }

  return {
    dataItem,
    indicatorOf,
    addFactor,
    updateFactor,
    removeFactor,
    factorsOf,
    shareableNotes,
    linksOf,
    linkVoice,
    linkVoiceToIndicator,
    unlinkVoice,
    trail,
    sources,
  };
}

export type DataItemRepository = ReturnType<typeof createDataItemRepository>;
