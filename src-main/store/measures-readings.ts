import { createHash } from 'node:crypto';
import {
  type Indicator,
  maxCategoriesPerReading,
  maxGroupCount,
  maxMeasureValue,
  periodFits,
  ReadingEntry,
  type Reading,
  type ReportingPeriod,
} from '../contract/measures';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import type { DimensionRepository } from './measures-dimensions';
import type { IndicatorRepository } from './measures-indicators';
import { parseIds } from './measures-indicators';
import type { RowChange, WritePath } from './write-path';

interface ReadingRow {
  id: string;
  indicator_id: string;
  period: string;
  categories: string | null;
  value: number | null;
  group_count: number | null;
}

/**
 * One row per indicator, period and category combination, whoever enters it: the id is made from
 * those three, so two devices typing the same cell write the same row and sync keeps the later
 * figure. The combination is hashed to keep the id short (ids are at most 80 characters).
 * changesFor makes the same ids, working out each combination's part once per save.
 */
export function readingId(indicatorId: string, period: string, categoryIds: readonly string[]): string {
  if (categoryIds.length === 0) return `${indicatorId}.${period}.total`;
  return `${indicatorId}.${period}.${combinationHash([...categoryIds].sort().join(','))}`;
}

/**
 * An import repeats a few dozen combinations across every period, so each is hashed once. The
 * cache is bounded: a long session entering many combinations just starts it again.
 */
const hashes = new Map<string, string>();
function combinationHash(combination: string): string {
  let hash = hashes.get(combination);
  if (hash === undefined) {
    if (hashes.size >= 10_000) hashes.clear();
    hash = createHash('sha256').update(combination).digest('hex').slice(0, 20);
    hashes.set(combination, hash);
  }
  return hash;
}

/**
 * Whether the schema would take an entry exactly as it is (nothing to trim or default, every
 * category one of this initiative's) and its period fits the indicator: checked by hand, because
 * the schema costs about 5 µs an entry and an import saves 100,000. Anything else goes through the
 * schema, which cleans it or refuses it with its message.
 */
function isCleanEntry(
  raw: ReadingEntry,
  reportingPeriod: ReportingPeriod,
  live: ReadonlyMap<string, string>,
): raw is ReadingEntry & { categoryIds: string[]; count: number | null } {
  let keys = 0;
  for (const key in raw) {
    if (key !== 'period' && key !== 'categoryIds' && key !== 'value' && key !== 'count') return false;
    keys++;
  }
  const { period, categoryIds, value, count } = raw;
  return (
    keys === 4 &&
    // Every period spelling the indicator takes is one the schema takes, without spaces to trim.
    typeof period === 'string' &&
    periodFits(reportingPeriod, period) &&
    Array.isArray(categoryIds) &&
    categoryIds.length <= maxCategoriesPerReading &&
    categoryIds.every((id) => typeof id === 'string' && live.has(id)) &&
    (value === null || (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= maxMeasureValue)) &&
    (count === null || (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= maxGroupCount))
  );
}

/** A category list as a save uses it: checked against the indicator, sorted, ready to write. */
interface Combination {
  /** The end of the reading ids: `total`, or the hash of the sorted list. */
  idEnd: string;
  /** The sorted list as JSON, the `categories` column. */
  json: string;
}

/**
 * At most one live category from each of the indicator's dimensions; throws the first problem, in
 * the order the categories are listed.
 */
function combinationOf(
  indicator: Pick<Indicator, 'name' | 'dimensionIds'>,
  categoryIds: readonly string[],
  live: ReadonlyMap<string, string>,
): Combination {
  const usedDimensions = new Set<string>();
  for (const categoryId of categoryIds) {
    const dimensionId = live.get(categoryId);
    if (!dimensionId) throw new AppError('not_found', 'A category named in a reading is not in this initiative.');
    if (!indicator.dimensionIds.includes(dimensionId))
      throw new AppError('invalid_input', `"${indicator.name}" is not split by that category's dimension.`);
    if (usedDimensions.has(dimensionId))
      throw new AppError('invalid_input', 'A reading can name only one category of each dimension.');
    usedDimensions.add(dimensionId);
  }
  const sorted = [...categoryIds].sort();
  return {
    idEnd: sorted.length === 0 ? 'total' : combinationHash(sorted.join(',')),
    json: JSON.stringify(sorted),
  };
}

export interface ReadingsSaveOutcome {
  saved: number;
  cleared: number;
}

