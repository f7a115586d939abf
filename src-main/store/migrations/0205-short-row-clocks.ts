import type { Migration } from './index';

/**
 * Short row clocks (store/row-clock.ts): from this version a row's `_clock` may be stored as
 * `=<first timestamp> <column> …` instead of a JSON object. Nothing in the file changes here; the
 * version moves on so that an older copy of the app, which reads every clock as JSON, refuses the
 * file with its plain "newer than this app understands" message instead of failing on a row.
 */
export const shortRowClocks: Migration = {
  version: 205,
  name: 'short-row-clocks',
  sql: '-- no change to the schema: see the comment above',
};
