import { create } from 'zustand';
import type {
  ApiError,
  Dimension,
  Indicator,
  IndicatorCharts,
  IndicatorDraft,
  IndicatorPatch,
  Reading,
  ReadingEntry,
  Result,
  ScorecardRow,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { writeThenRefetch } from '../../api/write-then-refetch';

/** Tables whose change notices make this store refetch. */
export const measuresTables = [
  'indicators',
  'indicator_targets',
  'measure_dimensions',
  'measure_categories',
  'readings',
  'measure_settings',
  'partners',
  'groups',
];

interface MeasuresState {
  initiativeId: string | null;
  indicators: Indicator[];
  dimensions: Dimension[];
  /** Readings of the indicator open in the grid, every period. */
  readings: Reading[];
  readingsOf: string | null;
  /** Whether `readings` holds what the store has for `readingsOf` (a grid fills its cells from it once). */
  readingsReady: boolean;
  /** One row per indicator, worked out in main. */
  scorecard: ScorecardRow[];
  /** The trend and group charts of the indicator in `readingsOf`. */
  charts: IndicatorCharts | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  load(initiativeId: string): Promise<void>;
  refetch(): Promise<void>;
  openReadings(indicatorId: string | null): Promise<void>;
  createIndicator(draft: IndicatorDraft): Promise<Result<Indicator>>;
  updateIndicator(indicatorId: string, patch: IndicatorPatch): Promise<ApiError | null>;
  setTarget(indicatorId: string, period: string, value: number | null): Promise<ApiError | null>;
  createDimension(name: string, categories: string[]): Promise<ApiError | null>;
  addCategory(dimensionId: string, name: string): Promise<ApiError | null>;
  renameDimension(dimensionId: string, name: string): Promise<ApiError | null>;
  deleteDimension(dimensionId: string): Promise<ApiError | null>;
  renameCategory(categoryId: string, name: string): Promise<ApiError | null>;
  deleteCategory(categoryId: string): Promise<ApiError | null>;
  /** Undo of a delete: the dimension or category comes back with the readings it hid. */
  restoreDimension(dimensionId: string): Promise<ApiError | null>;
  restoreCategory(categoryId: string): Promise<ApiError | null>;
  saveReadings(indicatorId: string, readings: ReadingEntry[]): Promise<ApiError | null>;
}

/** Indicators, dimensions and the open indicator's readings. Writes go through the API, then refetch. */
export const useMeasures = create<MeasuresState>((set, get) => {
  const { write, errorOf } = writeThenRefetch(get);

  return {
    initiativeId: null,
    indicators: [],
    dimensions: [],
    readings: [],
    readingsOf: null,
    readingsReady: false,
    scorecard: [],
    charts: null,
    status: 'idle',
    error: null,

    async load(initiativeId) {
      if (get().initiativeId !== initiativeId)
        set({
          initiativeId,
          indicators: [],
          dimensions: [],
          readings: [],
          readingsOf: null,
          scorecard: [],
          charts: null,
          status: 'loading',
        });
      await get().refetch();
    },

    async refetch() {
      const initiativeId = get().initiativeId;
      if (!initiativeId) return;
      const readingsOf = get().readingsOf;
      const [indicators, dimensions, readings, scorecard, charts] = await Promise.all([
        call('measures.indicators.list', { initiativeId }),
        call('measures.dimensions.list', { initiativeId }),
        readingsOf ? call('measures.readings.list', { initiativeId, indicatorId: readingsOf }) : null,
        call('measures.scorecard', { initiativeId }),
        readingsOf ? call('measures.charts', { initiativeId, indicatorId: readingsOf }) : null,
      ]);
      if (get().initiativeId !== initiativeId) return;
      if (!indicators.ok) return set({ status: 'error', error: indicators.error });
      if (!dimensions.ok) return set({ status: 'error', error: dimensions.error });
      set({
        indicators: indicators.value,
        dimensions: dimensions.value,
        readings: readings?.ok && get().readingsOf === readingsOf ? readings.value : get().readings,
        readingsReady: get().readingsReady || (readings?.ok === true && get().readingsOf === readingsOf),
        // A picture that failed to load keeps the last one rather than blanking the section.
        scorecard: scorecard.ok ? scorecard.value : get().scorecard,
        charts: get().readingsOf !== readingsOf ? get().charts : charts?.ok ? charts.value : null,
        status: 'ready',
        error: null,
      });
    },

    async openReadings(indicatorId) {
      set({ readingsOf: indicatorId, readings: [], readingsReady: false, charts: null });
      await get().refetch();
    },

    createIndicator: (draft) =>
      write((initiativeId) => call('measures.indicators.create', { initiativeId, indicator: draft })),
    updateIndicator: (indicatorId, patch) =>
      errorOf(write((initiativeId) => call('measures.indicators.update', { initiativeId, indicatorId, patch }))),
    setTarget: (indicatorId, period, value) =>
      errorOf(
        write((initiativeId) => call('measures.indicators.setTarget', { initiativeId, indicatorId, period, value })),
      ),
    createDimension: (name, categories) =>
      errorOf(
        write((initiativeId) => call('measures.dimensions.create', { initiativeId, dimension: { name, categories } })),
      ),
    addCategory: (dimensionId, name) =>
      errorOf(write((initiativeId) => call('measures.categories.add', { initiativeId, dimensionId, name }))),
    renameDimension: (dimensionId, name) =>
      errorOf(write((initiativeId) => call('measures.dimensions.rename', { initiativeId, dimensionId, name }))),
    deleteDimension: (dimensionId) =>
      errorOf(write((initiativeId) => call('measures.dimensions.delete', { initiativeId, dimensionId }))),
    renameCategory: (categoryId, name) =>
      errorOf(write((initiativeId) => call('measures.categories.rename', { initiativeId, categoryId, name }))),
    deleteCategory: (categoryId) =>
      errorOf(write((initiativeId) => call('measures.categories.delete', { initiativeId, categoryId }))),
    restoreDimension: (dimensionId) =>
      errorOf(write((initiativeId) => call('measures.dimensions.restore', { initiativeId, dimensionId }))),
    restoreCategory: (categoryId) =>
      errorOf(write((initiativeId) => call('measures.categories.restore', { initiativeId, categoryId }))),
    saveReadings: (indicatorId, readings) =>
      errorOf(write((initiativeId) => call('measures.readings.save', { initiativeId, indicatorId, readings }))),
  };
});
