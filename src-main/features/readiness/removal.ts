import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';

/** Removing a round or a sheet from the screen, and the Undo that brings it back. */
export function readinessRemovalHandlers({ library }: HandlerContext) {
  const rounds = (initiativeId: string) => library.open(initiativeId).readiness.rounds;
  return {
    'readiness.rounds.delete': ({ initiativeId, roundId }) => {
      rounds(initiativeId).removeRound(roundId);
      return { roundId };
    },
    'readiness.rounds.restore': ({ initiativeId, roundId }) => rounds(initiativeId).restoreRound(roundId),
    'readiness.sheets.restore': ({ initiativeId, sheetId }) => rounds(initiativeId).restoreSheet(sheetId),
  } satisfies Partial<HandlerMap>;
}
