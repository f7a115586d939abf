import { z } from 'zod';
import { entityId } from './models';

/**
 * Room mode: phones at the table answer the facilitator's prompts through a small server on the
 * room's network. These are the facilitator's channels; the phones never reach them (they talk to
 * the room server's own few routes, src-main/room/room-server.ts).
 */
export const promptKinds = ['fist', 'consent', 'vote', 'dots', 'rating', 'ideas', 'statements'] as const;
export type PromptKind = (typeof promptKinds)[number];
/**
 * Every kind a prompt on the phones can be: the facilitator's own questions, and a readiness
 * round rated on the phones (opened from a round, never typed: 'room.readiness.open').
 */
export const roomPromptKinds = [...promptKinds, 'readiness'] as const;
export type RoomPromptKind = (typeof roomPromptKinds)[number];
export const consentChoices = ['consent', 'concern', 'stand_aside', 'object'] as const;
export type ConsentChoice = (typeof consentChoices)[number];
export const ideaKinds = ['idea', 'concern'] as const;
/** Where a phone stands on one short statement. */
export const stances = ['agree', 'disagree', 'pass'] as const;
export type Stance = (typeof stances)[number];

/** Fewer people than this taking a side on a statement is too few to call it agreed or split. */
export const minSidesForReading = 3;

/**
 * Where the room stands on one statement, from its agree and disagree counts (passes take no
 * side): three quarters or more on one side is agreement; less is a split. Opinion groups (who
 * splits with whom) are not computed.
 */
export function statementReading(agree: number, disagree: number): 'agrees' | 'disagrees' | 'splits' | 'few' {
  const sides = agree + disagree;
  if (sides < minSidesForReading) return 'few';
  if (agree / sides >= 0.75) return 'agrees';
  if (disagree / sides >= 0.75) return 'disagrees';
  return 'splits';
}

/** What a phone can send in one answer: short, so the body limit stays small. */
export const roomLimits = {
  question: 300,
  option: 120,
  options: 12,
  reason: 500,
  idea: 500,
  /** Dots a phone may place in one dot vote. */
  dots: 10,
  /** The top of a rating scale (1 to this). */
  ratingMax: 10,
} as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const PromptDraft = z
  .object({
    kind: z.enum(promptKinds),
    question: text(roomLimits.question),
    /** Vote and dot-vote choices, or the statements to agree or disagree with; ignored for the other kinds. */
    options: z.array(text(roomLimits.option)).max(roomLimits.options).default([]),
    /** Dots per phone (dot voting). */
    dots: z.number().int().min(1).max(roomLimits.dots).default(3),
    /** Top of the scale (rating). */
    scaleMax: z.number().int().min(2).max(roomLimits.ratingMax).default(5),
  })
  .strict()
  .superRefine((draft, context) => {
    if ((draft.kind === 'vote' || draft.kind === 'dots') && draft.options.length < 2)
      context.addIssue({ code: 'custom', path: ['options'], message: 'a vote needs at least two choices' });
    if (draft.kind === 'statements' && draft.options.length < 1)
      context.addIssue({ code: 'custom', path: ['options'], message: 'give at least one statement' });
  });
export type PromptDraft = z.input<typeof PromptDraft>;

/** Counts per choice (fingers 0–5, consent choices, options, rating 1..max) and the reasons given. */
export const RoomTally = z.object({
  counts: z.array(z.number().int()),
  reasons: z.array(z.object({ choice: z.enum(consentChoices), text: z.string(), name: z.string().nullable() })),
});
export type RoomTally = z.infer<typeof RoomTally>;

export const RoomPrompt = z.object({
  id: z.string(),
  kind: z.enum(roomPromptKinds),
  question: z.string(),
  options: z.array(z.string()),
  dots: z.number().int(),
  scaleMax: z.number().int(),
  open: z.boolean(),
  revealed: z.boolean(),
  /** How many phones have answered: shown live. */
  answered: z.number().int(),
  /** Only once revealed, so the projector never shows results early. */
  tally: RoomTally.nullable(),
  /** Where the result was written, once recorded: readiness answers become the round's sheets. */
  recorded: z.enum(['decision', 'notes', 'sheets']).nullable(),
  /** The round being rated, for a readiness prompt; null for the other kinds. */
  readiness: z
    .object({
      roundId: entityId,
      items: z.number().int(),
      ratesImportance: z.boolean(),
      /** Sheets written by the last recording, once recorded. */
      sheetsSaved: z.number().int().nullable(),
    })
    .nullable(),
});
export type RoomPrompt = z.infer<typeof RoomPrompt>;

export const RoomIdea = z.object({
  id: z.string(),
  kind: z.enum(ideaKinds),
  text: z.string(),
  /** The name the sender checked in with, or null (anonymous, the default). */
  name: z.string().nullable(),
});
export type RoomIdea = z.infer<typeof RoomIdea>;

export const RoomStatus = z.object({
  running: z.boolean(),
  initiativeId: entityId.nullable(),
  sessionId: entityId.nullable(),
  /** The short per-session code phones type. */
  code: z.string().nullable(),
  endpoints: z.array(
    z.object({
      /** What a phone opens (the code rides in the fragment, never sent to the server). */
      url: z.string(),
      qr: z.object({ size: z.number().int().positive(), path: z.string().regex(/^(M\d+ \d+h1v1h-1z)*$/) }),
    }),
  ),
  phones: z.number().int(),
  prompt: RoomPrompt.nullable(),
  /** Ideas and concerns waiting for the facilitator, oldest first. */
  ideas: z.array(RoomIdea),
});
export type RoomStatus = z.infer<typeof RoomStatus>;

const inSession = { initiativeId: entityId, sessionId: entityId };
const nothing = z.object({}).strict();

/** Room mode's channels, spread at the end of the channel map (channels.ts). */
export const roomChannels = {
  'room.status': { input: nothing, output: RoomStatus },
  /** Turns room mode on for one session (LAN addresses only); a new code each time. */
  'room.start': { input: z.object(inSession).strict(), output: RoomStatus },
  /** Off: phones are cut off and every answer held in memory is forgotten. */
  'room.stop': { input: nothing, output: RoomStatus },
  /** Opens a prompt on every phone; the previous one closes. */
  'room.open': { input: z.object({ prompt: PromptDraft }).strict(), output: RoomStatus },
  /** No more answers to the current prompt; they can no longer be changed. */
  'room.close': { input: nothing, output: RoomStatus },
  'room.reveal': { input: nothing, output: RoomStatus },
  /**
   * Writes a closed prompt's result through the write path: fist-to-five and consent as a new
   * decision with its tally, the others as a line in the current agenda item's notes.
   */
  'room.record': {
    input: z
      .object({
        ...inSession,
        agendaItemId: entityId.nullable(),
        /**
         * The result as the facilitator's screen words it, in the app's language (main has no
         * translations): the note line, or a consent round's counts and reasons for its tally.
         */
        wording: z.string().trim().min(1).max(20_000),
      })
      .strict(),
    output: RoomStatus,
    write: true,
  },
  /** An idea from the queue into the current item's notes, the parking lot, or set aside. */
  'room.moderate': {
    input: z
      .object({
        ...inSession,
        ideaId: entityId,
        to: z.enum(['notes', 'parking', 'dismiss']),
        agendaItemId: entityId.nullable(),
      })
      .strict(),
    output: RoomStatus,
    write: true,
  },
} as const;
