import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Db } from '../../../src-main/store/connection';

/** The queries meeting mode runs on every keystroke's refetch must use their indexes. */
describe('0040-meeting', () => {
  let db: Db;
  beforeEach(() => {
    db = openMemoryDatabase();
  });
  afterEach(() => db.close());

  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((step) => step.detail);

  it("reads a session's agenda in order through agenda_items_by_session, without a sort", () => {
    const details = plan("SELECT * FROM agenda_items WHERE session_id = 'x' AND tombstone = 0 ORDER BY position, id");
    expect(details.some((detail) => detail.includes('USING INDEX agenda_items_by_session'))).toBe(true);
    expect(details).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it.each([
    ['attendance', 'attendance_by_session'],
    ['decisions', 'decisions_by_session'],
    ['action_items', 'action_items_by_session'],
  ])("finds a session's %s through %s", (table, index) => {
    const details = plan(`SELECT * FROM ${table} WHERE session_id = 'x' AND tombstone = 0`);
    expect(details.some((detail) => detail.includes(`USING INDEX ${index}`))).toBe(true);
  });

  it('keeps the live state and every meeting table with an id, tombstone and _clock', () => {
    for (const table of [
      'agenda_items',
      'attendance',
      'decisions',
      'decision_notes',
      'action_items',
      'parking_lot',
      'live_sessions',
    ]) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (column) => column.name,
      );
      expect(columns, table).toEqual(expect.arrayContaining(['id', 'tombstone', '_clock']));
    }
  });
});
