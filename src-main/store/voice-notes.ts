import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../contract/result';
import {
  consentLevels,
  consentRank,
  noteKinds,
  type ConsentLevel,
  type NoteDraft,
  type NotePatch,
  type VoiceNote,
} from '../contract/voice';
import type { Db } from './connection';
import { localTimestamp, oneOf, text, toColumns } from './rows';
import type { RowChange, WritePath } from './write-path';

/** A row of voice_note_view (or shared_voice_notes, which has the same columns). */
export interface NoteRow {
  rid: number;
  id: string;
  focus_group_id: string;
  session_id: string | null;
  participant_id: string | null;
  kind: string | null;
  text: string | null;
  own_consent: string | null;
  captured_at: string | null;
  pseudonym: string | null;
  withdrawn: number;
  consent: string;
}

/** Where the note is shown decides whether its participant's pseudonym goes with it. */
export type Audience = 'own' | 'shared';

const asConsent = (value: unknown) => oneOf(consentLevels, value, 'internal');

/** A link row's id joins its two ids, so the same link made on two devices is one row. */
export const linkId = (a: string, b: string) => `${a}.${b}`;

const patchColumns: Record<keyof NotePatch, string> = {
  sessionId: 'session_id',
  participantId: 'participant_id',
  kind: 'kind',
  text: 'text',
  consent: 'consent',
};

export interface DraftInput {
  focusGroupId: string;
  noteId?: string;
  sessionId: string | null;
  participantId: string | null;
  kind: VoiceNote['kind'];
  text: string;
  consent?: ConsentLevel;
  themeIds: string[];
}

