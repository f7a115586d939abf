import type { Migration } from './index';

/**
 * A relationship's direction, in Kumu's words: `directed` (From → To), `undirected` (a tie with no
 * direction) or `mutual` (both ways). Every relationship made before ran From → To and stays so:
 * the repository reads null (and any word it does not know) as directed. No default and no
 * backfill, on purpose: a row is what its change messages say, on every replica alike, and those
 * older messages say nothing of direction; a non-null default would make a row built from synced
 * messages differ from the same row written here.
 */
export const relationshipDirection: Migration = {
  version: 150,
  name: 'relationship-direction',
  sql: `
    ALTER TABLE relationships ADD COLUMN direction TEXT;
  `,
};
