import { initial } from './0010-initial';
import { partnersGroupsMap } from './0020-partners-groups-map';

export interface Migration {
  /** Numbered in steps of 10, matching the file name; kept in PRAGMA user_version. */
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first. Append only: a shipped migration is never edited. */
export const migrations: readonly Migration[] = [initial, partnersGroupsMap];

export const latestVersion = migrations[migrations.length - 1].version;
