import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src-main/contract/measures';
import { periodOrdinal, sortPeriods } from '../../../src-main/features/measures/periods';
import { scorecard, scorecardRow, type TotalReading } from '../../../src-main/features/measures/scorecard';

const id = '01a20958-f994-7589-b2d8-4c08e329c448';

function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id,
    name: 'Kindergarten readiness',
    definition: '',
    kind: 'population',
    question: null,
    unit: '%',
    polarity: 'higher_is_better',
    reportingPeriod: 'year',
    dataSource: '',
    ownerIds: [],
    groupId: null,
    strategy: '',
    notes: '',
    dimensionIds: [],
    baseline: null,
    targets: [],
    ...overrides,
  };
}

const totals = (...pairs: [string, number][]): TotalReading[] =>
  pairs.map(([period, value]) => ({ period, value, count: null }));

describe('periods in time order', () => {
  it('orders months, quarters, school years and years by time, not by spelling', () => {
    expect(sortPeriods('month', ['2026-01', '2025-12', '2025-02'])).toEqual(['2025-02', '2025-12', '2026-01']);
    expect(sortPeriods('quarter', ['2026-Q1', '2025-Q4', '2025-Q2'])).toEqual(['2025-Q2', '2025-Q4', '2026-Q1']);
    expect(sortPeriods('school_year', ['2025/26', '1999/00', '2024/25'])).toEqual(['1999/00', '2024/25', '2025/26']);
    expect(sortPeriods('year', ['2026', '2024', '2025'])).toEqual(['2024', '2025', '2026']);
  });

  it('places consecutive periods one apart across a year end, and cannot place a misspelt one', () => {
    expect(periodOrdinal('month', '2026-01')! - periodOrdinal('month', '2025-12')!).toBe(1);
    expect(periodOrdinal('quarter', '2026-Q1')! - periodOrdinal('quarter', '2025-Q4')!).toBe(1);
    expect(periodOrdinal('school_year', '2025/26')! - periodOrdinal('school_year', '2024/25')!).toBe(1);
    expect(periodOrdinal('quarter', '2026')).toBeNull();
    expect(sortPeriods('year', ['2026-Q1', '2025'])).toEqual(['2025']);
  });
});

