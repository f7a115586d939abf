import type { Locale } from '../../contract/models';
import { levelOutOfFive, type LocalText } from '../../contract/readiness';
import type { SummaryLearning } from '../../contract/summary-learning';
import type { InitiativeStore } from '../../store/initiative-store';
import { roundResults, whereViewsDiffer } from '../readiness/scoring';

const localText = (text: LocalText, language: Locale) => text[language] || text.en;

/** What the facilitator typed, else the built-in text in the summary's language. */
const pick = (typed: string, builtin: LocalText | null, language: Locale) =>
  typed.trim() !== '' ? typed : builtin ? localText(builtin, language) : '';

export interface LearningScope {
  sessionId: string;
  /** The session's day (YYYY-MM-DD); stories of other days are not this session's. */
  day: string;
  language: Locale;
  /** A partner's copy carries the readiness headline and the phase only (README "Session summaries"). */
  partnerCopy: boolean;
  /** How an action's owner may appear, by the summary's own naming rule. */
  ownerName: (ownerId: string | null) => string;
}

/**
 * The summary's learning part: the session's after-action review and the actions it created,
 * the shared stories of the day (never one kept inside the backbone: counted, not shown), the
 * latest readiness round's headline with the same small-group rule as the screen, and the phase
 * with the benchmarks met. `storiesKeptInside` feeds the redaction list.
 */
export function buildLearning(
  store: InitiativeStore,
  scope: LearningScope,
): { learning: SummaryLearning; storiesKeptInside: number } {
  const { readiness } = store;
  const whole = !scope.partnerCopy;

  const answers = readiness.reviews.get(scope.sessionId);
  const written = [answers.planned, answers.happened, answers.whyDifferent, answers.nextSteps].some(
    (answer) => answer.trim() !== '',
  );
  const review =
    whole && written
      ? {
          planned: answers.planned,
          happened: answers.happened,
          whyDifferent: answers.whyDifferent,
          nextSteps: answers.nextSteps,
        }
      : null;
  const madeByReview = new Set(whole ? readiness.reviews.actionIds(scope.sessionId) : []);
  const reviewActions = store.actionItems
    .actionsOf(scope.sessionId)
    .filter((action) => madeByReview.has(action.id))
    .map((action) => ({
      text: action.text,
      owner: scope.ownerName(action.ownerId),
      dueDate: action.dueDate,
      status: action.status,
    }));

  const ofTheDay = (whole && scope.day ? readiness.stories.list() : []).filter(
    (story) => story.collectedOn === scope.day || story.choices.some((choice) => choice.chosenOn === scope.day),
  );
  // Consent is read here and only here: a story kept inside is counted, its words never copied.
  const stories = ofTheDay
    .filter((story) => story.consent === 'named' || story.consent === 'anonymous')
    .map((story) => ({
      title: story.title,
      story: story.story,
      named: story.consent === 'named',
      collectedOn: story.collectedOn,
      choices: story.choices.map(({ roundTitle, reason, chosenOn }) => ({ roundTitle, reason, chosenOn })),
    }));

  return {
    learning: {
      review,
      reviewActions,
      stories,
      readiness: readinessHeadline(store, scope.language),
      phase: phasePart(store, scope.language),
    },
    storiesKeptInside: ofTheDay.length - stories.length,
  };
}

function readinessHeadline(store: InitiativeStore, language: Locale): SummaryLearning['readiness'] {
  const { rounds, instruments } = store.readiness;
  const held = rounds.list().filter((round) => round.sheets > 0);
  const round = held[held.length - 1];
  if (!round) return null;
  const instrument = instruments.get(round.instrumentId);
  const previous = rounds.previous(round.id);
  const results = roundResults(
    round.id,
    instrument,
    rounds.sheets(round.id),
    previous ? { roundId: previous.id, sheets: rounds.sheets(previous.id) } : null,
  );
  const itemText = new Map(
    instrument.sections.flatMap((section) =>
      section.items.map((item) => [item.id, pick(item.text, item.builtinText, language)] as const),
    ),
  );
  const rated = results.items.filter((item) => item.raters > 0);
  const ranked = instrument.ratesImportance
    ? rated.filter((item) => item.gap !== null).sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0))
    : [...rated].sort((a, b) => (a.meanLevel ?? 0) - (b.meanLevel ?? 0));
  return {
    instrument: pick(instrument.name, instrument.builtinName, language),
    round: round.title,
    heldOn: round.heldOn,
    sheets: results.sheets,
    residentSheets: results.residentSheets,
    agencySheets: results.agencySheets,
    ratesImportance: instrument.ratesImportance,
    biggestGaps: ranked.slice(0, 3).map((item) => ({
      item: itemText.get(item.itemId) ?? '',
      importance: item.meanImportance,
      done: item.meanLevel === null ? null : levelOutOfFive(item.meanLevel),
      gap: item.gap,
      meanLevel: item.meanLevel,
    })),
    // whereViewsDiffer never returns an item whose groups are hidden; the guard only narrows types.
    differences: whereViewsDiffer(rated).flatMap((item) =>
      item.residents.shown && item.agencies.shown && item.difference !== null
        ? [
            {
              item: itemText.get(item.itemId) ?? '',
              residents: item.residents.meanLevel,
              agencies: item.agencies.meanLevel,
              difference: item.difference,
            },
          ]
        : [],
    ),
    notApart: rated.filter((item) => !(item.residents.shown && item.agencies.shown)).length,
  };
}

function phasePart(store: InitiativeStore, language: Locale): SummaryLearning['phase'] {
  const tracker = store.readiness.phases.tracker();
  // An initiative that never used the tracker has nothing to report beyond its starting phase.
  if (tracker.history.length === 0 && !tracker.benchmarks.some((benchmark) => benchmark.met)) return null;
  const ofPhase = tracker.benchmarks.filter((benchmark) => benchmark.phase === tracker.phase);
  return {
    phase: tracker.phase,
    benchmarks: ofPhase.length,
    met: ofPhase
      .filter((benchmark) => benchmark.met)
      .map((benchmark) => ({
        text: localText(benchmark.text, language),
        metOn: benchmark.metOn ?? '',
        evidence: benchmark.evidenceText,
      })),
  };
}

/** Whether the summary has a learning part at all. */
export const hasLearning = (learning: SummaryLearning) =>
  learning.review !== null ||
  learning.reviewActions.length > 0 ||
  learning.stories.length > 0 ||
  learning.readiness !== null ||
  learning.phase !== null;
