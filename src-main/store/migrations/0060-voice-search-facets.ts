import type { Migration } from './index';

/**
 * Search over voice notes, rebuilt so a short prefix plus a filter stays fast at 100,000 notes.
 *
 * - Prefix indexes of two and three characters: a word still being typed ("tr") is one list in the
 *   index instead of a merge of every word that starts with it (20 ms at 100,000 notes, 1 ms now).
 * - A second indexed column, facets, holds a token per filter a note can be found by: its focus
 *   group (g…), kind (k…), participant (p…) and each theme it is tagged with (t…), ids without
 *   their dashes. A filter becomes one more term of the same query, so the index intersects the
 *   lists instead of the view checking every match one by one. Consent, withdrawal and dates are
 *   still decided by the views, the one place that decides them.
 * - Contentless, with deletes by rowid: the old index read the note text back from voice_notes and
 *   needed the old values to delete an entry, which a facet that depends on another table (themes)
 *   cannot give. Snippets are now marked in TypeScript (voice-search.ts).
 *
 * Also an index of draft notes: finding a focus group's draft (on every keystroke of the capture
 * line) walked every note of the group, 10,000 in the benchmark, to find the one row with draft = 1.
 *
 * The index is still derived, never synced and never written by app code: SQLite's triggers keep it
 * in step with voice_notes and note_themes, from one view that says what an entry holds.
 */
export const voiceSearchFacets: Migration = {
  version: 60,
  name: 'voice-search-facets',
  sql: `
    CREATE INDEX voice_notes_drafts ON voice_notes (focus_group_id, id) WHERE draft = 1 AND tombstone = 0;

    DROP TRIGGER voice_notes_fts_insert;
    DROP TRIGGER voice_notes_fts_update;
    DROP TRIGGER voice_notes_fts_delete;
    DROP TABLE voice_notes_fts;

    CREATE VIEW voice_notes_fts_rows AS
    SELECT n.rowid AS rid, coalesce(n.text, '') AS text,
      'g' || replace(coalesce(n.focus_group_id, ''), '-', '')
        || ' k' || coalesce(n.kind, '')
        || CASE WHEN n.participant_id IS NULL THEN '' ELSE ' p' || replace(n.participant_id, '-', '') END
        || coalesce((SELECT group_concat(' t' || replace(t.theme_id, '-', ''), '')
                     FROM note_themes t WHERE t.note_id = n.id AND t.tombstone = 0), '') AS facets
    FROM voice_notes n;

    CREATE VIRTUAL TABLE voice_notes_fts USING fts5(
      text, facets, content = '', contentless_delete = 1, prefix = '2 3',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO voice_notes_fts (rowid, text, facets) SELECT rid, text, facets FROM voice_notes_fts_rows;

    CREATE TRIGGER voice_notes_fts_insert AFTER INSERT ON voice_notes BEGIN
      INSERT INTO voice_notes_fts (rowid, text, facets)
        SELECT rid, text, facets FROM voice_notes_fts_rows WHERE rid = new.rowid;
    END;
    CREATE TRIGGER voice_notes_fts_update
    AFTER UPDATE OF text, focus_group_id, kind, participant_id ON voice_notes BEGIN
      DELETE FROM voice_notes_fts WHERE rowid = old.rowid;
      INSERT INTO voice_notes_fts (rowid, text, facets)
        SELECT rid, text, facets FROM voice_notes_fts_rows WHERE rid = new.rowid;
    END;
    CREATE TRIGGER voice_notes_fts_delete AFTER DELETE ON voice_notes BEGIN
      DELETE FROM voice_notes_fts WHERE rowid = old.rowid;
    END;

    -- A theme link added, moved (merge), removed or restored changes its notes' facets.
    CREATE TRIGGER note_themes_fts_insert AFTER INSERT ON note_themes BEGIN
      DELETE FROM voice_notes_fts WHERE rowid = (SELECT rowid FROM voice_notes WHERE id = new.note_id);
      INSERT INTO voice_notes_fts (rowid, text, facets)
        SELECT r.rid, r.text, r.facets FROM voice_notes_fts_rows r
        WHERE r.rid = (SELECT rowid FROM voice_notes WHERE id = new.note_id);
    END;
    CREATE TRIGGER note_themes_fts_update AFTER UPDATE OF note_id, theme_id, tombstone ON note_themes BEGIN
      DELETE FROM voice_notes_fts WHERE rowid IN (SELECT rowid FROM voice_notes WHERE id IN (old.note_id, new.note_id));
      INSERT INTO voice_notes_fts (rowid, text, facets)
        SELECT r.rid, r.text, r.facets FROM voice_notes_fts_rows r
        WHERE r.rid IN (SELECT rowid FROM voice_notes WHERE id IN (old.note_id, new.note_id));
    END;
    CREATE TRIGGER note_themes_fts_delete AFTER DELETE ON note_themes BEGIN
      DELETE FROM voice_notes_fts WHERE rowid = (SELECT rowid FROM voice_notes WHERE id = old.note_id);
      INSERT INTO voice_notes_fts (rowid, text, facets)
        SELECT r.rid, r.text, r.facets FROM voice_notes_fts_rows r
        WHERE r.rid = (SELECT rowid FROM voice_notes WHERE id = old.note_id);
    END;
  `,
};
