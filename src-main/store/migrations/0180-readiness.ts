import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * Readiness, phases and learning.
 *
 * The two built-in instruments, their sections and items, and the phase benchmarks live in the
 * app's code with fixed ids and texts in every language (store/readiness-builtins.ts). A row here
 * with one of those ids only holds what someone changed (an edited text, a deletion), so two
 * devices never seed duplicates and a late first start on one device cannot undo an edit made on
 * another.
 *
 * A rating sheet keeps its answers as one JSON object ({itemId: [level, importance]}): one person
 * enters one sheet, so one last-writer-wins field per sheet is enough. It carries the rater's
 * sector and lived-experience flag, never a name.
 *
 * Phase benchmark rows are keyed by the benchmark's id: one row per benchmark, whoever marks it.
 * An after-action review is keyed by its session's id: one review per session, each field merged
 * last-writer-wins (long texts keep a conflict copy, as notes do).
 */
export const readiness: Migration = {
  version: 180,
  name: 'readiness',
  sql: `
    CREATE TABLE readiness_instruments (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT, scale TEXT, rates_importance INTEGER NOT NULL DEFAULT 0,
      ${domainColumns}
    );
    CREATE TABLE readiness_sections (
      id TEXT PRIMARY KEY NOT NULL,
      instrument_id TEXT, title TEXT, position INTEGER,
      ${domainColumns}
    );
    CREATE TABLE readiness_items (
      id TEXT PRIMARY KEY NOT NULL,
      instrument_id TEXT, section_id TEXT, text TEXT, position INTEGER,
      ${domainColumns}
    );
    CREATE INDEX readiness_items_by_instrument ON readiness_items (instrument_id) WHERE tombstone = 0;
    CREATE TABLE readiness_rounds (
      id TEXT PRIMARY KEY NOT NULL,
      instrument_id TEXT, title TEXT, held_on TEXT,
      ${domainColumns}
    );
    CREATE TABLE readiness_sheets (
      id TEXT PRIMARY KEY NOT NULL,
      round_id TEXT, sector TEXT, lived_experience INTEGER NOT NULL DEFAULT 0, answers TEXT, entered_at TEXT,
      ${domainColumns}
    );
    CREATE INDEX readiness_sheets_by_round ON readiness_sheets (round_id) WHERE tombstone = 0;
    CREATE TABLE phase_benchmarks (
      id TEXT PRIMARY KEY NOT NULL,
      met INTEGER NOT NULL DEFAULT 0, met_on TEXT, evidence_kind TEXT, evidence_id TEXT, evidence_text TEXT,
      ${domainColumns}
    );
    CREATE TABLE after_action_reviews (
      id TEXT PRIMARY KEY NOT NULL,
      planned TEXT, happened TEXT, why_different TEXT, next_steps TEXT, reviewed_on TEXT,
      ${domainColumns}
    );
    CREATE TABLE other_collaborations (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT, goal TEXT, convener TEXT, partner_ids TEXT,
      ${domainColumns}
    );
    CREATE TABLE change_stories (
      id TEXT PRIMARY KEY NOT NULL,
      title TEXT, story TEXT, consent TEXT, collected_on TEXT,
      ${domainColumns}
    );
    CREATE TABLE story_choices (
      id TEXT PRIMARY KEY NOT NULL,
      story_id TEXT, round_title TEXT, reason TEXT, chosen_on TEXT,
      ${domainColumns}
    );
    CREATE TABLE phase_history (
      id TEXT PRIMARY KEY NOT NULL,
      phase TEXT, entered_on TEXT, note TEXT,
      ${domainColumns}
    );
  `,
};
