import type { Migration } from './index';

/**
 * The change log stored in packs. Sync still moves one message per field, each with its own
 * timestamp; only the way this device keeps its log changes.
 *
 * change_packs holds this device's own edits of short fields: one row per row change, the fields
 * stamped with consecutive counters of one millisecond, kept as a JSON array of
 * [counter, column, value]. `first` and `last` are the pack's first and last timestamps; a pack
 * never spans two milliseconds, and one device's packs never overlap, so "is this timestamp in a
 * pack" looks at one pack. change_pack_writers lists the node ids that wrote packs (normally just
 * this device) so a received message is checked against packs only when it could be in one.
 *
 * change_fields (the former change_log table, its rows kept as they were) holds everything else:
 * received messages and long texts, whose versions are looked up one by one (conflict copies,
 * erased words, bases), exactly as before.
 *
 * change_log is now a view of both, one row per message as before, for reading by hand and by
 * checks; the app reads through store/change-log.ts, which finds packs by their keys.
 */
export const packedChangeLog: Migration = {
  version: 190,
  name: 'packed-change-log',
  sql: `
    ALTER TABLE change_log RENAME TO change_fields;
    CREATE TABLE change_packs (
      first TEXT PRIMARY KEY NOT NULL,
      last TEXT NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      fields TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE change_pack_writers (node TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
    CREATE VIEW change_log (timestamp, tbl, row_id, col, value, base) AS
      SELECT timestamp, tbl, row_id, col, value, base FROM change_fields
      UNION ALL
      SELECT substr(p.first, 1, 25) || printf('%04x', json_extract(f.value, '$[0]')) || substr(p.first, 30),
        p.tbl, p.row_id, json_extract(f.value, '$[1]'), json_extract(f.value, '$[2]'), NULL
      FROM change_packs p, json_each(p.fields) f;
  `,
};
