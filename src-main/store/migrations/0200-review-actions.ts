import type { Migration } from './index';

/**
 * Which action items an after-action review created. The row's id is the action item's id, so
 * the same link made twice (a retried request, two devices syncing) is one row; session_id is the
 * reviewed session, so a summary can list the actions its review led to apart from the others.
 */
export const reviewActions: Migration = {
  version: 200,
  name: 'review-actions',
  sql: `
    CREATE TABLE review_actions (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT,
      tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX review_actions_by_session ON review_actions (session_id) WHERE tombstone = 0;
  `,
};
