import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReadingEntry } from '../../../src-main/contract/measures';
import { AppError } from '../../../src-main/contract/result';
import { readingId } from '../../../src-main/store/measures-readings';
import { openMeasuresWorld, seedIndicator, type MeasuresWorld } from './measures-fixture';

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ok';
}

let world: MeasuresWorld;
beforeEach(() => {
  world = openMeasuresWorld();
});
afterEach(() => world.close());

describe('indicators', () => {
  it('keep every field of the issue, as typed, across a restart', () => {
    const { store } = world;
    const owner = store.partners.create({ name: 'Eastside Library' });
    const group = store.groups.create({ kind: 'working_group', name: 'Early years', purpose: '', colour: '#1f6f5c' });
    const { income } = seedIndicator(store);
    const indicator = store.measures.indicators.create({
      name: 'Families served',
      definition: 'Families who came to at least one session this quarter.',
      kind: 'performance',
      question: 'how_much',
      unit: 'families',
      polarity: 'higher_is_better',
      reportingPeriod: 'quarter',
      dataSource: 'Library sign-in sheets',
      ownerIds: [owner.id, owner.id],
      groupId: group.id,
      strategy: 'Reading circles',
      notes: 'Counted once per family.',
      dimensionIds: [income.id],
      baseline: { period: '2025-Q1', value: 40 },
    });
    store.measures.indicators.setTarget(indicator.id, '2026-Q4', 120);
    store.measures.indicators.setTarget(indicator.id, '2026-Q2', 80);
    const reopened = world.reopen().measures.indicators.get(indicator.id);
    expect(reopened).toEqual({
      id: indicator.id,
      name: 'Families served',
      definition: 'Families who came to at least one session this quarter.',
      kind: 'performance',
      question: 'how_much',
      unit: 'families',
      polarity: 'higher_is_better',
      reportingPeriod: 'quarter',
      dataSource: 'Library sign-in sheets',
      ownerIds: [owner.id],
      groupId: group.id,
      strategy: 'Reading circles',
      notes: 'Counted once per family.',
      dimensionIds: [income.id],
      baseline: { period: '2025-Q1', value: 40 },
      targets: [
        { period: '2026-Q2', value: 80 },
        { period: '2026-Q4', value: 120 },
      ],
    });
  });

  it('refuse owners, groups and dimensions that are not live rows here, and misspelt periods', () => {
    const { store } = world;
    const gone = store.partners.create({ name: 'Gone' });
    store.partners.remove(gone.id);
    const indicators = store.measures.indicators;
    const before = indicators.list();
    expect(code(() => indicators.create({ name: 'x', ownerIds: [gone.id] }))).toBe('not_found');
    expect(code(() => indicators.create({ name: 'x', groupId: gone.id }))).toBe('not_found');
    expect(code(() => indicators.create({ name: 'x', dimensionIds: [gone.id] }))).toBe('not_found');
    expect(
      code(() => indicators.create({ name: 'x', reportingPeriod: 'month', baseline: { period: '2025-Q1', value: 1 } })),
    ).toBe('invalid_input');
    expect(indicators.list()).toEqual(before);
  });

  it('remove a target when its value is cleared, and write nothing for one never set', () => {
    const { store } = world;
    const { indicator } = seedIndicator(store);
    const indicators = store.measures.indicators;
    indicators.setTarget(indicator.id, '2029/30', 70);
    expect(indicators.setTarget(indicator.id, '2029/30', null).targets).toEqual([]);
    const log = () => store.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const before = log();
    indicators.setTarget(indicator.id, '2030/31', null);
    expect(log()).toBe(before);
    expect(store.db.prepare('SELECT count(*) FROM indicator_targets').pluck().get()).toBe(1);
  });

  it('drop the program question when the measure becomes a population indicator', () => {
    const indicators = world.store.measures.indicators;
    const made = indicators.create({ name: 'Clients better off', kind: 'performance', question: 'better_off' });
    expect(made.question).toBe('better_off');
    expect(indicators.update(made.id, { kind: 'population' }).question).toBeNull();
  });

  it('cannot change reporting period once figures use the old spelling', () => {
    const { store } = world;
    const { indicator } = seedIndicator(store);
    expect(code(() => store.measures.indicators.update(indicator.id, { reportingPeriod: 'year' }))).toBe(
      'invalid_input',
    );
    expect(store.measures.indicators.get(indicator.id).reportingPeriod).toBe('school_year');
  });

  it('are deleted as tombstones and can be restored', () => {
    const { store } = world;
    const { indicator } = seedIndicator(store);
    store.measures.indicators.remove(indicator.id);
    expect(store.measures.indicators.list()).toEqual([]);
    expect(store.db.prepare('SELECT tombstone FROM indicators WHERE id = ?').pluck().get(indicator.id)).toBe(1);
    expect(store.measures.indicators.restore(indicator.id).name).toBe('Kindergarten readiness');
  });
});

describe('dimensions and categories', () => {
  it('keep their order, refuse duplicate names, and hide deleted categories', () => {
    const dimensions = world.store.measures.dimensions;
    const income = dimensions.create({ name: 'Income', categories: ['Low', 'High'] });
    expect(code(() => dimensions.create({ name: 'income' }))).toBe('invalid_input');
    expect(code(() => dimensions.addCategory(income.id, 'low'))).toBe('invalid_input');
    const withMiddle = dimensions.addCategory(income.id, 'Middle');
    expect(withMiddle.categories.map((category) => category.name)).toEqual(['Low', 'High', 'Middle']);
    const low = withMiddle.categories[0].id;
    expect(dimensions.renameCategory(low, 'Under 30k').categories[0].name).toBe('Under 30k');
    expect(dimensions.removeCategory(low).categories.map((category) => category.name)).toEqual(['High', 'Middle']);
    expect(code(() => dimensions.removeCategory(low))).toBe('not_found');
  });
});

