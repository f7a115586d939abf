import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * Sessions, focus-group participants with their consent, the real-name links kept in a table of
 * their own, voice notes with a full-text index, the codebook of themes, and the links of notes to
 * themes and to the sessions they were carried to. A link's id joins its two ids, so two devices
 * making the same link converge on one row.
 *
 * Consent is decided in one place, the view voice_note_view: the stricter of the note's level and
 * its participant's, and the strictest when either is unknown (a row that has not fully arrived by
 * sync yet). shared_voice_notes is what may appear outside the focus group's own screens.
 *
 * The full-text index is not a domain table: SQLite's own triggers keep it in step with the notes
 * the write path writes, so it can never disagree with them and is never synced.
 */
export const voiceSessions: Migration = {
  version: 30,
  name: 'voice-sessions',
  sql: `
    ALTER TABLE initiative ADD COLUMN share_real_names INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT, title TEXT, starts_at TEXT, ends_at TEXT, place TEXT, topic TEXT,
      group_id TEXT, facilitator_id TEXT, status TEXT,
      ${domainColumns}
    );
    CREATE INDEX sessions_by_group ON sessions (group_id) WHERE tombstone = 0;
    CREATE TABLE participants (
      id TEXT PRIMARY KEY NOT NULL,
      focus_group_id TEXT, pseudonym TEXT, consent TEXT, consent_date TEXT, consent_recorded_by TEXT,
      withdrawn INTEGER NOT NULL DEFAULT 0, withdrawn_at TEXT,
      ${domainColumns}
    );
    CREATE INDEX participants_by_group ON participants (focus_group_id) WHERE tombstone = 0;
    CREATE TABLE participant_names (
      id TEXT PRIMARY KEY NOT NULL,
      real_name TEXT,
      ${domainColumns}
    );
    CREATE TABLE voice_notes (
      id TEXT PRIMARY KEY NOT NULL,
      focus_group_id TEXT, session_id TEXT, participant_id TEXT, kind TEXT, text TEXT, consent TEXT,
      captured_at TEXT, draft INTEGER NOT NULL DEFAULT 0,
      ${domainColumns}
    );
    CREATE INDEX voice_notes_by_group ON voice_notes (focus_group_id, captured_at) WHERE tombstone = 0;
    CREATE INDEX voice_notes_by_participant ON voice_notes (participant_id) WHERE tombstone = 0;
    CREATE TABLE themes (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT, colour TEXT, description TEXT, merged_into TEXT,
      ${domainColumns}
    );
    CREATE TABLE note_themes (
      id TEXT PRIMARY KEY NOT NULL,
      note_id TEXT, theme_id TEXT,
      ${domainColumns}
    );
    CREATE INDEX note_themes_by_note ON note_themes (note_id) WHERE tombstone = 0;
    CREATE INDEX note_themes_by_theme ON note_themes (theme_id) WHERE tombstone = 0;
    CREATE TABLE carried_notes (
      id TEXT PRIMARY KEY NOT NULL,
      note_id TEXT, session_id TEXT,
      ${domainColumns}
    );
    CREATE INDEX carried_notes_by_note ON carried_notes (note_id) WHERE tombstone = 0;
    CREATE INDEX carried_notes_by_session ON carried_notes (session_id) WHERE tombstone = 0;
    CREATE VIRTUAL TABLE voice_notes_fts USING fts5(
      text, content = 'voice_notes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER voice_notes_fts_insert AFTER INSERT ON voice_notes BEGIN
      INSERT INTO voice_notes_fts (rowid, text) VALUES (new.rowid, coalesce(new.text, ''));
    END;
    CREATE TRIGGER voice_notes_fts_update AFTER UPDATE OF text ON voice_notes BEGIN
      INSERT INTO voice_notes_fts (voice_notes_fts, rowid, text) VALUES ('delete', old.rowid, coalesce(old.text, ''));
      INSERT INTO voice_notes_fts (rowid, text) VALUES (new.rowid, coalesce(new.text, ''));
    END;
    CREATE VIEW voice_note_view AS
    SELECT n.rowid AS rid, n.id, n.focus_group_id, n.session_id, n.participant_id, n.kind, n.text,
      n.consent AS own_consent, n.captured_at, p.pseudonym, coalesce(p.withdrawn, 0) AS withdrawn,
      CASE max(
        CASE n.consent WHEN 'named' THEN 0 WHEN 'anonymous' THEN 1 ELSE 2 END,
        CASE WHEN n.participant_id IS NULL THEN 0 WHEN p.id IS NULL THEN 2
          WHEN p.consent = 'named' THEN 0 WHEN p.consent = 'anonymous' THEN 1 ELSE 2 END
      ) WHEN 0 THEN 'named' WHEN 1 THEN 'anonymous' ELSE 'internal' END AS consent
    FROM voice_notes n
    JOIN groups g ON g.id = n.focus_group_id AND g.tombstone = 0
    LEFT JOIN participants p ON p.id = n.participant_id AND p.tombstone = 0
    WHERE n.tombstone = 0 AND n.draft = 0;
    CREATE VIEW shared_voice_notes AS
    SELECT * FROM voice_note_view WHERE withdrawn = 0 AND consent <> 'internal';
    CREATE TRIGGER voice_notes_fts_delete AFTER DELETE ON voice_notes BEGIN
      INSERT INTO voice_notes_fts (voice_notes_fts, rowid, text) VALUES ('delete', old.rowid, coalesce(old.text, ''));
    END;
  `,
};
