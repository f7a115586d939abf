import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';

/** Changing and removing rounds, sheets, stories and collaborations from the screen, and Undo. */
export function readinessEditHandlers({ library }: HandlerContext) {
  const readiness = (initiativeId: string) => library.open(initiativeId).readiness;
  return {
    'readiness.rounds.delete': ({ initiativeId, roundId }) => {
      readiness(initiativeId).rounds.removeRound(roundId);
      return { roundId };
    },
    'readiness.rounds.restore': ({ initiativeId, roundId }) => readiness(initiativeId).rounds.restoreRound(roundId),
    'readiness.sheets.restore': ({ initiativeId, sheetId }) => readiness(initiativeId).rounds.restoreSheet(sheetId),
    'readiness.stories.update': ({ initiativeId, storyId, patch }) =>
      readiness(initiativeId).stories.update(storyId, patch),
    'readiness.stories.delete': ({ initiativeId, storyId }) => {
      readiness(initiativeId).stories.remove(storyId);
      return { storyId };
    },
    'readiness.stories.restore': ({ initiativeId, storyId }) => readiness(initiativeId).stories.restore(storyId),
    'readiness.benchmarks.add': ({ initiativeId, phase, text, id }) =>
      readiness(initiativeId).phases.addBenchmark(phase, text, id),
    'readiness.tables.update': ({ initiativeId, collaborationId, patch }) =>
      readiness(initiativeId).tables.update(collaborationId, patch),
    'readiness.tables.restore': ({ initiativeId, collaborationId }) =>
      readiness(initiativeId).tables.restore(collaborationId),
  } satisfies Partial<HandlerMap>;
}
