import {
  consentChoices,
  stances,
  type ConsentChoice,
  type RoomPromptKind,
  type RoomTally,
  type Stance,
} from '../contract/room';
import type { ReadinessAsk, ReadinessValue } from './readiness-answers';

/** One phone's answer, already checked against its prompt (see answers.ts). */
export type AnswerValue =
  | { kind: 'fist'; fingers: number }
  | { kind: 'consent'; choice: ConsentChoice; reason: string }
  | { kind: 'vote'; option: number }
  | { kind: 'dots'; options: number[] }
  | { kind: 'rating'; value: number }
  | { kind: 'statements'; votes: Stance[] }
  | ReadinessValue;

export interface CountedAnswer {
  value: AnswerValue;
  /** The checked-in name, or null for an anonymous phone. */
  name: string | null;
}

export interface PromptShape {
  kind: RoomPromptKind;
  options: readonly string[];
  scaleMax: number;
  /** The round a readiness prompt rates; absent for the other kinds. */
  readiness?: ReadinessAsk | null;
}

/** How many counts a prompt's tally has: fingers 0–5, four consent choices, one per option or scale step. */
export function countSlots(prompt: PromptShape): number {
  switch (prompt.kind) {
    case 'fist':
      return 6;
    case 'consent':
      return consentChoices.length;
    case 'rating':
      return prompt.scaleMax;
    // A readiness round has no counts on the projector: its sheets are read in the Readiness section.
    case 'ideas':
    case 'readiness':
      return 0;
    case 'statements':
      // Agree, disagree and pass for each statement, in that order.
      return prompt.options.length * stances.length;
    default:
      return prompt.options.length;
  }
}

/** Counts per choice and the reasons given, from each phone's one answer. */
export function tallyOf(prompt: PromptShape, answers: Iterable<CountedAnswer>): RoomTally {
  const counts = new Array<number>(countSlots(prompt)).fill(0);
  const reasons: RoomTally['reasons'] = [];
  for (const { value, name } of answers) {
    switch (value.kind) {
      case 'fist':
        counts[value.fingers]++;
        break;
      case 'consent':
        counts[consentChoices.indexOf(value.choice)]++;
        if (value.reason) reasons.push({ choice: value.choice, text: value.reason, name });
        break;
      case 'vote':
        counts[value.option]++;
        break;
      case 'dots':
        for (const option of value.options) counts[option]++;
        break;
      case 'rating':
        counts[value.value - 1]++;
        break;
      case 'statements':
        value.votes.forEach((stance, statement) => counts[statement * stances.length + stances.indexOf(stance)]++);
        break;
    }
  }
  return { counts, reasons };
}

/** Consent fails on any objection; fist-to-five on any 0 or 1 (a block or a serious doubt). */
export function outcomeOf(kind: 'fist' | 'consent', tally: RoomTally): 'agreed' | 'not_agreed' {
  if (kind === 'consent') return tally.counts[consentChoices.indexOf('object')] > 0 ? 'not_agreed' : 'agreed';
  return tally.counts[0] + tally.counts[1] > 0 ? 'not_agreed' : 'agreed';
}
