import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * Reading the data together in meeting mode. An agenda item may show one indicator (a "data
 * item"); an action item remembers the agenda item it was made on, as a decision already does, so
 * both lead back to the indicator through it.
 *
 * curve_factors are the story behind the curve: short notes on what helps and what holds the
 * indicator back, each its own row so two people adding notes at once never overwrite each other.
 *
 * indicator_voice_links tie a community-voice note to an indicator (and, optionally, one period).
 * The id joins the note and the indicator, so the same link made on two devices is one row. The
 * note's words are never copied here: every read joins shared_voice_notes, so a later withdrawal
 * or a stricter consent hides the link's text everywhere at once.
 */
export const dataAgenda: Migration = {
  version: 160,
  name: 'data-agenda',
  sql: `
    ALTER TABLE agenda_items ADD COLUMN indicator_id TEXT;
    CREATE INDEX agenda_items_by_indicator ON agenda_items (indicator_id) WHERE tombstone = 0 AND indicator_id IS NOT NULL;
    ALTER TABLE action_items ADD COLUMN agenda_item_id TEXT;
    CREATE TABLE curve_factors (
      id TEXT PRIMARY KEY NOT NULL,
      indicator_id TEXT, session_id TEXT, agenda_item_id TEXT, kind TEXT, text TEXT,
      ${domainColumns}
    );
    CREATE INDEX curve_factors_by_indicator ON curve_factors (indicator_id, session_id) WHERE tombstone = 0;
    CREATE TABLE indicator_voice_links (
      id TEXT PRIMARY KEY NOT NULL,
      indicator_id TEXT, note_id TEXT, period TEXT, session_id TEXT, agenda_item_id TEXT,
      ${domainColumns}
    );
    CREATE INDEX indicator_voice_links_by_indicator ON indicator_voice_links (indicator_id) WHERE tombstone = 0;
  `,
};
