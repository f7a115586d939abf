import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * Readiness, second part.
 *
 * review_actions: which action items an after-action review created. The row's id is the action
 * item's id, so the same link made twice (a retried request, two devices syncing) is one row;
 * session_id is the reviewed session, so a summary can list the actions its review led to.
 *
 * custom_benchmarks: benchmarks a facilitator adds to a phase beside the built-in ones, in the
 * words typed (one language). Being met is marked in phase_benchmarks under the same id, as for a
 * built-in benchmark.
 */
export const readinessAdditions: Migration = {
  version: 200,
  name: 'readiness-additions',
  sql: `
    CREATE TABLE review_actions (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT,
      ${domainColumns}
    );
    CREATE INDEX review_actions_by_session ON review_actions (session_id) WHERE tombstone = 0;
    CREATE TABLE custom_benchmarks (
      id TEXT PRIMARY KEY NOT NULL,
      phase TEXT, text TEXT,
      ${domainColumns}
    );
  `,
};
