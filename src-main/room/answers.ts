import { z } from 'zod';
import { consentChoices, ideaKinds, roomLimits, stances } from '../contract/room';
import { readinessProblem, readinessValue } from './readiness-answers';
import type { AnswerValue, PromptShape } from './tallies';

/** A request the room server turns down: its HTTP status, a stable code and a plain message. */
export class RoomRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A phone's own random id (kept in its localStorage) and an answer's id (one per press of Send). */
export const phoneId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'is not a phone id');
export const answerId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'is not an answer id');

const index = z
  .number()
  .int()
  .min(0)
  .max(roomLimits.options - 1);
const phoneValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fist'), fingers: z.number().int().min(0).max(5) }).strict(),
  z
    .object({
      kind: z.literal('consent'),
      choice: z.enum(consentChoices),
      reason: z.string().trim().max(roomLimits.reason).default(''),
    })
    .strict(),
  z.object({ kind: z.literal('vote'), option: index }).strict(),
  z.object({ kind: z.literal('dots'), options: z.array(index).min(1).max(roomLimits.dots) }).strict(),
  z.object({ kind: z.literal('rating'), value: z.number().int().min(1).max(roomLimits.ratingMax) }).strict(),
  z.object({ kind: z.literal('statements'), votes: z.array(z.enum(stances)).min(1).max(roomLimits.options) }).strict(),
  z
    .object({ kind: z.literal('ideas'), about: z.enum(ideaKinds), text: z.string().trim().min(1).max(roomLimits.idea) })
    .strict(),
  readinessValue,
]);

export const PhoneAnswer = z.object({ phoneId, promptId: z.string().max(64), answerId, value: phoneValue }).strict();
export type PhoneAnswer = z.infer<typeof PhoneAnswer>;
export type PhoneValue = PhoneAnswer['value'];

export const PhoneCheckIn = z.object({ phoneId, nameId: z.string().max(64).nullable() }).strict();

/** Parses a body with a schema, or refuses it in plain words (400). */
export function parseOrRefuse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'the request';
  throw new RoomRefusal(400, 'invalid_input', `This answer was not accepted: ${where} ${issue?.message ?? ''}`.trim());
}

/** Checks an answer against the prompt it is for: the right kind, and choices that exist. */
export function checkAgainst(prompt: PromptShape & { dots: number }, value: PhoneValue): AnswerValue | null {
  const refuse = (message: string) => new RoomRefusal(400, 'invalid_input', message);
  if (value.kind !== prompt.kind) throw refuse('This answer is for another kind of question; reload the page.');
  switch (value.kind) {
    case 'vote':
      if (value.option >= prompt.options.length) throw refuse('There is no such choice.');
      return value;
    case 'dots':
      if (value.options.some((option) => option >= prompt.options.length)) throw refuse('There is no such choice.');
      if (value.options.length > prompt.dots) throw refuse(`Place at most ${prompt.dots} dots.`);
      return value;
    case 'rating':
      if (value.value > prompt.scaleMax) throw refuse(`The scale goes from 1 to ${prompt.scaleMax}.`);
      return value;
    case 'consent':
      // An objection is weighed by its reason: without one the round cannot work it through.
      if (value.choice === 'object' && value.reason.trim() === '') throw refuse('Say why you object.');
      return value;
    case 'statements':
      if (value.votes.length !== prompt.options.length) throw refuse('Answer each statement once.');
      return value;
    case 'ideas':
      return null;
    case 'readiness': {
      const problem = readinessProblem(prompt.readiness ?? null, value);
      if (problem) throw refuse(problem);
      return value;
    }
    default:
      return value;
  }
}
