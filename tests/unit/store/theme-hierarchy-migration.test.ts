import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/store/connection';
import { migrations } from '../../../src-main/store/migrations/index';
import { createThemeRepository } from '../../../src-main/store/themes';
import { WritePath } from '../../../src-main/store/write-path';

describe('migration 110 (theme hierarchy) on a file written before it', () => {
  it('reads the themes already there as top-level codes and finds a codebook guid by index', () => {
    const db = new Database(':memory:');
    try {
      db.transaction(() => {
        for (const migration of migrations.filter((step) => step.version < 110)) db.exec(migration.sql);
        db.pragma(`user_version = ${migrations.filter((step) => step.version < 110).at(-1)!.version}`);
      })();
      const writePath = new WritePath(db, '00000000000000ab');
      const theme = '01a20958-f99d-7768-bbb8-99797e452083';
      writePath.write([
        {
          table: 'themes',
          row: theme,
          values: { name: 'Transport', colour: '#1f6f5c', description: '', tombstone: 0 },
        },
      ]);
      migrate(db);
      const themes = createThemeRepository(db, writePath);
      expect(themes.list()).toMatchObject([{ id: theme, name: 'Transport', parentId: null, codable: true }]);
      expect(themes.codebook()[0].guid).toBe(theme);
      const plan = db
        .prepare(
          "EXPLAIN QUERY PLAN SELECT id FROM themes WHERE qdc_guid IS NOT NULL AND lower(qdc_guid) = lower('x') ORDER BY tombstone, id",
        )
        .all() as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' ')).toContain('themes_by_qdc_guid');
    } finally {
      db.close();
    }
  });
});
