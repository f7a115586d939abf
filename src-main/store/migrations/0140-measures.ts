import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * Shared measurement. Lists (owner partners, dimensions of an indicator, the categories of a
 * reading) are JSON arrays in one column each, so each list is one last-writer-wins field, as
 * partner tags are.
 *
 * Targets and readings have ids made from what they are about (`${indicator}.${period}` and
 * `${indicator}.${period}.${combination}`), so two devices entering the same cell write one row
 * and sync settles it by last writer, instead of leaving two figures for one cell.
 *
 * measure_settings holds one row ('settings'): each initiative is its own file, so a per-file row
 * is a per-initiative setting.
 */
export const measures: Migration = {
  version: 140,
  name: 'measures',
  sql: `
    CREATE TABLE indicators (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT, definition TEXT, kind TEXT, question TEXT, unit TEXT, polarity TEXT,
      reporting_period TEXT, data_source TEXT, owner_ids TEXT, group_id TEXT, strategy TEXT,
      notes TEXT, dimension_ids TEXT, baseline_period TEXT, baseline_value REAL,
      ${domainColumns}
    );
    CREATE INDEX indicators_by_name ON indicators (name COLLATE NOCASE, id) WHERE tombstone = 0;
    CREATE TABLE indicator_targets (
      id TEXT PRIMARY KEY NOT NULL,
      indicator_id TEXT, period TEXT, value REAL,
      ${domainColumns}
    );
    CREATE INDEX indicator_targets_by_indicator ON indicator_targets (indicator_id, period) WHERE tombstone = 0;
    CREATE TABLE measure_dimensions (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT, position INTEGER,
      ${domainColumns}
    );
    CREATE TABLE measure_categories (
      id TEXT PRIMARY KEY NOT NULL,
      dimension_id TEXT, name TEXT, position INTEGER,
      ${domainColumns}
    );
    CREATE INDEX measure_categories_by_dimension ON measure_categories (dimension_id, position) WHERE tombstone = 0;
    CREATE TABLE readings (
      id TEXT PRIMARY KEY NOT NULL,
      indicator_id TEXT, period TEXT, categories TEXT, value REAL, group_count INTEGER,
      ${domainColumns}
    );
    CREATE INDEX readings_by_indicator ON readings (indicator_id, period) WHERE tombstone = 0;
    CREATE TABLE measure_settings (
      id TEXT PRIMARY KEY NOT NULL,
      small_group_threshold INTEGER,
      ${domainColumns}
    );
  `,
};
