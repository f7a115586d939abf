import { randomInt, randomUUID } from 'node:crypto';
import type { Locale } from '../contract/models';
import type { PromptDraft, RoomIdea, RoomPrompt, RoomPromptKind } from '../contract/room';
import { checkAgainst, RoomRefusal, type PhoneAnswer } from './answers';
import { phoneRound, type ReadinessAsk, type ReadinessValue } from './readiness-answers';
import { tallyOf, type AnswerValue, type CountedAnswer } from './tallies';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, U/V). */
const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const roomCodeLength = 6;

/** A new short code for one room session: about 29 bits, read aloud or typed on a phone. */
export function newRoomCode(): string {
  return Array.from({ length: roomCodeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
}

/** What a phone types, forgiving case, spaces and dashes. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** A name a phone may check in as: an invited participant of the session (name only). */
export interface CheckInName {
  id: string;
  name: string;
}

interface Answer extends CountedAnswer {
  answerId: string;
}

/** A prompt as the room holds it: the facilitator's draft, or a readiness round put to the phones. */
export type OpenDraft = Omit<Required<PromptDraft>, 'kind'> & { kind: RoomPromptKind; readiness: ReadinessAsk | null };

interface LivePrompt {
  id: string;
  draft: OpenDraft;
  /** Sheets written from a readiness prompt's answers, once recorded. */
  sheetsSaved: number | null;
  open: boolean;
  revealed: boolean;
  recorded: RoomPrompt['recorded'];
  /** One answer per phone: a phone's new answer replaces its old one while the prompt is open. */
  answers: Map<string, Answer>;
  /** Every answer id seen, so a resend after a wifi drop (or a late duplicate) counts once. */
  seen: Set<string>;
}

/** The most phones one room takes: far above a table, low enough to bound memory. */
export const maxPhones = 500;
/** Ideas waiting in the queue at most, so one phone cannot fill memory. */
const maxIdeas = 1000;

/**
 * One room session, in memory only: the code, who checked in as whom, the current prompt and its
 * answers, and the ideas waiting for moderation. Nothing here is written anywhere; the facilitator
 * records results through the write path (features/room).
 */
export class Room {
  private readonly phones = new Map<string, CheckInName | null>();
  private prompt: LivePrompt | null = null;
  private readonly ideas: (RoomIdea & { answerId: string })[] = [];

  constructor(
    readonly initiativeId: string,
    readonly sessionId: string,
    private readonly names: readonly CheckInName[],
    readonly code: string = newRoomCode(),
  ) {}

  checkInNames(): readonly CheckInName[] {
    return this.names;
  }

  phoneCount(): number {
    return this.phones.size;
  }

  private knowPhone(phoneId: string): void {
    if (this.phones.has(phoneId)) return;
    if (this.phones.size >= maxPhones)
      throw new RoomRefusal(503, 'room_full', 'This room has as many phones as it can take.');
    this.phones.set(phoneId, null);
  }

  /** A phone takes one of the invited names, or none (anonymous). */
  checkIn(phoneId: string, nameId: string | null): CheckInName | null {
    const name = nameId === null ? null : this.names.find((entry) => entry.id === nameId);
    if (name === undefined) throw new RoomRefusal(404, 'not_found', 'That name is not on this meeting’s list.');
    this.knowPhone(phoneId);
    this.phones.set(phoneId, name);
    return name;
  }

  /** What one phone sees: the current prompt only, and its own answer to it. */
  phoneView(phoneId: string, locale: Locale = 'en') {
    const prompt = this.prompt;
    const name = this.phones.get(phoneId) ?? null;
    if (!prompt) return { name: name?.name ?? null, prompt: null, answer: null };
    const { kind, question, options, dots, scaleMax, readiness } = prompt.draft;
    return {
      name: name?.name ?? null,
      prompt: {
        id: prompt.id,
        kind,
        question,
        options,
        dots,
        scaleMax,
        open: prompt.open,
        // Only the items being rated, in the phone's language: never results or anyone's sheet.
        ...(readiness ? { round: phoneRound(readiness, locale) } : {}),
      },
      answer: prompt.answers.get(phoneId)?.value ?? null,
    };
  }

  /** Counts an answer; the same answer id again is a repeat and changes nothing. */
  answer(input: PhoneAnswer): { counted: boolean } {
    const prompt = this.prompt;
    if (!prompt || prompt.id !== input.promptId)
      throw new RoomRefusal(409, 'prompt_gone', 'This question is no longer asked; look at the new one.');
    if (prompt.seen.has(input.answerId)) return { counted: false };
    if (!prompt.open)
      throw new RoomRefusal(409, 'prompt_closed', 'This question is closed; answers can no longer change.');
    const value = checkAgainst(prompt.draft, input.value);
    this.knowPhone(input.phoneId);
    const name = this.phones.get(input.phoneId)?.name ?? null;
    if (input.value.kind === 'ideas') {
      if (this.ideas.length >= maxIdeas)
        throw new RoomRefusal(503, 'room_full', 'The facilitator has too many ideas waiting.');
      prompt.seen.add(input.answerId);
      this.ideas.push({
        id: randomUUID(),
        answerId: input.answerId,
        kind: input.value.about,
        text: input.value.text,
        name,
      });
      return { counted: true };
    }
    prompt.seen.add(input.answerId);
    prompt.answers.set(input.phoneId, { answerId: input.answerId, value: value as AnswerValue, name });
    return { counted: true };
  }

  /** Opens a new prompt on every phone; the one before closes and is forgotten. */
  open(draft: Required<PromptDraft>): void {
    this.openPrompt({ ...draft, readiness: null });
  }

  /** Puts a readiness round to the phones: each phone rates its items as one rater's sheet. */
  openReadiness(ask: ReadinessAsk): void {
    this.openPrompt({
      kind: 'readiness',
      question: ask.title,
      options: [],
      dots: 0,
      scaleMax: 0,
      readiness: ask,
    });
  }

  private openPrompt(draft: OpenDraft): void {
    this.prompt = {
      id: randomUUID(),
      draft,
      sheetsSaved: null,
      open: true,
      revealed: false,
      recorded: null,
      answers: new Map(),
      seen: new Set(),
    };
  }

  close(): void {
    if (this.prompt) this.prompt.open = false;
  }

  reveal(): void {
    if (this.prompt) this.prompt.revealed = true;
  }

  /** The closed prompt, for recording; refused while answers can still change. */
  closedPrompt(): LivePrompt {
    const prompt = this.prompt;
    if (!prompt) throw new RoomRefusal(404, 'not_found', 'No question has been asked yet.');
    if (prompt.open) throw new RoomRefusal(409, 'prompt_open', 'Close the question before recording its result.');
    if (prompt.recorded) throw new RoomRefusal(409, 'already_recorded', 'This result is already recorded.');
    return prompt;
  }

  markRecorded(where: 'decision' | 'notes'): void {
    if (this.prompt) this.prompt.recorded = where;
  }

  /** Each phone's sheet for a closed readiness prompt, keyed by the phone's own id. */
  readinessAnswers(prompt: LivePrompt): { ask: ReadinessAsk; sheets: { phoneId: string; value: ReadinessValue }[] } {
    const ask = prompt.draft.readiness;
    if (!ask) throw new RoomRefusal(409, 'not_readiness', 'The question on the phones is not a readiness round.');
    const sheets = [...prompt.answers].flatMap(([phoneId, answer]) =>
      answer.value.kind === 'readiness' ? [{ phoneId, value: answer.value }] : [],
    );
    return { ask, sheets };
  }

  markSheetsSaved(prompt: LivePrompt, saved: number): void {
    prompt.recorded = 'sheets';
    prompt.sheetsSaved = saved;
  }

  tally(prompt: LivePrompt) {
    return tallyOf(prompt.draft, prompt.answers.values());
  }

  promptView(): RoomPrompt | null {
    const prompt = this.prompt;
    if (!prompt) return null;
    const { kind, question, options, dots, scaleMax, readiness } = prompt.draft;
    return {
      id: prompt.id,
      kind,
      question,
      options,
      dots,
      scaleMax,
      open: prompt.open,
      revealed: prompt.revealed,
      // Ideas: how many were sent to this prompt (a phone may send several).
      answered: kind === 'ideas' ? prompt.seen.size : prompt.answers.size,
      // A readiness round never shows counts here: its results stay in the Readiness section.
      tally: prompt.revealed && kind !== 'ideas' && kind !== 'readiness' ? this.tally(prompt) : null,
      recorded: prompt.recorded,
      readiness: readiness
        ? {
            roundId: readiness.roundId,
            items: readiness.items.length,
            ratesImportance: readiness.ratesImportance,
            sheetsSaved: prompt.sheetsSaved,
          }
        : null,
    };
  }

  waitingIdeas(): RoomIdea[] {
    return this.ideas.map(({ id, kind, text, name }) => ({ id, kind, text, name }));
  }

  /** Takes an idea out of the queue (moderated: kept somewhere, or set aside). */
  takeIdea(ideaId: string): RoomIdea {
    const at = this.ideas.findIndex((idea) => idea.id === ideaId);
    if (at < 0) throw new RoomRefusal(404, 'not_found', 'That idea is no longer waiting.');
    const [{ id, kind, text, name }] = this.ideas.splice(at, 1);
    return { id, kind, text, name };
  }
}
