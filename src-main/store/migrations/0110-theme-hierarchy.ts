import type { Migration } from './index';

/**
 * Themes keep the shape of a REFI-QDA codebook: a parent (nested codes), whether a theme is only a
 * category that groups codes (`category`, REFI-QDA's isCodable="false"; 0 for themes made before),
 * and the guid the codebook gave it, kept as written. That guid may be valid for the schema and
 * still not an RFC 4122 UUID, which the app's contract needs for an id; such a theme gets an id of
 * its own and the file's guid goes back out on export.
 */
export const themeHierarchy: Migration = {
  version: 110,
  name: 'theme-hierarchy',
  sql: `
    ALTER TABLE themes ADD COLUMN parent_id TEXT;
    ALTER TABLE themes ADD COLUMN category INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE themes ADD COLUMN qdc_guid TEXT;
    CREATE INDEX themes_by_qdc_guid ON themes (lower(qdc_guid)) WHERE qdc_guid IS NOT NULL;
  `,
};
