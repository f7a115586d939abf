import type { Locale } from '../../contract/models';
import { notableDifference } from '../../contract/readiness';
import type { SummaryLearning } from '../../contract/summary-learning';
import { hasLearning } from './learning-section';
import type { ScorecardTable } from './scorecard-text';
import { formatWhen, type Translate } from './text';

/** One piece of the learning part, laid out once so HTML, Markdown and Word say the same. */
export type LearningBlock =
  | { kind: 'heading' | 'subheading' | 'paragraph' | 'note' | 'bullet'; text: string }
  | { kind: 'quote'; text: string; by: string }
  | { kind: 'table'; table: ScorecardTable };

export function learningBlocks(t: Translate, language: Locale, learning: SummaryLearning): LearningBlock[] {
  if (!hasLearning(learning)) return [];
  const one = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const figure = (value: number | null) => (value === null ? '–' : one.format(value));
  const day = (value: string) => formatWhen(language, value, false);
  const blocks: LearningBlock[] = [{ kind: 'heading', text: t('learning.title') }];

  if (learning.review) {
    blocks.push({ kind: 'subheading', text: t('learning.reviewTitle') });
    const answers: [string, string][] = [
      [t('learning.planned'), learning.review.planned],
      [t('learning.happened'), learning.review.happened],
      [t('learning.whyDifferent'), learning.review.whyDifferent],
      [t('learning.nextSteps'), learning.review.nextSteps],
    ];
    for (const [question, answer] of answers)
      blocks.push({ kind: 'paragraph', text: `${question}: ${answer.trim() || '—'}` });
  }
  if (learning.reviewActions.length) {
    blocks.push({ kind: 'subheading', text: t('learning.reviewActions') });
    for (const action of learning.reviewActions)
      blocks.push({
        kind: 'bullet',
        text: [action.text, action.owner, action.dueDate ? day(action.dueDate) : ''].filter(Boolean).join(' — '),
      });
  }

  if (learning.stories.length) {
    blocks.push({ kind: 'subheading', text: t('learning.storiesTitle') });
    for (const story of learning.stories) {
      blocks.push({ kind: 'paragraph', text: story.title });
      blocks.push({
        kind: 'quote',
        text: story.story,
        by: story.named ? t('learning.storyNamed') : t('learning.storyAnonymous'),
      });
      for (const choice of story.choices)
        blocks.push({
          kind: 'note',
          text: t('learning.chosen', { round: choice.roundTitle, date: day(choice.chosenOn), reason: choice.reason }),
        });
    }
  }

  const readiness = learning.readiness;
  if (readiness) {
    blocks.push({
      kind: 'subheading',
      text: t('learning.readinessTitle', {
        instrument: readiness.instrument,
        round: readiness.round,
        date: day(readiness.heldOn),
      }),
    });
    blocks.push({
      kind: 'paragraph',
      text:
        readiness.residentSheets !== null && readiness.agencySheets !== null
          ? t('learning.sheetsApart', {
              count: readiness.sheets,
              residents: readiness.residentSheets,
              agencies: readiness.agencySheets,
            })
          : t('learning.sheetsTogether', { count: readiness.sheets }),
    });
    blocks.push(
      readiness.ratesImportance
        ? {
            kind: 'table',
            table: {
              columns: [t('learning.biggestGaps'), t('learning.importance'), t('learning.done'), t('learning.gap')],
              rows: readiness.biggestGaps.map((gap) => [
                gap.item,
                figure(gap.importance),
                figure(gap.done),
                gap.gap === null ? '–' : signed.format(gap.gap),
              ]),
            },
          }
        : {
            kind: 'table',
            table: {
              columns: [t('learning.ratedLowest'), t('learning.average')],
              rows: readiness.biggestGaps.map((gap) => [gap.item, figure(gap.meanLevel)]),
            },
          },
    );
    if (readiness.differences.length)
      blocks.push({
        kind: 'table',
        table: {
          columns: [
            t('learning.whereTheyDiffer'),
            t('learning.residents'),
            t('learning.agencies'),
            t('learning.difference'),
          ],
          rows: readiness.differences.map((row) => [
            row.item,
            one.format(row.residents),
            one.format(row.agencies),
            signed.format(row.difference),
          ]),
        },
      });
    else if (readiness.residentSheets !== null)
      blocks.push({ kind: 'note', text: t('learning.noDifference', { amount: one.format(notableDifference) }) });
    if (readiness.notApart) blocks.push({ kind: 'note', text: t('learning.notApart', { count: readiness.notApart }) });
  }

  const phase = learning.phase;
  if (phase) {
    blocks.push({ kind: 'subheading', text: t('learning.phaseTitle', { phase: t(`phases.${phase.phase}`) }) });
    blocks.push({
      kind: 'paragraph',
      text: t('learning.benchmarksMet', { met: phase.met.length, count: phase.benchmarks }),
    });
    for (const met of phase.met)
      blocks.push({
        kind: 'bullet',
        text: t('learning.benchmark', { text: met.text, date: day(met.metOn), evidence: met.evidence }),
      });
  }
  return blocks;
}
