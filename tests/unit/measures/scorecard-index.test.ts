import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../src-main/store/connection';
import { sql } from '../../../src-main/store/measures-scorecard';

describe('the scorecard query', () => {
  it('reads the totals from the readings_totals index alone, not by scanning every reading', () => {
    const db = openMemoryDatabase();
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql.totals}`).all() as { detail: string }[];
      const details = plan.map((step) => step.detail);
      expect(details).toEqual([expect.stringContaining('USING COVERING INDEX readings_totals')]);
    } finally {
      db.close();
    }
  });
});