describe('scorecard row', () => {
  it('reads the latest total, its target, the trend and the change since baseline (higher is better)', () => {
    const row = scorecardRow(
      indicator({ baseline: { period: '2022', value: 50 }, targets: [{ period: '2026', value: 70 }] }),
      totals(['2025', 62], ['2023', 54], ['2024', 58]),
    );
    expect(row.current).toEqual({ period: '2025', value: 62, count: null });
    expect(row.target).toEqual({ period: '2026', value: 70 });
    expect(row.trend).toEqual({ direction: 'up', reading: 'better', periods: ['2023', '2024', '2025'] });
    expect(row.changeSinceBaseline).toBe(12);
    // A straight line from 50 (2022) to 70 (2026) is at 65 by 2025: 62 is behind it.
    expect(row.status).toBe('off_track');
  });

  it('reads a falling figure as better news when lower is better, and on track against the line', () => {
    const row = scorecardRow(
      indicator({
        polarity: 'lower_is_better',
        baseline: { period: '2022', value: 30 },
        targets: [{ period: '2026', value: 10 }],
      }),
      totals(['2023', 26], ['2024', 22], ['2025', 14]),
    );
    expect(row.trend).toMatchObject({ direction: 'down', reading: 'better' });
    expect(row.changeSinceBaseline).toBe(-16);
    // The line from 30 to 10 is at 15 by 2025; 14 is lower, so ahead of it.
    expect(row.status).toBe('on_track');
    const rising = scorecardRow(indicator({ polarity: 'lower_is_better' }), totals(['2024', 10], ['2025', 12]));
    expect(rising.trend).toMatchObject({ direction: 'up', reading: 'worse' });
  });

  it('takes the target of the current period before a later one, and meeting it is on track', () => {
    const row = scorecardRow(
      indicator({
        targets: [
          { period: '2027', value: 90 },
          { period: '2025', value: 60 },
          { period: '2024', value: 10 },
        ],
      }),
      totals(['2025', 61]),
    );
    expect(row.target).toEqual({ period: '2025', value: 60 });
    expect(row.status).toBe('on_track');
    expect(row.trend).toEqual({ direction: 'flat', reading: 'too_few', periods: ['2025'] });
  });

  it('is off track when the target period has come and the figure is short of it', () => {
    const row = scorecardRow(
      indicator({ targets: [{ period: '2025', value: 60 }] }),
      totals(['2024', 50], ['2025', 59]),
    );
    expect(row.status).toBe('off_track');
  });

  it('counts a missing period as time passed when fitting the trend', () => {
    // 2025-Q1, then nothing for three quarters, then 2026-Q1 and 2026-Q2. Spaced evenly, 50, 60, 50
    // would fit a flat line; placed in time, the climb over the year outweighs the last dip.
    const row = scorecardRow(
      indicator({ reportingPeriod: 'quarter' }),
      totals(['2026-Q2', 50], ['2025-Q1', 50], ['2026-Q1', 60]),
    );
    expect(row.trend).toEqual({ direction: 'up', reading: 'better', periods: ['2025-Q1', '2026-Q1', '2026-Q2'] });
    expect(row.current?.period).toBe('2026-Q2');
    const steady = scorecardRow(indicator(), totals(['2024', 100], ['2025', 100.2], ['2026', 100.3]));
    expect(steady.trend).toMatchObject({ direction: 'flat', reading: 'steady' });
  });

  it('orders months across a year end and looks only at the last three', () => {
    const row = scorecardRow(
      indicator({ reportingPeriod: 'month' }),
      totals(['2025-12', 40], ['2026-01', 30], ['2025-10', 90], ['2025-11', 50]),
    );
    expect(row.current).toEqual({ period: '2026-01', value: 30, count: null });
    expect(row.trend).toEqual({ direction: 'down', reading: 'worse', periods: ['2025-11', '2025-12', '2026-01'] });
  });

  it('orders school years, and ignores totals whose period does not fit the reporting period', () => {
    const row = scorecardRow(
      indicator({ reportingPeriod: 'school_year', baseline: { period: '2023/24', value: 54 } }),
      totals(['2024/25', 58], ['2025/26', 60], ['2026', 99]),
    );
    expect(row.current?.period).toBe('2025/26');
    expect(row.changeSinceBaseline).toBe(6);
  });

  it('without a baseline: no change to show; on track only while improving toward a later target', () => {
    const improving = scorecardRow(
      indicator({ targets: [{ period: '2030', value: 80 }] }),
      totals(['2024', 50], ['2025', 55]),
    );
    expect(improving.baseline).toBeNull();
    expect(improving.changeSinceBaseline).toBeNull();
    expect(improving.status).toBe('on_track');
    const slipping = scorecardRow(
      indicator({ targets: [{ period: '2030', value: 80 }] }),
      totals(['2024', 55], ['2025', 50]),
    );
    expect(slipping.status).toBe('off_track');
  });

  it('without a target says so, and without any total says there is no data yet', () => {
    expect(scorecardRow(indicator(), totals(['2025', 50])).status).toBe('no_target');
    const empty = scorecardRow(
      indicator({ baseline: { period: '2022', value: 1 }, targets: [{ period: '2030', value: 5 }] }),
      [],
    );
    expect(empty).toMatchObject({ current: null, changeSinceBaseline: null, status: 'no_data' });
    expect(empty.target).toEqual({ period: '2030', value: 5 });
    expect(empty.trend.reading).toBe('too_few');
  });

  it('gives one row per indicator, an indicator with no totals included', () => {
    const other = indicator({ id: '01a20958-f995-740c-8306-5709d5721972', name: 'Chronic absence' });
    const rows = scorecard([indicator(), other], new Map([[id, totals(['2025', 5])]]));
    expect(rows.map((row) => [row.name, row.status])).toEqual([
      ['Kindergarten readiness', 'no_target'],
      ['Chronic absence', 'no_data'],
    ]);
  });
});
