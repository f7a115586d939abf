import type { Migration } from './index';

const domainColumns = `tombstone INTEGER NOT NULL DEFAULT 0, _clock TEXT NOT NULL DEFAULT '{}'`;

/**
 * The partner record widened (organisation, lived experience, influence and interest, stage,
 * private contact details, tags, notes), groups with memberships, typed relationships, and saved
 * map positions. A membership's id joins its group and partner ids, so two devices adding the same
 * partner to the same group converge on one row.
 */
export const partnersGroupsMap: Migration = {
  version: 20,
  name: 'partners-groups-map',
  sql: `
    ALTER TABLE partners ADD COLUMN organisation_id TEXT;
    ALTER TABLE partners ADD COLUMN lived_experience INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE partners ADD COLUMN influence INTEGER;
    ALTER TABLE partners ADD COLUMN interest INTEGER;
    ALTER TABLE partners ADD COLUMN engagement_stage TEXT;
    ALTER TABLE partners ADD COLUMN email TEXT;
    ALTER TABLE partners ADD COLUMN phone TEXT;
    ALTER TABLE partners ADD COLUMN tags TEXT;
    ALTER TABLE partners ADD COLUMN notes TEXT;
    CREATE TABLE groups (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT, name TEXT, purpose TEXT, colour TEXT,
      ${domainColumns}
    );
    CREATE TABLE memberships (
      id TEXT PRIMARY KEY NOT NULL,
      group_id TEXT, partner_id TEXT, role TEXT,
      ${domainColumns}
    );
    CREATE INDEX memberships_by_group ON memberships (group_id) WHERE tombstone = 0;
    CREATE INDEX memberships_by_partner ON memberships (partner_id) WHERE tombstone = 0;
    CREATE TABLE relationships (
      id TEXT PRIMARY KEY NOT NULL,
      from_id TEXT, to_id TEXT, kind TEXT, strength INTEGER, note TEXT,
      ${domainColumns}
    );
    CREATE INDEX relationships_by_from ON relationships (from_id) WHERE tombstone = 0;
    CREATE INDEX relationships_by_to ON relationships (to_id) WHERE tombstone = 0;
    CREATE TABLE map_positions (
      id TEXT PRIMARY KEY NOT NULL,
      x REAL, y REAL,
      ${domainColumns}
    );
  `,
};
