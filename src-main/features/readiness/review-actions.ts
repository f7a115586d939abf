import { v7 as uuidv7 } from 'uuid';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';

/** An action item made from a session's after-action review, and the review's note that it made it. */
export function reviewActionHandlers({ library }: HandlerContext) {
  return {
    'readiness.reviews.addAction': ({ initiativeId, sessionId, action, id }) => {
      const store = library.open(initiativeId);
      const actionId = id ?? uuidv7();
      // One transaction: an action without its link would drop out of the summary's learning part.
      return store.writePath.batch(() => {
        store.readiness.reviews.get(sessionId);
        const made = store.actionItems.addAction({ ...action, sessionId, agendaItemId: null }, actionId);
        store.readiness.reviews.linkAction(sessionId, made.id);
        return made;
      });
    },
  } satisfies Partial<HandlerMap>;
}
