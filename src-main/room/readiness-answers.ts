import { z } from 'zod';
import { importanceCount, levelCount, type Instrument, type ReadinessScale } from '../contract/readiness';
import { knownSectors, locales } from '../contract/models';

type Locale = (typeof locales)[number];
/** A text in each language a phone may pick. */
export type PhoneText = Record<Locale, string>;

/**
 * A readiness round put to the phones: its items in every language (each phone reads its own),
 * the scale's words and whether importance is rated. Nothing of the round's results or sheets.
 */
export interface ReadinessAsk {
  roundId: string;
  title: string;
  scale: ReadinessScale;
  ratesImportance: boolean;
  items: { id: string; section: PhoneText; text: PhoneText }[];
}

/** A built-in text in each language unless someone typed their own (then that, in every language). */
function phoneText(typed: string, builtin: PhoneText | null): PhoneText {
  const own = typed.trim();
  return Object.fromEntries(
    locales.map((locale) => [locale, own !== '' ? own : (builtin?.[locale] ?? builtin?.en ?? '')]),
  ) as PhoneText;
}

export function readinessAsk(round: { id: string; title: string }, instrument: Instrument): ReadinessAsk {
  return {
    roundId: round.id,
    title: round.title,
    scale: instrument.scale,
    ratesImportance: instrument.ratesImportance,
    items: instrument.sections.flatMap((section) =>
      section.items.map((item) => ({
        id: item.id,
        section: phoneText(section.title, section.builtinTitle),
        text: phoneText(item.text, item.builtinText),
      })),
    ),
  };
}

/** What a phone is shown of the round: the items in its language, no ids of anything else. */
export function phoneRound(ask: ReadinessAsk, locale: Locale) {
  return {
    scale: ask.scale,
    ratesImportance: ask.ratesImportance,
    items: ask.items.map((item) => ({ id: item.id, section: item.section[locale], text: item.text[locale] })),
  };
}

/**
 * The most items a round can put to a phone: a whole sheet of this many ratings still fits in
 * one answer under the room server's body limit (maxRoomBodyBytes, checked by a unit test).
 */
export const maxRoundItems = 100;

const rating = z
  .object({
    level: z.number().int().min(1).max(levelCount).nullable(),
    importance: z.number().int().min(1).max(importanceCount).nullable().default(null),
  })
  .strict();

/**
 * One rater's sheet from a phone: sector and lived experience (never a name), then per item, in
 * the round's order, a level 1..4 (null: not rated) and importance 1..5 where the instrument asks.
 */
export const readinessValue = z
  .object({
    kind: z.literal('readiness'),
    sector: z.enum(knownSectors),
    livedExperience: z.boolean(),
    ratings: z.array(rating).min(1).max(maxRoundItems),
  })
  .strict();
export type ReadinessValue = z.infer<typeof readinessValue>;

/**
 * What is wrong with a phone's sheet for the round it rates, in plain words, or null: one rating
 * per item, importance only where the instrument asks, and at least one item rated.
 */
export function readinessProblem(ask: ReadinessAsk | null, value: ReadinessValue): string | null {
  if (!ask) return 'This answer is for another kind of question; reload the page.';
  if (value.ratings.length !== ask.items.length) return 'Rate each item of the round once.';
  if (!ask.ratesImportance && value.ratings.some((entry) => entry.importance !== null))
    return 'This round does not rate importance.';
  if (value.ratings.every((entry) => entry.level === null && entry.importance === null))
    return 'Rate at least one item.';
  return null;
}

/** The sheet to save for a phone's answer, keeping only items the instrument still has. */
export function sheetOf(ask: ReadinessAsk, value: ReadinessValue, itemsNow: ReadonlySet<string>) {
  const answers: Record<string, { level: number | null; importance: number | null }> = {};
  ask.items.forEach((item, index) => {
    const entry = value.ratings[index];
    if (entry && itemsNow.has(item.id) && (entry.level !== null || entry.importance !== null))
      answers[item.id] = { level: entry.level, importance: entry.importance };
  });
  return { sector: value.sector, livedExperience: value.livedExperience, answers };
}
