import { ReviewPatch, type AfterActionReview } from '../contract/readiness';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { localTimestamp, text } from './rows';
import type { WritePath } from './write-path';

interface ReviewRow {
  planned: string | null;
  happened: string | null;
  why_different: string | null;
  next_steps: string | null;
  reviewed_on: string | null;
}

const columnOf = {
  planned: 'planned',
  happened: 'happened',
  whyDifferent: 'why_different',
  nextSteps: 'next_steps',
} as const;

/** After-action reviews, one per session, keyed by the session's id. */
export function createReviewRepository(db: Db, writePath: WritePath) {
  const select = db.prepare(
    'SELECT planned, happened, why_different, next_steps, reviewed_on FROM after_action_reviews WHERE id = ? AND tombstone = 0',
  );
  const sessionAlive = db.prepare('SELECT 1 FROM sessions WHERE id = ? AND tombstone = 0').pluck();

  function get(sessionId: string): AfterActionReview {
    if (!sessionAlive.get(sessionId)) throw new AppError('not_found', 'No session with that id in this initiative.');
    const row = select.get(sessionId) as ReviewRow | undefined;
    return {
      sessionId,
      planned: text(row?.planned),
      happened: text(row?.happened),
      whyDifferent: text(row?.why_different),
      nextSteps: text(row?.next_steps),
      reviewedOn: text(row?.reviewed_on),
    };
  }

  function save(sessionId: string, patch: ReviewPatch): AfterActionReview {
    get(sessionId);
    const parsed = ReviewPatch.parse(patch);
    const values: Record<string, string | number> = { reviewed_on: localTimestamp().slice(0, 10), tombstone: 0 };
    for (const [key, value] of Object.entries(parsed) as [keyof typeof columnOf, string | undefined][])
      if (value !== undefined) values[columnOf[key]] = value;
    writePath.write([{ table: 'after_action_reviews', row: sessionId, values }]);
    return get(sessionId);
  }

  const linkedActions = db
    .prepare('SELECT id FROM review_actions WHERE session_id = ? AND tombstone = 0 ORDER BY id')
    .pluck();

  /** The action items this session's review created (ids, oldest first: ids are time-ordered). */
  function actionIds(sessionId: string): string[] {
    return linkedActions.all(sessionId) as string[];
  }

  /** Records that the review of a session created an action item; run inside the action's own write. */
  function linkAction(sessionId: string, actionId: string): void {
    writePath.write([{ table: 'review_actions', row: actionId, values: { session_id: sessionId, tombstone: 0 } }]);
  }

  return { get, save, actionIds, linkAction };
}

export type ReviewRepository = ReturnType<typeof createReviewRepository>;
