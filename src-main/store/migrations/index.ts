import { initial } from './0010-initial';
import { partnersGroupsMap } from './0020-partners-groups-map';
import { voiceSessions } from './0030-voice-sessions';
import { meeting } from './0040-meeting';
import { voicePinsReuse } from './0045-voice-pins-reuse';
import { sync } from './0050-sync';
import { voiceSearchFacets } from './0060-voice-search-facets';
import { erasedWords } from './0070-erased-words';
import { themeHierarchy } from './0110-theme-hierarchy';
import { measures } from './0140-measures';
import { readingsTotals } from './0145-readings-totals';
import { relationshipDirection } from './0150-relationship-direction';
import { dataAgenda } from './0160-data-agenda';
import { readiness } from './0180-readiness';
import { packedChangeLog } from './0190-packed-change-log';
import { readinessAdditions } from './0200-readiness-additions';
import { shortRowClocks } from './0205-short-row-clocks';
import { valuesInRows } from './0210-values-in-rows';
import { packsOfRows } from './0220-packs-of-rows';

export interface Migration {
  /** Numbered in steps of 10 (5 for one written beside parallel work), matching the file name; kept in PRAGMA user_version. */
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration, oldest first. Append only: a shipped migration is never edited. Since 0210 a
 * row's field may be the only copy of a logged value (see PackEntry in store/packs.ts): a
 * migration that changes or deletes rows of domain tables must first put their values back into
 * the log (ChangeLog.keepOverwritten), or sync would later send the new value under the old stamp.
 */
export const migrations: readonly Migration[] = [
  initial,
  partnersGroupsMap,
  voiceSessions,
  meeting,
  voicePinsReuse,
  sync,
  voiceSearchFacets,
  erasedWords,
  themeHierarchy,
  measures,
  readingsTotals,
  relationshipDirection,
  dataAgenda,
  readiness,
  packedChangeLog,
  readinessAdditions,
  shortRowClocks,
  valuesInRows,
  packsOfRows,
];

export const latestVersion = migrations[migrations.length - 1].version;
