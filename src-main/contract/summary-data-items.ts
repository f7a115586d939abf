import { z } from 'zod';
import { actionStatuses, decisionOutcomes } from './meeting';
import { SummaryScorecardIndicator } from './summary-scorecard';
import { noteKinds } from './voice';

/**
 * One data item of the session as its summary carries it: the indicator's figures (suppression
 * already applied, exactly as in the scorecard), what the room said helps and holds it back, the
 * community voice cited at that item (consent applied), and the decisions and actions made on it.
 */
export const SummaryDataItem = z.object({
  agendaItem: z.string(),
  indicator: SummaryScorecardIndicator,
  helps: z.array(z.string()),
  holdsBack: z.array(z.string()),
  voices: z.array(
    z.object({
      kind: z.enum(noteKinds),
      text: z.string(),
      /** Only when the speaker agreed to be quoted by name. */
      pseudonym: z.string().nullable(),
    }),
  ),
  decisions: z.array(z.object({ text: z.string(), outcome: z.enum(decisionOutcomes) })),
  actions: z.array(
    z.object({ text: z.string(), owner: z.string(), dueDate: z.string(), status: z.enum(actionStatuses) }),
  ),
});
export type SummaryDataItem = z.infer<typeof SummaryDataItem>;
