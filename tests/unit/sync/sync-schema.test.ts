import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../../src-main/store/connection';

/** The lookups the conflict-copy bookkeeping runs on every long-text message must use their indexes. */
describe('sync schema (migration 0050)', () => {
  const plan = (sql: string) =>
    (openMemoryDatabase().prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');

  it('finds messages typed over a version through the base index', () => {
    expect(
      plan("SELECT 1 FROM change_log WHERE base = '2026-11-23T09:00:00.000Z-0000-00000000000000aa' LIMIT 1"),
    ).toMatch(/USING (COVERING )?INDEX change_log_by_base/);
  });

  it('lists conflict copies by their primary key and by row', () => {
    expect(plan("SELECT value FROM conflict_copies WHERE timestamp = 'x'")).toMatch(/USING PRIMARY KEY/);
    expect(plan("SELECT value FROM conflict_copies WHERE tbl = 'partners' AND row_id = 'p'")).toMatch(
      /USING INDEX conflict_copies_by_row/,
    );
  });
});
