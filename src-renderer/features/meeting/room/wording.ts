import type { TFunction } from 'i18next';
import {
  statementReading,
  type RoomPromptKind,
  type RoomPrompt,
  type RoomTally,
} from '../../../../src-main/contract/index';

/** Each prompt kind's name, as the opener's list and the results show it. */
export const kindKeys: Record<RoomPromptKind, string> = {
  fist: 'room.kinds.fist',
  consent: 'room.kinds.consent',
  vote: 'room.kinds.vote',
  dots: 'room.kinds.dots',
  rating: 'room.kinds.rating',
  ideas: 'room.kinds.ideas',
  statements: 'room.kinds.statements',
  readiness: 'roomReadiness.kind',
};

const stanceKeys = ['room.stance.agree', 'room.stance.disagree', 'room.stance.pass'];
const readingKeys = {
  agrees: 'room.reading.agrees',
  disagrees: 'room.reading.disagrees',
  splits: 'room.reading.splits',
  few: 'room.reading.few',
};

/** Each statement with its counts and where the room stands on it (agreement or a split). */
export function statementLines(t: TFunction, prompt: RoomPrompt, tally: RoomTally): string[] {
  return prompt.options.map((statement, index) => {
    const [agree, disagree, pass] = tally.counts.slice(index * 3, index * 3 + 3);
    const counts = [agree, disagree, pass].map((count, stance) => `${t(stanceKeys[stance])} ${count}`).join(' · ');
    return `${statement}: ${counts} (${t(readingKeys[statementReading(agree, disagree)])})`;
  });
}

const consentKeys = ['room.consent.consent', 'room.consent.concern', 'room.consent.standAside', 'room.consent.object'];
const choiceKeyOf: Record<string, string> = {
  consent: 'room.consent.consent',
  concern: 'room.consent.concern',
  stand_aside: 'room.consent.standAside',
  object: 'room.consent.object',
};

/** The name of each count in a tally: fingers, consent choices, the options, or the scale's steps. */
export function slotLabels(t: TFunction, prompt: RoomPrompt): string[] {
  switch (prompt.kind) {
    case 'fist':
      return [0, 1, 2, 3, 4, 5].map((fingers) => t('room.fingers', { fingers }));
    case 'consent':
      return consentKeys.map((key) => t(key));
    case 'rating':
      return Array.from({ length: prompt.scaleMax }, (_, index) => String(index + 1));
    case 'statements':
      return prompt.options.flatMap((statement) => stanceKeys.map((key) => `${statement} · ${t(key)}`));
    default:
      return prompt.options;
  }
}

export function reasonLine(t: TFunction, reason: RoomTally['reasons'][number]): string {
  const line = `${t(choiceKeyOf[reason.choice])}: ${reason.text}`;
  return reason.name ? `${line} (${reason.name})` : line;
}

/**
 * The result as it is written down, in the app's language: for a consent round the decision's
 * tally text (counts, then each reason), for the others a line in the item's notes.
 */
export function resultWording(t: TFunction, prompt: RoomPrompt, tally: RoomTally): string {
  const labels = slotLabels(t, prompt);
  const counts = tally.counts.map((count, index) => `${labels[index]} ${count}`).join(' · ');
  if (prompt.kind === 'consent') return [counts, ...tally.reasons.map((reason) => reasonLine(t, reason))].join('\n');
  if (prompt.kind === 'statements')
    return [
      t('room.noteHeading', { kind: t(kindKeys.statements), question: prompt.question }),
      ...statementLines(t, prompt, tally),
    ].join('\n');
  return t('room.noteLine', { kind: t(kindKeys[prompt.kind]), question: prompt.question, counts });
}