describe('readings', () => {
  it('are one row per indicator, period and category combination, whatever order the categories come in', () => {
    const { store } = world;
    const { indicator, low, north } = seedIndicator(store);
    const readings = store.measures.readings;
    readings.save(indicator.id, [
      { period: '2024/25', categoryIds: [], value: 58, count: 900 },
      { period: '2024/25', categoryIds: [low, north], value: 41, count: 12 },
    ]);
    readings.save(indicator.id, [{ period: '2024/25', categoryIds: [north, low], value: 43, count: 14 }]);
    const listed = readings.list(indicator.id);
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        { indicatorId: indicator.id, period: '2024/25', categoryIds: [low, north].sort(), value: 43, count: 14 },
        { indicatorId: indicator.id, period: '2024/25', categoryIds: [], value: 58, count: 900 },
      ]),
    );
    expect(readingId(indicator.id, '2024/25', [north, low])).toBe(readingId(indicator.id, '2024/25', [low, north]));
    expect(store.db.prepare('SELECT count(*) FROM readings').pluck().get()).toBe(2);
  });

  it('keep an unknown count as null, and a cleared cell becomes missing again', () => {
    const { store } = world;
    const { indicator, high } = seedIndicator(store);
    const readings = store.measures.readings;
    readings.save(indicator.id, [{ period: '2024/25', categoryIds: [high], value: 71 }]);
    expect(readings.list(indicator.id, '2024/25')[0].count).toBeNull();
    expect(readings.save(indicator.id, [{ period: '2024/25', categoryIds: [high], value: null }])).toEqual({
      saved: 0,
      cleared: 1,
    });
    expect(readings.list(indicator.id, '2024/25')).toEqual([]);
    expect(world.reopen().measures.readings.list(indicator.id)).toEqual([]);
  });

  it('refuse a whole save when one cell is wrong, writing nothing', () => {
    const { store } = world;
    const { indicator, low, middle } = seedIndicator(store);
    const other = store.measures.dimensions.create({ name: 'Gender', categories: ['Women'] });
    const readings = store.measures.readings;
    const log = () => store.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const before = log();
    const good = { period: '2024/25', categoryIds: [], value: 50 };
    expect(code(() => readings.save(indicator.id, [good, { period: '2024-Q1', value: 1 }]))).toBe('invalid_input');
    expect(
      code(() => readings.save(indicator.id, [good, { period: '2024/25', categoryIds: [low, middle], value: 1 }])),
    ).toBe('invalid_input');
    expect(
      code(() =>
        readings.save(indicator.id, [good, { period: '2024/25', categoryIds: [other.categories[0].id], value: 1 }]),
      ),
    ).toBe('invalid_input');
    expect(code(() => readings.save(indicator.id, [good, good]))).toBe('invalid_input');
    expect(log()).toBe(before);
  });

  it('take exactly the entries the reading schema takes, at its bounds too', () => {
    const { store } = world;
    const { indicator, low, north } = seedIndicator(store);
    const cell = { period: '2024/25', categoryIds: [low], value: 1, count: 1 };
    const entries: Record<string, unknown>[] = [
      cell,
      { ...cell, value: 1e12 },
      { ...cell, value: -1e12 },
      { ...cell, value: 1e12 + 1 },
      { ...cell, value: Number.NaN },
      { ...cell, value: Number.POSITIVE_INFINITY },
      { ...cell, value: '5' },
      { ...cell, value: null },
      { ...cell, count: 1e9 },
      { ...cell, count: 1e9 + 1 },
      { ...cell, count: -1 },
      { ...cell, count: 2.5 },
      { ...cell, count: null },
      { ...cell, count: undefined },
      { ...cell, period: ' 2024/25 ' },
      { ...cell, period: 2024 },
      { ...cell, categoryIds: [low.toUpperCase(), north] },
      { ...cell, categoryIds: [low, 5] },
      { ...cell, categoryIds: Array.from({ length: 11 }, () => low) },
      { ...cell, also: 1 },
    ];
    const taken = (entry: Record<string, unknown>) => {
      try {
        store.measures.readings.save(indicator.id, [entry as ReadingEntry]);
        return true;
      } catch {
        return false;
      }
    };
    expect(entries.map(taken)).toEqual(entries.map((entry) => ReadingEntry.safeParse(entry).success));
  });

  it('of a deleted category are no longer listed', () => {
    const { store } = world;
    const { indicator, low } = seedIndicator(store);
    store.measures.readings.save(indicator.id, [{ period: '2024/25', categoryIds: [low], value: 30, count: 20 }]);
    store.measures.dimensions.removeCategory(low);
    expect(store.measures.readings.list(indicator.id)).toEqual([]);
  });
});

describe('the small-group threshold', () => {
  it('is 10 until set, then what the initiative chose', () => {
    const { store } = world;
    expect(store.measures.settings()).toEqual({ smallGroupThreshold: 10 });
    store.measures.updateSettings({ smallGroupThreshold: 20 });
    expect(world.reopen().measures.settings()).toEqual({ smallGroupThreshold: 20 });
  });
});
