import { v5 as uuidv5 } from 'uuid';
import type { Sheet } from '../../contract/readiness';
import { AppError } from '../../contract/result';
import { maxRoundItems, readinessAsk, sheetOf } from '../../room/readiness-answers';
import type { RoomMode } from '../../room/room-mode';
import type { InitiativeLibrary } from '../../store/library';
import type { HandlerMap } from '../handlers';

/** Fixed namespace for the sheets phones fill in: a sheet id is this, the round and the phone. */
const phoneSheetNamespace = '6f1d0c3e-58a2-4c1b-9a57-2b8e4f0d7c61';

/** The sheet id of one phone's answer to one round: the same phone and round give the same id. */
export function phoneSheetId(roundId: string, phoneId: string): string {
  return uuidv5(`${roundId}/${phoneId}`, phoneSheetNamespace);
}

type SheetContent = Pick<Sheet, 'sector' | 'livedExperience' | 'answers'>;

function sameSheet(stored: SheetContent, sheet: SheetContent): boolean {
  const items = Object.keys(sheet.answers);
  return (
    stored.sector === sheet.sector &&
    stored.livedExperience === sheet.livedExperience &&
    Object.keys(stored.answers).length === items.length &&
    items.every(
      (item) =>
        stored.answers[item]?.level === sheet.answers[item].level &&
        stored.answers[item]?.importance === sheet.answers[item].importance,
    )
  );
}

/**
 * A readiness round on the phones: open puts the round's items up, record writes each phone's
 * answer as one sheet of the round through the write path. Nothing else of the round (results,
 * other sheets) goes to a phone.
 */
export function roomReadinessHandlers(library: InitiativeLibrary, mode: RoomMode, inRoom: <T>(step: () => T) => T) {
  return {
    'room.readiness.open': ({ initiativeId, sessionId, roundId }) => {
      const room = mode.room(sessionId);
      if (room.initiativeId !== initiativeId) throw new AppError('not_found', 'Room mode is not on for this meeting.');
      const { readiness } = library.open(initiativeId);
      const round = readiness.rounds.get(roundId);
      const ask = readinessAsk(round, readiness.instruments.get(round.instrumentId));
      if (ask.items.length === 0) throw new AppError('invalid_input', 'This round’s instrument has no items to rate.');
      if (ask.items.length > maxRoundItems)
        throw new AppError(
          'invalid_input',
          `This round has more items than a phone can rate (${maxRoundItems} at most); rate it on paper.`,
        );
      room.openReadiness(ask);
      return mode.status();
    },
    'room.readiness.record': ({ initiativeId, sessionId }) => {
      const room = mode.room(sessionId);
      if (room.initiativeId !== initiativeId) throw new AppError('not_found', 'Room mode is not on for this meeting.');
      const prompt = inRoom(() => room.closedPrompt());
      const { ask, sheets } = inRoom(() => room.readinessAnswers(prompt));
      const { readiness } = library.open(initiativeId);
      const round = readiness.rounds.get(ask.roundId);
      // An item removed since the round was put up is left out rather than refusing the sheet.
      const itemsNow = new Set(
        readiness.instruments
          .get(round.instrumentId)
          .sections.flatMap((section) => section.items.map((item) => item.id)),
      );
      const stored = new Map(readiness.rounds.sheets(round.id).map((sheet) => [sheet.id, sheet]));
      let saved = 0;
      for (const { phoneId, value } of sheets) {
        const sheet = sheetOf(ask, value, itemsNow);
        if (Object.keys(sheet.answers).length === 0) continue;
        const id = phoneSheetId(round.id, phoneId);
        // The same sheet recorded again writes nothing: no new change to sync for an unchanged answer.
        const before = stored.get(id);
        if (before && sameSheet(before, sheet)) {
          saved++;
          continue;
        }
        try {
          readiness.rounds.saveSheet(round.id, sheet, id);
          saved++;
        } catch (error) {
          // A sheet someone deleted in the Readiness section stays deleted; the others are saved.
          if (!(error instanceof AppError && error.code === 'not_found')) throw error;
        }
      }
      room.markSheetsSaved(prompt, saved);
      return mode.status();
    },
  } satisfies Partial<HandlerMap>;
}
