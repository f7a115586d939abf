import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, openMemoryDatabase } from '../../../src-main/store/connection';
import { migrations } from '../../../src-main/store/migrations/index';
import { WritePath } from '../../../src-main/store/write-path';

const measureTables = [
  'indicators',
  'indicator_targets',
  'measure_dimensions',
  'measure_categories',
  'readings',
  'measure_settings',
];

describe('migration 140 (shared measurement)', () => {
  it('adds the measurement tables to a file written before it, keeping what was there', () => {
    const db = new Database(':memory:');
    try {
      db.transaction(() => {
        for (const migration of migrations.filter((step) => step.version < 140)) db.exec(migration.sql);
        db.pragma(`user_version = ${migrations.filter((step) => step.version < 140).at(-1)?.version}`);
      })();
      const partner = '01a20958-f994-7589-b2d8-4c08e329c448';
      new WritePath(db, '00000000000000ab').write([
        { table: 'partners', row: partner, values: { name: 'Eastside Library', tombstone: 0 } },
      ]);
      const tables = () =>
        db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
      expect(tables()).not.toContain('readings');
      migrate(db);
      expect(tables()).toEqual(expect.arrayContaining(measureTables));
      expect(db.prepare('SELECT name FROM partners WHERE id = ?').pluck().get(partner)).toBe('Eastside Library');
      // The new tables take writes through the write path straight away.
      new WritePath(db, '00000000000000ab').write([
        { table: 'readings', row: `${partner}.2026.total`, values: { value: 12.5, group_count: 30, tombstone: 0 } },
      ]);
      expect(db.prepare('SELECT value, group_count FROM readings').get()).toEqual({ value: 12.5, group_count: 30 });
    } finally {
      db.close();
    }
  });

  it("reads one indicator's readings of a period through readings_by_indicator, not a scan", () => {
    const db = openMemoryDatabase();
    try {
      const plan = db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT id, value FROM readings WHERE indicator_id = ? AND period = ? AND tombstone = 0',
        )
        .all('i', '2026') as { detail: string }[];
      const details = plan.map((step) => step.detail);
      expect(details.some((detail) => detail.includes('USING INDEX readings_by_indicator'))).toBe(true);
      expect(details.some((detail) => /^SCAN readings\b/.test(detail))).toBe(false);
    } finally {
      db.close();
    }
  });
});
