import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';
import { tablesReport } from './other-tables';
import { exportReadinessReport } from './report-export';
import { roundResults } from './scoring';

/** Readiness, phases and learning: each handler opens the initiative and calls its readiness store. */
export function readinessHandlers({ library, printPdf }: HandlerContext) {
  const readiness = (initiativeId: string) => library.open(initiativeId).readiness;
  return {
    'readiness.instruments.list': ({ initiativeId }) => readiness(initiativeId).instruments.list(),
    'readiness.instruments.create': ({ initiativeId, instrument, id }) =>
      readiness(initiativeId).instruments.create(instrument, id),
    'readiness.items.update': ({ initiativeId, itemId, text }) =>
      readiness(initiativeId).instruments.updateItem(itemId, text),
    'readiness.items.add': ({ initiativeId, sectionId, text, id }) =>
      readiness(initiativeId).instruments.addItem(sectionId, text, id),
    'readiness.items.delete': ({ initiativeId, itemId }) => readiness(initiativeId).instruments.removeItem(itemId),
    'readiness.rounds.list': ({ initiativeId }) => readiness(initiativeId).rounds.list(),
    'readiness.rounds.create': ({ initiativeId, round, id }) => readiness(initiativeId).rounds.create(round, id),
    'readiness.sheets.list': ({ initiativeId, roundId }) => readiness(initiativeId).rounds.sheets(roundId),
    'readiness.sheets.save': ({ initiativeId, roundId, sheet, id }) =>
      readiness(initiativeId).rounds.saveSheet(roundId, sheet, id),
    'readiness.sheets.delete': ({ initiativeId, sheetId }) => {
      readiness(initiativeId).rounds.removeSheet(sheetId);
      return { sheetId };
    },
    'readiness.results': ({ initiativeId, roundId }) => {
      const store = readiness(initiativeId);
      const round = store.rounds.get(roundId);
      const previous = store.rounds.previous(roundId);
      return roundResults(
        roundId,
        store.instruments.get(round.instrumentId),
        store.rounds.sheets(roundId),
        previous ? { roundId: previous.id, sheets: store.rounds.sheets(previous.id) } : null,
      );
    },
    'readiness.phases.get': ({ initiativeId }) => readiness(initiativeId).phases.tracker(),
    'readiness.phases.move': ({ initiativeId, phase, enteredOn, note }) =>
      readiness(initiativeId).phases.move(phase, enteredOn, note),
    'readiness.benchmarks.mark': ({ initiativeId, benchmarkId, mark }) =>
      readiness(initiativeId).phases.mark(benchmarkId, mark),
    'readiness.evidence.choices': ({ initiativeId }) => readiness(initiativeId).evidenceChoices(),
    'readiness.reviews.get': ({ initiativeId, sessionId }) => readiness(initiativeId).reviews.get(sessionId),
    'readiness.reviews.save': ({ initiativeId, sessionId, patch }) =>
      readiness(initiativeId).reviews.save(sessionId, patch),
    'readiness.tables.list': ({ initiativeId }) => readiness(initiativeId).tables.list(),
    'readiness.tables.create': ({ initiativeId, collaboration, id }) =>
      readiness(initiativeId).tables.create(collaboration, id),
    'readiness.tables.delete': ({ initiativeId, collaborationId }) => {
      readiness(initiativeId).tables.remove(collaborationId);
      return { collaborationId };
    },
    'readiness.tables.report': ({ initiativeId }) => {
      const store = library.open(initiativeId);
      const names = new Map(store.partners.list().map((partner) => [partner.id, partner.name]));
      return tablesReport(store.readiness.tables.list(), (partnerId) => names.get(partnerId) ?? null);
    },
    'readiness.stories.list': ({ initiativeId }) => readiness(initiativeId).stories.list(),
    'readiness.stories.add': ({ initiativeId, story, id }) => readiness(initiativeId).stories.add(story, id),
    'readiness.stories.choose': ({ initiativeId, choice }) => readiness(initiativeId).stories.choose(choice),
    'readiness.report': ({ initiativeId, roundId, format, locale }) =>
      exportReadinessReport(library.open(initiativeId), roundId, format, locale, printPdf),
  } satisfies Partial<HandlerMap>;
}
