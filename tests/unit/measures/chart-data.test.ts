import { describe, expect, it } from 'vitest';
import type { Dimension, Indicator, Reading } from '../../../src-main/contract/measures';
import { indicatorCharts } from '../../../src-main/features/measures/chart-data';

const id = '01a20958-f994-7589-b2d8-4c08e329c448';
const income: Dimension = {
  id: '01a20958-f995-740c-8306-5709d5721972',
  name: 'Income',
  categories: [
    { id: '01a20958-f99d-7768-bbb8-99797e452081', name: 'Low' },
    { id: '01a20958-f99d-7768-bbb8-99797e452082', name: 'Middle' },
    { id: '01a20958-f99d-7768-bbb8-99797e452083', name: 'High' },
  ],
};
const area: Dimension = {
  id: '01a20958-f995-740c-8306-5709d5721973',
  name: 'Neighbourhood',
  categories: [{ id: '01a20958-f99d-7768-bbb8-99797e452084', name: 'Northside' }],
};
const [low, middle, high] = income.categories.map((category) => category.id);
const north = area.categories[0].id;

function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id,
    name: 'Kindergarten readiness',
    definition: '',
    kind: 'population',
    question: null,
    unit: '%',
    polarity: 'higher_is_better',
    reportingPeriod: 'school_year',
    dataSource: '',
    ownerIds: [],
    groupId: null,
    strategy: '',
    notes: '',
    dimensionIds: [income.id],
    baseline: { period: '2022/23', value: 50 },
    targets: [{ period: '2026/27', value: 70 }],
    ...overrides,
  };
}

const reading = (period: string, categoryIds: string[], value: number, count: number | null = 100): Reading => ({
  indicatorId: id,
  period,
  categoryIds,
  value,
  count,
});

const readings = [
  reading('2024/25', [], 58),
  reading('2024/25', [low], 41, 6),
  reading('2024/25', [middle], 57),
  reading('2024/25', [high], 71),
  reading('2023/24', [], 54),
  reading('2023/24', [low], 40, null),
  reading('2023/24', [high], 69),
  // A cross-tab cell draws no line of its own.
  reading('2023/24', [low, north], 33),
];

describe('indicator chart data', () => {
  it('runs the trend over every period with a total, the baseline or a target, oldest first', () => {
    const charts = indicatorCharts(indicator(), readings, [income, area], 10);
    expect(charts.trend).toEqual([
      { period: '2022/23', total: null, count: null, target: null },
      { period: '2023/24', total: 54, count: 100, target: null },
      { period: '2024/25', total: 58, count: 100, target: null },
      { period: '2026/27', total: null, count: null, target: 70 },
    ]);
    expect(charts.baseline).toEqual({ period: '2022/23', value: 50 });
  });

  it('measures each group against the highest figure when higher is better, and marks small groups', () => {
    const [series] = indicatorCharts(indicator(), readings, [income, area], 10).groups;
    expect(series.name).toBe('Income');
    expect(series.periods.map((row) => row.period)).toEqual(['2023/24', '2024/25']);
    const latest = series.periods[1].readings;
    expect(latest.map((r) => [r.value, r.gap, r.bestOff, r.smallGroup])).toEqual([
      [41, 30, false, true],
      [57, 14, false, false],
      [71, 0, true, false],
    ]);
    // A missing category is shown as missing; an unknown n is not called small here.
    expect(series.periods[0].readings.map((r) => [r.value, r.gap, r.smallGroup])).toEqual([
      [40, 29, false],
      [null, null, false],
      [69, 0, false],
    ]);
  });

  it('measures each group against the lowest figure when lower is better', () => {
    const [series] = indicatorCharts(indicator({ polarity: 'lower_is_better' }), readings, [income], 10).groups;
    expect(series.periods[1].readings.map((r) => [r.gap, r.bestOff])).toEqual([
      [0, true],
      [16, false],
      [30, false],
    ]);
  });

  it('draws one series per dimension the indicator is split by, skipping a deleted one', () => {
    const charts = indicatorCharts(indicator({ dimensionIds: [area.id, income.id] }), readings, [income], 10);
    expect(charts.groups.map((series) => series.name)).toEqual(['Income']);
    const both = indicatorCharts(indicator({ dimensionIds: [area.id, income.id] }), readings, [income, area], 10);
    // Northside appears only in a cross-tab cell, so it has no period of its own.
    expect(both.groups.map((series) => [series.name, series.periods.length])).toEqual([
      ['Neighbourhood', 0],
      ['Income', 2],
    ]);
  });

  it('has no periods and no lines for an indicator with nothing entered', () => {
    const charts = indicatorCharts(indicator({ baseline: null, targets: [] }), [], [income], 10);
    expect(charts.trend).toEqual([]);
    expect(charts.groups[0].periods).toEqual([]);
  });
});
