import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../contract/result';
import { consentLevels, type Participant, type ParticipantPatch } from '../contract/voice';
import { uniquePseudonym } from './pseudonym';
import type { Db } from './connection';
import { localTimestamp, oneOf, text, toColumns } from './rows';
import type { WritePath } from './write-path';

interface ParticipantRow {
  id: string;
  focus_group_id: string;
  pseudonym: string | null;
  consent: string | null;
  consent_date: string | null;
  consent_recorded_by: string | null;
  withdrawn: number;
  withdrawn_at: string | null;
  has_real_name: number;
}

export interface NewParticipant {
  focusGroupId: string;
  pseudonym?: string;
  consent: Participant['consent'];
  consentDate: string;
  consentRecordedBy: string;
}

const columnOf: Record<keyof ParticipantPatch, string> = {
  pseudonym: 'pseudonym',
  consent: 'consent',
  consentDate: 'consent_date',
  consentRecordedBy: 'consent_recorded_by',
};

function toParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    focusGroupId: row.focus_group_id,
    pseudonym: text(row.pseudonym),
    consent: oneOf(consentLevels, row.consent, 'internal'),
    consentDate: text(row.consent_date),
    consentRecordedBy: text(row.consent_recorded_by),
    withdrawn: row.withdrawn === 1,
    withdrawnAt: text(row.withdrawn_at),
    hasRealName: row.has_real_name === 1,
  };
}

/**
 * Focus-group participants under pseudonyms. The link to a real name lives in participant_names,
 * read only by realName(): lists say whether a name is linked, never what it is.
 */
export function createParticipantRepository(db: Db, writePath: WritePath) {
  const select = `SELECT p.id, p.focus_group_id, p.pseudonym, p.consent, p.consent_date, p.consent_recorded_by,
      p.withdrawn, p.withdrawn_at,
      EXISTS (SELECT 1 FROM participant_names n WHERE n.id = p.id AND n.tombstone = 0 AND n.real_name <> '') AS has_real_name
    FROM participants p`;
  const selectOfGroup = db.prepare(
    `${select} WHERE p.focus_group_id = ? AND p.tombstone = 0 ORDER BY p.pseudonym COLLATE NOCASE, p.id`,
  );
  const selectOne = db.prepare(`${select} WHERE p.id = ? AND p.tombstone = 0`);
  const focusGroupKind = db.prepare('SELECT kind FROM groups WHERE id = ? AND tombstone = 0').pluck();
  const pseudonymsOf = db
    .prepare('SELECT pseudonym FROM participants WHERE focus_group_id = ? AND tombstone = 0')
    .pluck();
  const realNameOf = db.prepare('SELECT real_name FROM participant_names WHERE id = ? AND tombstone = 0').pluck();
  const notesOf = db.prepare('SELECT id FROM voice_notes WHERE participant_id = ? AND text IS NOT NULL').pluck();

  function get(id: string): Participant {
    const row = selectOne.get(id) as ParticipantRow | undefined;
    if (!row) throw new AppError('not_found', 'No participant with that id in this initiative.');
    return toParticipant(row);
  }

  function list(focusGroupId: string): Participant[] {
    if (focusGroupKind.get(focusGroupId) !== 'focus_group')
      throw new AppError('not_found', 'No focus group with that id.');
    return (selectOfGroup.all(focusGroupId) as ParticipantRow[]).map(toParticipant);
  }

  function checkPseudonym(focusGroupId: string, pseudonym: string, self?: string): void {
    const clash = (
      db
        .prepare(
          'SELECT id FROM participants WHERE focus_group_id = ? AND tombstone = 0 AND lower(pseudonym) = lower(?)',
        )
        .pluck()
        .all(focusGroupId, pseudonym) as string[]
    ).some((id) => id !== self);
    if (clash) throw new AppError('invalid_input', `Someone in this focus group is already called "${pseudonym}".`);
  }

  function create(draft: NewParticipant, id: string = uuidv7()): Participant {
    if (focusGroupKind.get(draft.focusGroupId) !== 'focus_group') {
      throw new AppError('not_found', 'Participants belong to a focus group; no focus group has that id.');
    }
    const pseudonym = draft.pseudonym ?? uniquePseudonym(pseudonymsOf.all(draft.focusGroupId) as string[]);
    checkPseudonym(draft.focusGroupId, pseudonym);
    const values = {
      focus_group_id: draft.focusGroupId,
      pseudonym,
      consent: draft.consent,
      consent_date: draft.consentDate || localTimestamp().slice(0, 10),
      consent_recorded_by: draft.consentRecordedBy,
      withdrawn: 0,
      tombstone: 0,
    };
    writePath.write([{ table: 'participants', row: id, values }]);
    return get(id);
  }

  function update(id: string, patch: ParticipantPatch): Participant {
    const current = get(id);
    if (patch.pseudonym !== undefined) checkPseudonym(current.focusGroupId, patch.pseudonym, id);
    const values = toColumns(patch, columnOf);
    if (Object.keys(values).length > 0) writePath.write([{ table: 'participants', row: id, values }]);
    return get(id);
  }

  /**
   * Withdrawal erases the words of every note linked to the participant (deleted ones and drafts
   * too): a null text is an erasure, which every device applies to its change log and the hubs are
   * asked to apply to what they hold (store/erasure.ts). The notes themselves stay, wordless, on
   * the focus group's own screen, marked withdrawn.
   */
  function withdraw(id: string): Participant {
    const current = get(id);
    if (current.withdrawn) return current;
    const erased = (notesOf.all(id) as string[]).map((noteId) => ({
      table: 'voice_notes',
      row: noteId,
      values: { text: null },
    }));
    writePath.write([
      { table: 'participants', row: id, values: { withdrawn: 1, withdrawn_at: localTimestamp().slice(0, 10) } },
      ...erased,
    ]);
    return get(id);
  }

  function reinstate(id: string): Participant {
    get(id);
    writePath.write([{ table: 'participants', row: id, values: { withdrawn: 0, withdrawn_at: '' } }]);
    return get(id);
  }

  function realName(id: string): string {
    get(id);
    return text(realNameOf.get(id));
  }

  /** An empty name removes the link. */
  function setRealName(id: string, name: string): Participant {
    get(id);
    writePath.write([
      { table: 'participant_names', row: id, values: { real_name: name, tombstone: name === '' ? 1 : 0 } },
    ]);
    return get(id);
  }

  return { get, list, create, update, withdraw, reinstate, realName, setRealName };
}

export type ParticipantRepository = ReturnType<typeof createParticipantRepository>;
