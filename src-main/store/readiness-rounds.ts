import { v7 as uuidv7 } from 'uuid';
import { Answer, RoundDraft, SheetDraft, type Round, type Sheet } from '../contract/readiness';
import { knownSectors } from '../contract/models';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import type { InstrumentRepository } from './readiness-instruments';
import { localTimestamp, oneOf, repeatedCreate, text } from './rows';
import type { WritePath } from './write-path';

interface RoundRow {
  id: string;
  instrument_id: string | null;
  title: string | null;
  held_on: string | null;
  sheets: number;
}
interface SheetRow {
  id: string;
  round_id: string | null;
  sector: string | null;
  lived_experience: number | null;
  answers: string | null;
  entered_at: string | null;
}

/** Stored answers are `{itemId: [level, importance]}`; anything unreadable (a bad sync) is skipped. */
function readAnswers(stored: string | null): Sheet['answers'] {
  const answers: Sheet['answers'] = {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored ?? '{}');
  } catch {
    return answers;
  }
  if (typeof parsed !== 'object' || parsed === null) return answers;
  for (const [itemId, pair] of Object.entries(parsed)) {
    if (!Array.isArray(pair)) continue;
    const answer = Answer.safeParse({ level: pair[0] ?? null, importance: pair[1] ?? null });
    if (answer.success) answers[itemId] = answer.data;
  }
  return answers;
}

function toSheet(row: SheetRow): Sheet {
  return {
    id: row.id,
    roundId: text(row.round_id),
    sector: oneOf(knownSectors, row.sector, 'other'),
    livedExperience: row.lived_experience === 1,
    answers: readAnswers(row.answers),
    enteredAt: text(row.entered_at),
  };
}

/** Rounds of an instrument and the rating sheets entered for each (sector and lived experience, no name). */
export function createRoundRepository(db: Db, writePath: WritePath, instruments: InstrumentRepository) {
  const selectRounds = db.prepare(
    `SELECT r.id, r.instrument_id, r.title, r.held_on,
       (SELECT count(*) FROM readiness_sheets s WHERE s.round_id = r.id AND s.tombstone = 0) AS sheets
     FROM readiness_rounds r WHERE r.tombstone = 0 ORDER BY r.held_on, r.id`,
  );
  const roundRow = db.prepare('SELECT id, tombstone FROM readiness_rounds WHERE id = ?');
  const selectSheets = db.prepare(
    `SELECT id, round_id, sector, lived_experience, answers, entered_at FROM readiness_sheets
     WHERE round_id = ? AND tombstone = 0 ORDER BY entered_at, id`,
  );
  const sheetRow = db.prepare(
    'SELECT id, round_id, sector, lived_experience, answers, entered_at, tombstone FROM readiness_sheets WHERE id = ?',
  );

  function list(): Round[] {
    return (selectRounds.all() as RoundRow[]).map((row) => ({
      id: row.id,
      instrumentId: text(row.instrument_id),
      title: text(row.title),
      heldOn: text(row.held_on),
      sheets: row.sheets,
    }));
  }

  function get(id: string): Round {
    const found = list().find((round) => round.id === id);
    if (!found) throw new AppError('not_found', 'No round with that id in this initiative.');
    return found;
  }

  /** The round held before this one with the same instrument, for change since last time. */
  function previous(id: string): Round | null {
    const round = get(id);
    const same = list().filter((other) => other.instrumentId === round.instrumentId);
    const index = same.findIndex((other) => other.id === id);
    return index > 0 ? same[index - 1] : null;
  }

  function create(draft: RoundDraft, id: string = uuidv7()): Round {
    const repeated = repeatedCreate(roundRow.get(id), () => get(id), 'round');
    if (repeated) return repeated;
    const { instrumentId, title, heldOn } = RoundDraft.parse(draft);
    instruments.get(instrumentId);
    writePath.write([
      {
        table: 'readiness_rounds',
        row: id,
        values: { instrument_id: instrumentId, title, held_on: heldOn, tombstone: 0 },
      },
    ]);
    return get(id);
  }

  function sheets(roundId: string): Sheet[] {
    get(roundId);
    return (selectSheets.all(roundId) as SheetRow[]).map(toSheet);
  }

  function saveSheet(roundId: string, draft: SheetDraft, id: string = uuidv7()): Sheet {
    const round = get(roundId);
    const { sector, livedExperience, answers } = SheetDraft.parse(draft);
    const stored = sheetRow.get(id) as (SheetRow & { tombstone: number }) | undefined;
    if (stored && (stored.tombstone === 1 || stored.round_id !== roundId))
      throw new AppError('not_found', 'That sheet was deleted or belongs to another round.');
    const itemIds = new Set(
      instruments.get(round.instrumentId).sections.flatMap((section) => section.items.map((item) => item.id)),
    );
    const unknown = Object.keys(answers).find((itemId) => !itemIds.has(itemId));
    if (unknown) throw new AppError('invalid_input', 'A rating names an item this instrument does not have.');
    const packed = Object.fromEntries(
      Object.entries(answers)
        .filter(([, answer]) => answer.level !== null || answer.importance !== null)
        .map(([itemId, answer]) => [itemId, [answer.level, answer.importance]]),
    );
    writePath.write([
      {
        table: 'readiness_sheets',
        row: id,
        values: {
          round_id: roundId,
          sector,
          lived_experience: livedExperience ? 1 : 0,
          answers: JSON.stringify(packed),
          entered_at: stored ? text(stored.entered_at) : localTimestamp(),
          tombstone: 0,
        },
      },
    ]);
    return toSheet(sheetRow.get(id) as SheetRow);
  }

  function removeSheet(sheetId: string): void {
    const stored = sheetRow.get(sheetId) as { tombstone: number } | undefined;
    if (!stored || stored.tombstone === 1) throw new AppError('not_found', 'No sheet with that id in this initiative.');
    writePath.write([{ table: 'readiness_sheets', row: sheetId, values: { tombstone: 1 } }]);
  }

  /** Takes a round off the list; its sheets stay in the file, so Undo brings the round back whole. */
  function removeRound(roundId: string): void {
    get(roundId);
    writePath.write([{ table: 'readiness_rounds', row: roundId, values: { tombstone: 1 } }]);
  }

  /** Undo of a removed round (a round still on the list is left as it is). */
  function restoreRound(roundId: string): Round {
    const stored = roundRow.get(roundId) as { tombstone: number } | undefined;
    if (!stored) throw new AppError('not_found', 'No round with that id in this initiative.');
    if (stored.tombstone === 1)
      writePath.write([{ table: 'readiness_rounds', row: roundId, values: { tombstone: 0 } }]);
    return get(roundId);
  }

  /** Undo of a removed sheet, into its own round only while that round is on the list. */
  function restoreSheet(sheetId: string): Sheet {
    const stored = sheetRow.get(sheetId) as (SheetRow & { tombstone: number }) | undefined;
    if (!stored) throw new AppError('not_found', 'No sheet with that id in this initiative.');
    get(text(stored.round_id));
    if (stored.tombstone === 1)
      writePath.write([{ table: 'readiness_sheets', row: sheetId, values: { tombstone: 0 } }]);
    return toSheet(stored);
  }

  return { list, get, previous, create, sheets, saveSheet, removeSheet, removeRound, restoreRound, restoreSheet };
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;
