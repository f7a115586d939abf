import { defaultSmallGroupThreshold, type MeasureSettings } from '../contract/measures';
import type { Db } from './connection';
import { createDimensionRepository, type DimensionRepository } from './measures-dimensions';
import { createIndicatorRepository, type IndicatorRepository } from './measures-indicators';
import { createReadingRepository, type ReadingRepository } from './measures-readings';
import type { WritePath } from './write-path';

const settingsRow = 'settings';

export interface MeasuresStore {
  dimensions: DimensionRepository;
  indicators: IndicatorRepository;
  readings: ReadingRepository;
  settings(): MeasureSettings;
  updateSettings(settings: MeasureSettings): MeasureSettings;
}

/** Shared measurement's repositories and this initiative's measurement settings. */
export function createMeasuresStore(db: Db, writePath: WritePath): MeasuresStore {
  const dimensions = createDimensionRepository(db, writePath);
  const indicators = createIndicatorRepository(db, writePath, dimensions);
  const readings = createReadingRepository(db, writePath, indicators, dimensions);
  const readThreshold = db
    .prepare('SELECT small_group_threshold FROM measure_settings WHERE id = ? AND tombstone = 0')
    .pluck();

  function settings(): MeasureSettings {
    const stored = readThreshold.get(settingsRow) as number | null | undefined;
    // Until someone sets it (or the setting has not synced here yet) the usual rule of ten applies.
    const usable = typeof stored === 'number' && Number.isInteger(stored) && stored >= 1;
    return { smallGroupThreshold: usable ? stored : defaultSmallGroupThreshold };
  }

  function updateSettings({ smallGroupThreshold }: MeasureSettings): MeasureSettings {
    writePath.write([
      {
        table: 'measure_settings',
        row: settingsRow,
        values: { small_group_threshold: smallGroupThreshold, tombstone: 0 },
      },
    ]);
    return settings();
  }

  return { dimensions, indicators, readings, settings, updateSettings };
}