export function createVoiceNoteRepository(db: Db, writePath: WritePath) {
  const ownOfGroup = db.prepare('SELECT * FROM voice_note_view WHERE focus_group_id = ? ORDER BY captured_at, id');
  const ownOne = db.prepare('SELECT * FROM voice_note_view WHERE id = ?');
  const sharedAll = db.prepare('SELECT * FROM shared_voice_notes ORDER BY captured_at, id');
  const sharedOfSession = db.prepare(
    `SELECT v.* FROM shared_voice_notes v
     JOIN carried_notes c ON c.note_id = v.id AND c.tombstone = 0
     WHERE c.session_id = ? ORDER BY v.captured_at, v.id`,
  );
  const rawNote = db.prepare(
    'SELECT id, focus_group_id, participant_id, draft, tombstone FROM voice_notes WHERE id = ?',
  );
  const draftOfGroup = db.prepare(
    `SELECT id, session_id, participant_id, kind, text, consent FROM voice_notes
     WHERE focus_group_id = ? AND draft = 1 AND tombstone = 0 ORDER BY id DESC LIMIT 1`,
  );
  const themesOf = db.prepare(
    `SELECT nt.note_id, nt.theme_id FROM note_themes nt
     JOIN themes t ON t.id = nt.theme_id AND t.tombstone = 0
     WHERE nt.tombstone = 0 AND nt.note_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
  );
  const linkedThemes = db.prepare('SELECT theme_id FROM note_themes WHERE note_id = ? AND tombstone = 0').pluck();
  const carriedOf = db.prepare(
    `SELECT c.note_id, s.id AS session_id, s.title, s.starts_at FROM carried_notes c
     JOIN sessions s ON s.id = c.session_id AND s.tombstone = 0
     WHERE c.tombstone = 0 AND c.note_id IN (SELECT value FROM json_each(?)) ORDER BY s.starts_at, s.id`,
  );
  const citedOf = db.prepare(
    `SELECT dn.note_id, d.id AS decision_id, d.text, s.title FROM decision_notes dn
     JOIN decisions d ON d.id = dn.decision_id AND d.tombstone = 0
     JOIN sessions s ON s.id = d.session_id AND s.tombstone = 0
     WHERE dn.tombstone = 0 AND dn.note_id IN (SELECT value FROM json_each(?)) ORDER BY d.decided_at, d.id`,
  );
  const focusGroup = db.prepare('SELECT kind FROM groups WHERE id = ? AND tombstone = 0').pluck();
  const participant = db.prepare(
    'SELECT focus_group_id, consent, withdrawn FROM participants WHERE id = ? AND tombstone = 0',
  );
  const sessionKind = db.prepare('SELECT kind FROM sessions WHERE id = ? AND tombstone = 0').pluck();
  const themeAlive = db.prepare('SELECT 1 FROM themes WHERE id = ? AND tombstone = 0').pluck();

  function toNotes(rows: NoteRow[], audience: Audience): VoiceNote[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((row) => row.id));
    const themes = new Map<string, string[]>();
    for (const link of themesOf.all(ids) as { note_id: string; theme_id: string }[]) {
      themes.set(link.note_id, [...(themes.get(link.note_id) ?? []), link.theme_id]);
    }
    const carried = new Map<string, VoiceNote['carriedTo']>();
    for (const link of carriedOf.all(ids) as {
      note_id: string;
      session_id: string;
      title: string;
      starts_at: string;
    }[]) {
      const entry = { sessionId: link.session_id, title: text(link.title), startsAt: text(link.starts_at) };
      carried.set(link.note_id, [...(carried.get(link.note_id) ?? []), entry]);
    }
    const cited = new Map<string, VoiceNote['citedBy']>();
    for (const link of citedOf.all(ids) as { note_id: string; decision_id: string; text: string; title: string }[]) {
      const entry = { decisionId: link.decision_id, text: text(link.text), sessionTitle: text(link.title) };
      cited.set(link.note_id, [...(cited.get(link.note_id) ?? []), entry]);
    }
    return rows.map((row) => {
      const consent = asConsent(row.consent);
      return {
        id: row.id,
        focusGroupId: row.focus_group_id,
        sessionId: row.session_id || null,
        participantId: row.participant_id || null,
        pseudonym: audience === 'own' || consent === 'named' ? row.pseudonym || null : null,
        kind: oneOf(noteKinds, row.kind, 'observation'),
        text: text(row.text),
        consent,
        ownConsent: asConsent(row.own_consent),
        capturedAt: text(row.captured_at),
        themeIds: themes.get(row.id) ?? [],
        carriedTo: carried.get(row.id) ?? [],
        citedBy: cited.get(row.id) ?? [],
        withdrawn: row.withdrawn === 1,
      };
    });
  }

  function ownNote(id: string): VoiceNote {
    const row = ownOne.get(id) as NoteRow | undefined;
    if (!row) throw new AppError('not_found', 'No note with that id in this initiative.');
    return toNotes([row], 'own')[0];
  }

  function requireFocusGroup(id: string): void {
    if (focusGroup.get(id) !== 'focus_group') throw new AppError('not_found', 'No focus group with that id.');
  }

  function liveNote(id: string) {
    const row = rawNote.get(id) as
      | { id: string; focus_group_id: string; participant_id: string | null; draft: number; tombstone: number }
      | undefined;
    if (!row || row.tombstone) throw new AppError('not_found', 'No note with that id in this initiative.');
    return row;
  }

  /** A note's participant must be in its focus group and not withdrawn, its consent no looser. */
  function checkNote(focusGroupId: string, participantId: string | null, consent: ConsentLevel | undefined) {
    if (!participantId) return;
    const person = participant.get(participantId) as
      { focus_group_id: string; consent: string; withdrawn: number } | undefined;
    if (!person || person.focus_group_id !== focusGroupId) {
      throw new AppError('not_found', 'That participant is not in this focus group.');
    }
    if (person.withdrawn)
      throw new AppError('invalid_input', 'That participant has withdrawn; no new notes can be linked to them.');
    const floor = asConsent(person.consent);
    if (consent && consentRank(consent) < consentRank(floor)) {
      throw new AppError(
        'invalid_input',
        `A note cannot be less private than its participant's consent (${floor}); it can only be made stricter.`,
      );
    }
  }

  function checkSession(sessionId: string | null | undefined): void {
    if (sessionId && !sessionKind.get(sessionId)) throw new AppError('not_found', 'No session with that id.');
  }

  function participantConsent(participantId: string | null): ConsentLevel {
    if (!participantId) return 'anonymous';
    const person = participant.get(participantId) as { consent: string } | undefined;
    return asConsent(person?.consent);
  }

  /** Row changes that make a note's theme links exactly `themeIds`. */
  function themeChanges(noteId: string, themeIds: readonly string[]): RowChange[] {
    for (const themeId of themeIds) {
      if (!themeAlive.get(themeId)) throw new AppError('not_found', 'No theme with that id in this initiative.');
    }
    const wanted = new Set(themeIds);
    const current = new Set(linkedThemes.all(noteId) as string[]);
    const changes: RowChange[] = [];
    for (const themeId of current) {
      if (!wanted.has(themeId))
        changes.push({ table: 'note_themes', row: linkId(noteId, themeId), values: { tombstone: 1 } });
    }
    for (const themeId of wanted) {
      if (!current.has(themeId)) {
        changes.push({
          table: 'note_themes',
          row: linkId(noteId, themeId),
          values: { note_id: noteId, theme_id: themeId, tombstone: 0 },
        });
      }
    }
    return changes;
  }

  function draft(focusGroupId: string): NoteDraft | null {
    requireFocusGroup(focusGroupId);
    const row = draftOfGroup.get(focusGroupId) as
      | {
          id: string;
          session_id: string | null;
          participant_id: string | null;
          kind: string;
          text: string;
          consent: string;
        }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      sessionId: row.session_id || null,
      participantId: row.participant_id || null,
      kind: oneOf(noteKinds, row.kind, 'quote'),
      text: text(row.text),
      consent: asConsent(row.consent),
      themeIds: linkedThemes.all(row.id) as string[],
    };
  }

  /**
   * Saves the capture line as typed; the note stays a draft, seen nowhere else, until filed.
   * `newId` names a new draft (the sample initiative's fixed ids); without it one is made.
   */
  function saveDraft(input: DraftInput, newId?: string): NoteDraft {
    requireFocusGroup(input.focusGroupId);
    const consent = input.consent ?? participantConsent(input.participantId);
    checkNote(input.focusGroupId, input.participantId, consent);
    checkSession(input.sessionId);
    let id = input.noteId;
    if (id) {
      const existing = liveNote(id);
      if (!existing.draft || existing.focus_group_id !== input.focusGroupId) {
        throw new AppError('invalid_input', 'That note has already been filed; edit it in the list instead.');
      }
    } else {
      id = newId ?? uuidv7();
    }
    const values = {
      focus_group_id: input.focusGroupId,
      session_id: input.sessionId,
      participant_id: input.participantId,
      kind: input.kind,
      text: input.text,
      consent,
      draft: 1,
      tombstone: 0,
    };
    writePath.write([{ table: 'voice_notes', row: id, values }, ...themeChanges(id, input.themeIds)]);
    const saved = draft(input.focusGroupId);
    if (!saved) throw new AppError('internal', 'The draft note was not saved.');
    return saved;
  }

  /** Files a draft: from now on it is a note in the focus group's list. */
  function capture(noteId: string): VoiceNote {
    const row = liveNote(noteId);
    if (!row.draft) return ownNote(noteId);
    const saved = db.prepare('SELECT text FROM voice_notes WHERE id = ?').pluck().get(noteId);
    if (text(saved).trim() === '') throw new AppError('invalid_input', 'A note needs some words before it is filed.');
    writePath.write([{ table: 'voice_notes', row: noteId, values: { draft: 0, captured_at: localTimestamp() } }]);
    return ownNote(noteId);
  }

  function update(noteId: string, patch: NotePatch): VoiceNote {
    const row = liveNote(noteId);
    const current = ownNote(noteId);
    const participantId = patch.participantId !== undefined ? patch.participantId : current.participantId;
    let consent = patch.consent;
    // Moving a note to a participant with stricter consent raises the note with them.
    if (consent === undefined && participantId !== current.participantId) {
      const floor = participantConsent(participantId);
      if (consentRank(current.ownConsent) < consentRank(floor)) consent = floor;
    }
    if (participantId !== current.participantId || patch.consent !== undefined) {
      checkNote(row.focus_group_id, participantId, consent ?? current.ownConsent);
    }
    checkSession(patch.sessionId);
    const values = toColumns({ ...patch, ...(consent ? { consent } : {}) }, patchColumns);
    if (Object.keys(values).length > 0) writePath.write([{ table: 'voice_notes', row: noteId, values }]);
    return ownNote(noteId);
  }

  /** Deleting erases the words too (a null text: see store/erasure.ts), here and wherever sync reaches. */
  function remove(noteId: string): void {
    liveNote(noteId);
    writePath.write([{ table: 'voice_notes', row: noteId, values: { tombstone: 1, text: null } }]);
  }

  /** Undo of a delete: the words come back only as the screen gives them, as a new version. */
  function restore(noteId: string, words?: string): VoiceNote {
    if (!rawNote.get(noteId)) throw new AppError('not_found', 'No note with that id in this initiative.');
    const values: Record<string, string | number> = { tombstone: 0 };
    if (words !== undefined) values.text = words;
    // One transaction: a note that cannot be shown after all (a draft, or one in a deleted focus
    // group) is refused with nothing written, rather than refused after its change was logged.
    return writePath.batch(() => {
      writePath.write([{ table: 'voice_notes', row: noteId, values }]);
      return ownNote(noteId);
    });
  }

  function setThemes(noteId: string, themeIds: readonly string[]): VoiceNote {
    liveNote(noteId);
    const changes = themeChanges(noteId, themeIds);
    if (changes.length > 0) writePath.write(changes);
    return ownNote(noteId);
  }

  /** Links notes to a session at the table. Only notes that may leave the focus group can go. */
  function carry(sessionId: string, noteIds: readonly string[]): number {
    const kind = sessionKind.get(sessionId);
    if (!kind) throw new AppError('not_found', 'No session with that id.');
    if (kind === 'focus_group')
      throw new AppError('invalid_input', 'Notes are carried to a roundtable or meeting, not to a focus group.');
    const unique = [...new Set(noteIds)];
    const shareable = db
      .prepare('SELECT id FROM shared_voice_notes WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(unique)) as string[];
    if (shareable.length !== unique.length) {
      const held = unique.length - shareable.length;
      throw new AppError(
        'invalid_input',
        `${held} of the chosen notes cannot leave the focus group (internal only, withdrawn, or not found); nothing was carried.`,
      );
    }
    writePath.write(
      unique.map((noteId) => ({
        table: 'carried_notes',
        row: linkId(noteId, sessionId),
        values: { note_id: noteId, session_id: sessionId, tombstone: 0 },
      })),
    );
    return unique.length;
  }

  function uncarry(sessionId: string, noteId: string): void {
    const id = linkId(noteId, sessionId);
    const alive = db.prepare('SELECT 1 FROM carried_notes WHERE id = ? AND tombstone = 0').pluck().get(id);
    if (!alive) throw new AppError('not_found', 'That note was not carried to that session.');
    writePath.write([{ table: 'carried_notes', row: id, values: { tombstone: 1 } }]);
  }

  return {
    ownList: (focusGroupId: string) => {
      requireFocusGroup(focusGroupId);
      return toNotes(ownOfGroup.all(focusGroupId) as NoteRow[], 'own');
    },
    sharedList: () => toNotes(sharedAll.all() as NoteRow[], 'shared'),
    carriedTo: (sessionId: string) => {
      checkSession(sessionId);
      if (!sessionId) return [];
      return toNotes(sharedOfSession.all(sessionId) as NoteRow[], 'shared');
    },
    toNotes,
    ownNote,
    draft,
    saveDraft,
    capture,
    update,
    remove,
    restore,
    setThemes,
    carry,
    uncarry,
  };
}

export type VoiceNoteRepository = ReturnType<typeof createVoiceNoteRepository>;
