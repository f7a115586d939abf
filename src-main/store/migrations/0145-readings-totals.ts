import type { Migration } from './index';

/**
 * The scorecard reads every indicator's totals at once. Without this index SQLite walks every
 * live reading (160,000 at 200 indicators × 40 periods × 20 groups) and looks each row up to find
 * the few with no category; this partial index holds only the totals, with the figures the
 * scorecard needs, so the read touches the index alone.
 */
export const readingsTotals: Migration = {
  version: 145,
  name: 'readings-totals',
  sql: `
    CREATE INDEX readings_totals ON readings (indicator_id, period, value, group_count)
      WHERE tombstone = 0 AND categories = '[]';
  `,
};
