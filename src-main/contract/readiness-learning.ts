import { z } from 'zod';
import { ActionDraft, ActionItem } from './meeting';
import { entityId, newRecordId } from './models';

/**
 * "Make this an action" from an after-action review: the action item belongs to the reviewed
 * session (so the tracker and the session's summary show it like any other) and the review
 * remembers it made it, in one write, so a summary can say which actions the review led to.
 */
export const readinessLearningChannels = {
  'readiness.reviews.addAction': {
    input: z
      .object({
        initiativeId: entityId,
        sessionId: entityId,
        action: ActionDraft.omit({ sessionId: true, agendaItemId: true }).strict(),
        id: newRecordId,
      })
      .strict(),
    output: ActionItem,
    write: true,
  },
} as const;
