import { afterEach, describe, expect, it } from 'vitest';
import { chartsOf, scorecardOf } from '../../../src-main/features/measures/charts';
import { openMeasuresWorld, seedIndicator, type MeasuresWorld } from './measures-fixture';

let world: MeasuresWorld;
afterEach(() => world.close());

describe('scorecard and charts read from a real initiative file', () => {
  it('takes only live totals for the scorecard, and every group reading for the charts', () => {
    world = openMeasuresWorld();
    const { store } = world;
    const { indicator, low, high, north } = seedIndicator(store);
    store.measures.indicators.setTarget(indicator.id, '2026/27', 70);
    store.measures.readings.save(indicator.id, [
      { period: '2023/24', value: 55, count: 800 },
      { period: '2024/25', value: 58, count: 900 },
      { period: '2025/26', value: 99, count: 900 },
      { period: '2024/25', categoryIds: [low], value: 41, count: 6 },
      { period: '2024/25', categoryIds: [high], value: 71, count: 300 },
      { period: '2024/25', categoryIds: [low, north], value: 12, count: 3 },
    ]);
    // A total cleared again is not the current figure.
    store.measures.readings.save(indicator.id, [{ period: '2025/26', value: null }]);
    const empty = store.measures.indicators.create({ name: 'Chronic absence' });

    const rows = world.reopen() && scorecardOf(world.store);
    expect(rows.map((row) => row.name)).toEqual(['Chronic absence', 'Kindergarten readiness']);
    expect(rows[0]).toMatchObject({ indicatorId: empty.id, status: 'no_data' });
    expect(rows[1]).toMatchObject({
      current: { period: '2024/25', value: 58, count: 900 },
      target: { period: '2026/27', value: 70 },
      trend: { direction: 'up', reading: 'better', periods: ['2023/24', '2024/25'] },
      changeSinceBaseline: 4,
    });

    const charts = chartsOf(world.store, indicator.id);
    expect(charts.trend.map((point) => [point.period, point.total, point.target])).toEqual([
      ['2023/24', 55, null],
      ['2024/25', 58, null],
      ['2026/27', null, 70],
    ]);
    const income = charts.groups.find((series) => series.name === 'Income');
    expect(income?.periods[0].readings.map((r) => [r.value, r.gap, r.smallGroup])).toEqual([
      [41, 30, true],
      [null, null, false],
      [71, 0, false],
    ]);
  });
});
