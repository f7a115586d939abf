import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/connection';
import { migrations } from '../../../src-main/store/migrations/index';
import { createRelationshipRepository } from '../../../src-main/store/relationships';
import { WritePath } from '../../../src-main/store/write-path';
import { makeTempDir } from '../../fixtures/temp-dir';

const node = '00000000000000ab';
const clinic = '01a20958-f99d-7768-bbb8-99797e452001';
const pantry = '01a20958-f99d-7768-bbb8-99797e452002';
const funds = '01a20958-f99d-7768-bbb8-99797e452003';

describe('migration 150 (relationship direction) on a file written before it', () => {
  it('opens the file, and its relationships run one way, From → To, as they did', () => {
    const temp = makeTempDir('common-ground-direction-');
    const path = join(temp.dir, 'before-150.sqlite');
    try {
      // A file as an app before migration 150 left it: its schema, its version, its rows.
      const old = new Database(path);
      const before = migrations.filter((step) => step.version < 150);
      old.transaction(() => {
        for (const migration of before) old.exec(migration.sql);
        old.pragma(`user_version = ${before.at(-1)!.version}`);
      })();
      expect(
        old.prepare("SELECT count(*) FROM pragma_table_info('relationships') WHERE name = 'direction'").pluck().get(),
      ).toBe(0);
      const writePath = new WritePath(old, node);
      writePath.write([
        { table: 'partners', row: clinic, values: { name: 'Harbour Clinic', tombstone: 0 } },
        { table: 'partners', row: pantry, values: { name: 'Food Bank', tombstone: 0 } },
        {
          table: 'relationships',
          row: funds,
          values: { from_id: clinic, to_id: pantry, kind: 'funds', strength: 2, note: '', tombstone: 0 },
        },
      ]);
      old.close();

      const db = openDatabase(path);
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
        const relationships = createRelationshipRepository(db, new WritePath(db, node));
        expect(relationships.list()).toEqual([
          { id: funds, fromId: clinic, toId: pantry, kind: 'funds', strength: 2, note: '', direction: 'directed' },
        ]);
        // The new field goes through the write path like any other, and is read back.
        expect(relationships.update(funds, { direction: 'undirected' }).direction).toBe('undirected');
      } finally {
        db.close();
      }
    } finally {
      temp.cleanup();
    }
  });
});
