import { z } from 'zod';
import { actionStatuses } from './meeting';
import { phases } from './models';

/**
 * The learning and readiness part of a session summary, with consent and the small-group rule
 * applied when it is built, so every format shows the same facts.
 */
export const SummaryLearning = z.object({
  /** The session's after-action review; null when nothing was written (or on a partner's copy). */
  review: z
    .object({ planned: z.string(), happened: z.string(), whyDifferent: z.string(), nextSteps: z.string() })
    .nullable(),
  /** The action items the review created, as the actions table shows them. */
  reviewActions: z.array(
    z.object({ text: z.string(), owner: z.string(), dueDate: z.string(), status: z.enum(actionStatuses) }),
  ),
  /** Stories collected or chosen on the session's day whose teller agreed to share them. */
  stories: z.array(
    z.object({
      title: z.string(),
      story: z.string(),
      /** Shared with the teller's name (true) or without it (false). */
      named: z.boolean(),
      collectedOn: z.string(),
      choices: z.array(z.object({ roundTitle: z.string(), reason: z.string(), chosenOn: z.string() })),
    }),
  ),
  /** The latest round with sheets; null when the initiative has none. */
  readiness: z
    .object({
      instrument: z.string(),
      round: z.string(),
      heldOn: z.string(),
      sheets: z.number().int(),
      /** Null when either group has fewer than three sheets (then neither is shown apart). */
      residentSheets: z.number().int().nullable(),
      agencySheets: z.number().int().nullable(),
      /** Whether the gaps are importance against how well it is done, or the lowest averages. */
      ratesImportance: z.boolean(),
      /** The three largest gaps (or, without importance, the three lowest averages). */
      biggestGaps: z.array(
        z.object({
          item: z.string(),
          importance: z.number().nullable(),
          done: z.number().nullable(),
          gap: z.number().nullable(),
          meanLevel: z.number().nullable(),
        }),
      ),
      /** Items where residents and agencies differ by the notable amount, both groups large enough. */
      differences: z.array(
        z.object({ item: z.string(), residents: z.number(), agencies: z.number(), difference: z.number() }),
      ),
      /** Rated items whose groups were too small to show apart. */
      notApart: z.number().int(),
    })
    .nullable(),
  /** The current phase and the benchmarks met in it, with their evidence. */
  phase: z
    .object({
      phase: z.enum(phases),
      met: z.array(z.object({ text: z.string(), metOn: z.string(), evidence: z.string() })),
      benchmarks: z.number().int(),
    })
    .nullable(),
});
export type SummaryLearning = z.infer<typeof SummaryLearning>;
