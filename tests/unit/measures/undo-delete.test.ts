import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension, Indicator, Reading } from '../../../src-main/contract/measures';
import type { Result } from '../../../src-main/contract/result';
import { dispatch, type HandlerMap } from '../../../src-main/features/handlers';
import type { InitiativeLibrary } from '../../../src-main/store/library';
import { openExportHandlers, value } from '../../fixtures/export-handlers';
import { makeTempDir } from '../../fixtures/temp-dir';

/**
 * Undo of deleting a dimension or a category in Measures, through the real handlers over a real
 * SQLite file: the readings the delete hid are listed again, and a name taken meanwhile is refused.
 */
const temp = makeTempDir('common-ground-measures-undo-');
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId: string;
let indicatorId: string;
let income: Dimension;

const result = (channel: string, input: Record<string, unknown>): Result<unknown> =>
  dispatch(handlers, channel, { initiativeId, ...input });
const call = <T>(channel: string, input: Record<string, unknown> = {}) => value<T>(result(channel, input));
const codeOf = (channel: string, input: Record<string, unknown>) => {
  const answer = result(channel, input);
  return answer.ok ? 'ok' : answer.error.code;
};
const readingValues = () =>
  call<Reading[]>('measures.readings.list', { indicatorId })
    .map((reading) => reading.value)
    .sort((a, b) => (a ?? 0) - (b ?? 0));
const splitBy = () =>
  call<Indicator[]>('measures.indicators.list').find((indicator) => indicator.id === indicatorId)?.dimensionIds;

beforeAll(() => {
  ({ library, handlers } = openExportHandlers(temp.dir));
  initiativeId = value<{ id: string }>(dispatch(handlers, 'initiatives.create', { name: 'Northside Reads' })).id;
  income = call<Dimension>('measures.dimensions.create', {
    dimension: { name: 'Income', categories: ['Low', 'High'] },
  });
  indicatorId = call<Indicator>('measures.indicators.create', {
    indicator: { name: 'Reading at grade level', reportingPeriod: 'year', dimensionIds: [income.id] },
  }).id;
  const [low, high] = income.categories.map((category) => category.id);
  call('measures.readings.save', {
    indicatorId,
    readings: [
      { period: '2025', value: 50, count: 300 },
      { period: '2025', categoryIds: [low], value: 31, count: 120 },
      { period: '2025', categoryIds: [high], value: 72, count: 180 },
    ],
  });
});

afterAll(() => {
  library.close();
  temp.cleanup();
});

describe('Undo of a delete in Measures', () => {
  it('brings a deleted category back with the readings it hid', () => {
    const low = income.categories[0].id;
    call('measures.categories.delete', { categoryId: low });
    expect(readingValues()).toEqual([50, 72]);
    const restored = call<Dimension>('measures.categories.restore', { categoryId: low });
    expect(restored.categories.map((category) => category.name)).toEqual(['Low', 'High']);
    expect(readingValues()).toEqual([31, 50, 72]);
    // Undo pressed twice (or on another window) changes nothing more.
    expect(call<Dimension>('measures.categories.restore', { categoryId: low }).categories).toHaveLength(2);
  });

  it('brings a deleted dimension back on its indicators, with every reading split by it', () => {
    call('measures.dimensions.delete', { dimensionId: income.id });
    expect(readingValues()).toEqual([50]);
    expect(splitBy()).toEqual([]);
    expect(call<Dimension>('measures.dimensions.restore', { dimensionId: income.id }).name).toBe('Income');
    expect(readingValues()).toEqual([31, 50, 72]);
    expect(splitBy()).toEqual([income.id]);
  });

  it('refuses to bring back a name taken since the delete, and a category of a deleted dimension', () => {
    const high = income.categories[1].id;
    call('measures.categories.delete', { categoryId: high });
    call('measures.categories.add', { dimensionId: income.id, name: 'high' });
    expect(codeOf('measures.categories.restore', { categoryId: high })).toBe('invalid_input');

    call('measures.dimensions.delete', { dimensionId: income.id });
    expect(codeOf('measures.categories.restore', { categoryId: income.categories[0].id })).toBe('not_found');
    call('measures.dimensions.create', { dimension: { name: 'INCOME', categories: ['Any'] } });
    expect(codeOf('measures.dimensions.restore', { dimensionId: income.id })).toBe('invalid_input');
    expect(call<Dimension[]>('measures.dimensions.list').map((dimension) => dimension.name)).toEqual(['INCOME']);
  });
});
