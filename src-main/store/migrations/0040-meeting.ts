import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * Meeting mode: agenda items, attendance (id `${sessionId}.${partnerId}` so two devices checking
 * the same person in make one row), decisions with their tally in plain columns (one per count,
 * so a field-level merge never has to reconcile a JSON blob), the voice notes that informed each
 * decision, action items, the parking lot, and the live state of a running session.
 *
 * live_sessions holds the current item and the timer (start instant and time run before the last
 * pause), keyed by session id and written through the write path like everything else, so a
 * crash or a kill returns to the same item and the same remaining time.
 */
export const meeting: Migration = {
  version: 40,
  name: 'meeting',
  sql: `
    CREATE TABLE agenda_items (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT, position INTEGER, title TEXT, presenter_id TEXT, timebox_minutes INTEGER,
      purpose TEXT, notes TEXT,
      ${domainColumns}
    );
    CREATE INDEX agenda_items_by_session ON agenda_items (session_id, position) WHERE tombstone = 0;
    CREATE TABLE attendance (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT, partner_id TEXT,
      invited INTEGER NOT NULL DEFAULT 0, checked_in INTEGER NOT NULL DEFAULT 0,
      ${domainColumns}
    );
    CREATE INDEX attendance_by_session ON attendance (session_id) WHERE tombstone = 0;
    CREATE TABLE decisions (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT, agenda_item_id TEXT, text TEXT, method TEXT,
      fist_0 INTEGER, fist_1 INTEGER, fist_2 INTEGER, fist_3 INTEGER, fist_4 INTEGER, fist_5 INTEGER,
      votes_for INTEGER, votes_against INTEGER, votes_abstain INTEGER, objections TEXT,
      outcome TEXT, rationale TEXT, decided_at TEXT,
      ${domainColumns}
    );
    CREATE INDEX decisions_by_session ON decisions (session_id) WHERE tombstone = 0;
    CREATE TABLE decision_notes (
      id TEXT PRIMARY KEY NOT NULL,
      decision_id TEXT, note_id TEXT,
      ${domainColumns}
    );
    CREATE INDEX decision_notes_by_decision ON decision_notes (decision_id) WHERE tombstone = 0;
    CREATE TABLE action_items (
      id TEXT PRIMARY KEY NOT NULL,
      text TEXT, owner_id TEXT, due_date TEXT, group_id TEXT, status TEXT, session_id TEXT,
      ${domainColumns}
    );
    CREATE INDEX action_items_by_session ON action_items (session_id) WHERE tombstone = 0;
    CREATE INDEX action_items_by_owner ON action_items (owner_id, due_date) WHERE tombstone = 0;
    CREATE TABLE parking_lot (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT, text TEXT, moved_to_session_id TEXT,
      ${domainColumns}
    );
    CREATE INDEX parking_lot_by_session ON parking_lot (session_id) WHERE tombstone = 0;
    CREATE TABLE live_sessions (
      id TEXT PRIMARY KEY NOT NULL,
      current_item_id TEXT, timer_started_at INTEGER, elapsed_ms INTEGER,
      ${domainColumns}
    );
  `,
};
