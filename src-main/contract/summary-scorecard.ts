import { z } from 'zod';
import { polarities } from './measures';

/**
 * The scorecard section of a session summary: each indicator's latest figures with small-group
 * suppression already applied, so no format has to decide what may be shown.
 */
export const SummaryScorecardIndicator = z.object({
  name: z.string(),
  unit: z.string(),
  polarity: z.enum(polarities),
  /** The latest period with any reading; empty when the indicator has none yet. */
  period: z.string(),
  /** The total for that period; null when missing or held back as a small group. */
  total: z.number().nullable(),
  /** The target for that period, or the next one after it. */
  target: z.object({ period: z.string(), value: z.number() }).nullable(),
  baseline: z.object({ period: z.string(), value: z.number() }).nullable(),
  /** Total minus baseline; null whenever the total is not shown (it would give the total away). */
  changeSinceBaseline: z.number().nullable(),
  /** One-way group readings of that period that may be shown, in the dimensions' order. */
  groups: z.array(
    z.object({ dimension: z.string(), category: z.string(), value: z.number(), count: z.number().int() }),
  ),
});
export type SummaryScorecardIndicator = z.infer<typeof SummaryScorecardIndicator>;

export const SummaryScorecard = z.object({
  threshold: z.number().int(),
  indicators: z.array(SummaryScorecardIndicator),
  /** On a partner's copy: indicators owned by other partners, left out. */
  indicatorsLeftOut: z.number().int(),
  /** Readings the section would have shown but held back, by reason. */
  suppressed: z.object({
    smallGroup: z.number().int(),
    countUnknown: z.number().int(),
    complementary: z.number().int(),
  }),
});
export type SummaryScorecard = z.infer<typeof SummaryScorecard>;
