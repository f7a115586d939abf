import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/result';
import { commitReadingsImport, readingsPerWrite, writeReadings } from '../../../src-main/features/measures/exchange';
import type { PlannedReading } from '../../../src-main/features/measures/readings-csv';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import { readingId } from '../../../src-main/store/measures-readings';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';
import { openContractFixture } from '../contract/contract-fixture';
import { openMeasuresWorld, seedIndicator, type MeasuresWorld } from './measures-fixture';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** What the change log holds for readings, in the order it was stamped: what sync sends. */
function readingMessages(store: InitiativeStore): [string, string, unknown][] {
  return (
    store.db.prepare("SELECT row_id, col, value FROM change_log WHERE tbl = 'readings' ORDER BY timestamp").all() as {
      row_id: string;
      col: string;
      value: unknown;
    }[]
  ).map(({ row_id, col, value }) => [row_id, col, value]);
}

function logOf(store: InitiativeStore): ChangeMessage[] {
  return store.db
    .prepare('SELECT timestamp, tbl AS "table", row_id AS row, col AS column, value, base FROM change_log')
    .all() as ChangeMessage[];
}

describe('what an import writes', () => {
  let world: MeasuresWorld;
  beforeEach(() => {
    world = openMeasuresWorld();
  });
  afterEach(() => world.close());

  it('is six fields for a new reading and three for one already here, in the order the store stamps them', () => {
    const { store } = world;
    const { indicator, low, north } = seedIndicator(store);
    const file = (values: number[]) =>
      base64(
        'Indicator,Period,Income,Neighbourhood,Value,Count\n' +
          `Kindergarten readiness,2024/25,,,${values[0]},900\n` +
          `Kindergarten readiness,2024/25,Low,Northside,${values[1]},\n` +
          `Kindergarten readiness,2023/24,,Northside,${values[2]},40\n`,
      );
    const request = (values: number[]) => ({ initiativeId: store.id, fileName: 'r.csv', contentBase64: file(values) });
    const total = readingId(indicator.id, '2024/25', []);
    const cross = readingId(indicator.id, '2024/25', [low, north]);
    const northOnly = readingId(indicator.id, '2023/24', [north]);

    expect(commitReadingsImport(store, request([58, 38.5, 61]))).toEqual({ readings: 3 });
    const crossCategories = JSON.stringify([low, north].sort());
    expect(readingMessages(store)).toEqual([
      [total, 'value', 58],
      [total, 'group_count', 900],
      [total, 'tombstone', 0],
      [total, 'indicator_id', indicator.id],
      [total, 'period', '2024/25'],
      [total, 'categories', '[]'],
      [cross, 'value', 38.5],
      [cross, 'group_count', null],
      [cross, 'tombstone', 0],
      [cross, 'indicator_id', indicator.id],
      [cross, 'period', '2024/25'],
      [cross, 'categories', crossCategories],
      [northOnly, 'value', 61],
      [northOnly, 'group_count', 40],
      [northOnly, 'tombstone', 0],
      [northOnly, 'indicator_id', indicator.id],
      [northOnly, 'period', '2023/24'],
      [northOnly, 'categories', JSON.stringify([north])],
    ]);

    const before = readingMessages(store).length;
    expect(commitReadingsImport(store, request([59, 39, 62]))).toEqual({ readings: 3 });
    expect(readingMessages(store).slice(before)).toEqual([
      [total, 'value', 59],
      [total, 'group_count', 900],
      [total, 'tombstone', 0],
      [cross, 'value', 39],
      [cross, 'group_count', null],
      [cross, 'tombstone', 0],
      [northOnly, 'value', 62],
      [northOnly, 'group_count', 40],
      [northOnly, 'tombstone', 0],
    ]);
    expect(
      store.db.prepare('SELECT id, categories, value, group_count, tombstone FROM readings ORDER BY id').all(),
    ).toEqual(
      [
        { id: total, categories: '[]', value: 59, group_count: 900, tombstone: 0 },
        { id: cross, categories: crossCategories, value: 39, group_count: null, tombstone: 0 },
        { id: northOnly, categories: JSON.stringify([north]), value: 62, group_count: 40, tombstone: 0 },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
  });

  it('writes nothing at all when the store refuses a reading after earlier parts were written', () => {
    const { store } = world;
    const many = store.measures.indicators.create({ name: 'Library visits', reportingPeriod: 'month' });
    const { indicator } = seedIndicator(store);
    const month = (i: number) => `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    // More than one part's worth for the first indicator, so a part is written before the refusal.
    const readings: PlannedReading[] = Array.from({ length: readingsPerWrite + 1 }, (_, i) => ({
      line: i + 2,
      indicatorId: many.id,
      period: month(i),
      categoryIds: [],
      value: i,
      count: null,
    }));
    // The second indicator reports by school year: a month is refused by the store itself.
    readings.push({ line: 0, indicatorId: indicator.id, period: '2024-01', categoryIds: [], value: 1, count: null });
    const log = readingMessages(store).length;
    expect(() => writeReadings(store, readings)).toThrow(AppError);
    expect(store.db.prepare('SELECT count(*) FROM readings').pluck().get()).toBe(0);
    expect(readingMessages(store)).toHaveLength(log);
  });
});

describe('an imported reading', () => {
  it('brings back a cell that another device deleted before they synced', () => {
    const temp = makeTempDir('common-ground-measures-import-sync-');
    const start = Date.parse('2026-12-01T09:00:00.000Z');
    const id = '01a20958-f994-7589-b2d8-4c08e329c448';
    // The second device's clock is a minute later: its import is the later write.
    const [first, second] = ['00000000000000a1', '00000000000000b2'].map((node, i) =>
      InitiativeStore.open(id, join(temp.dir, `${i}.sqlite`), node, { create: true, now: () => start + i * 60_000 }),
    );
    try {
      first.initiative.save({ name: 'Eastside' });
      const { indicator } = seedIndicator(first);
      second.writePath.receive(logOf(first));
      first.measures.readings.save(indicator.id, [{ period: '2024/25', categoryIds: [], value: 50, count: 800 }]);
      first.measures.readings.save(indicator.id, [{ period: '2024/25', categoryIds: [], value: null, count: null }]);
      commitReadingsImport(second, {
        initiativeId: id,
        fileName: 'r.csv',
        contentBase64: base64('Indicator,Period,Value,Count\nKindergarten readiness,2024/25,58,900\n'),
      });
      const [fromFirst, fromSecond] = [logOf(first), logOf(second)];
      first.writePath.receive(fromSecond);
      second.writePath.receive(fromFirst);
      for (const device of [first, second])
        expect(device.measures.readings.list(indicator.id)).toEqual([
          { indicatorId: indicator.id, period: '2024/25', categoryIds: [], value: 58, count: 900 },
        ]);
    } finally {
      first.close();
      second.close();
      temp.cleanup();
    }
  });
});

describe('a large import through the channel', () => {
  it('tells listeners once, after the whole file is written', () => {
    const fixture = openContractFixture();
    try {
      const initiativeId = fixture.ok('initiatives.create', { name: 'Eastside' }).id;
      // Two indicators of one part each: the import writes them in two parts.
      const rows: string[] = [];
      for (const name of ['Library visits', 'Clinic visits']) {
        fixture.ok('measures.indicators.create', { initiativeId, indicator: { name, reportingPeriod: 'month' } });
        for (let i = 0; i < readingsPerWrite; i++)
          rows.push(`${name},${1800 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},${i},${i}`);
      }
      const notices: string[][] = [];
      const stop = fixture.library.onChanges((notice) => notices.push([...notice.tables]));
      const contentBase64 = base64(`Indicator,Period,Value,Count\n${rows.join('\n')}`);
      expect(fixture.ok('measures.import.commit', { initiativeId, fileName: 'r.csv', contentBase64 })).toEqual({
        readings: rows.length,
      });
      stop();
      expect(notices).toEqual([['readings']]);
    } finally {
      fixture.close();
    }
  });
});