/** Readings of indicators, split by category combination. Reads show only live categories. */
export function createReadingRepository(
  db: Db,
  writePath: WritePath,
  indicators: IndicatorRepository,
  dimensions: DimensionRepository,
) {
  const ofIndicator = db.prepare(
    `SELECT id, indicator_id, period, categories, value, group_count FROM readings
     WHERE indicator_id = ? AND tombstone = 0 AND value IS NOT NULL ORDER BY period, id`,
  );
  const ofPeriod = db.prepare(
    `SELECT id, indicator_id, period, categories, value, group_count FROM readings
     WHERE indicator_id = ? AND period = ? AND tombstone = 0 AND value IS NOT NULL ORDER BY id`,
  );
  // Every reading id starts with its indicator's id and a dot ('/' is the next character): one
  // range scan of the primary key finds all rows an indicator has, live or deleted.
  const idsOfIndicator = db.prepare('SELECT id FROM readings WHERE id > ? AND id < ?').pluck();

  function toReadings(rows: ReadingRow[]): Reading[] {
    const live = dimensions.categoryDimensions();
    const result: Reading[] = [];
    for (const row of rows) {
      const categoryIds = parseIds(row.categories);
      if (!categoryIds.every((id) => live.has(id)) || row.value === null) continue;
      result.push({
        indicatorId: row.indicator_id,
        period: row.period,
        categoryIds,
        value: row.value,
        count: row.group_count,
      });
    }
    return result;
  }

  function list(indicatorId: string, period?: string): Reading[] {
    indicators.get(indicatorId);
    const rows = period === undefined ? ofIndicator.all(indicatorId) : ofPeriod.all(indicatorId, period);
    return toReadings(rows as ReadingRow[]);
  }

  /**
   * The changes for a set of entries, checked against the indicator: its period spelling, and at
   * most one live category from each of its dimensions. Throws on the first bad entry.
   */
  function changesFor(indicatorId: string, entries: readonly ReadingEntry[]): RowChange[] {
    const indicator = indicators.get(indicatorId);
    const live = dimensions.categoryDimensions();
    const changes: RowChange[] = [];
    const seen = new Set<string>();
    // One query for the whole save instead of one per cell (an import saves 100,000 cells).
    const existing = new Set(idsOfIndicator.all(`${indicatorId}.`, `${indicatorId}/`) as string[]);
    // A save repeats a few dozen category lists on every period: each is checked, sorted and
    // written out once, rather than making a set, a copy and a JSON text for every cell.
    const combinations = new Map<string, Combination>();
    for (const raw of entries) {
      const entry = isCleanEntry(raw, indicator.reportingPeriod, live) ? raw : ReadingEntry.parse(raw);
      if (!periodFits(indicator.reportingPeriod, entry.period))
        throw new AppError('invalid_input', `${entry.period} is not a ${indicator.reportingPeriod} period.`);
      // JSON, not a join: no separator could appear inside an id received from another device.
      const listed = JSON.stringify(entry.categoryIds);
      let combination = combinations.get(listed);
      if (combination === undefined) {
        combination = combinationOf(indicator, entry.categoryIds, live);
        combinations.set(listed, combination);
      }
      const row = `${indicatorId}.${entry.period}.${combination.idEnd}`;
      if (seen.has(row)) throw new AppError('invalid_input', 'The same cell appears twice in one save.');
      seen.add(row);
      if (entry.value === null) {
        if (existing.has(row)) changes.push({ table: 'readings', row, values: { tombstone: 1 } });
        continue;
      }
      // tombstone 0 is written on a new row too: another device may hold this cell deleted, and
      // this later figure must bring it back there. The key columns never change for a given id;
      // they are written once, when the row is new here. The order of the fields is the order
      // they are stamped in, kept as it always was.
      changes.push({
        table: 'readings',
        row,
        values: existing.has(row)
          ? { value: entry.value, group_count: entry.count, tombstone: 0 }
          : {
              value: entry.value,
              group_count: entry.count,
              tombstone: 0,
              indicator_id: indicatorId,
              period: entry.period,
              categories: combination.json,
            },
      });
    }
    return changes;
  }

  /** Saves cells of one indicator, all of them or none. */
  function save(indicatorId: string, entries: readonly ReadingEntry[]): ReadingsSaveOutcome {
    const changes = changesFor(indicatorId, entries);
    if (changes.length > 0) writePath.writeMany(changes);
    const cleared = changes.filter((change) => change.values.tombstone === 1).length;
    return { saved: changes.length - cleared, cleared };
  }

  return { list, changesFor, save };
}

export type ReadingRepository = ReturnType<typeof createReadingRepository>;
