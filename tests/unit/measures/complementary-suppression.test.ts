import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dimension, Indicator, Reading } from '../../../src-main/contract/measures';
import { suppressForPartners } from '../../../src-main/features/measures/complementary-suppression';

const indicatorId = '01a20958-f994-7589-b2d8-4c08e329c448';
const id = (n: number) => `01a20958-f995-740c-8306-${String(n).padStart(12, '0')}`;

function indicatorSplitBy(dimensions: Dimension[]): Indicator {
  return {
    id: indicatorId,
    name: 'Kindergarten readiness',
    definition: '',
    kind: 'population',
    question: null,
    unit: 'children',
    polarity: 'higher_is_better',
    reportingPeriod: 'year',
    dataSource: '',
    ownerIds: [],
    groupId: null,
    strategy: '',
    notes: '',
    dimensionIds: dimensions.map((dimension) => dimension.id),
    baseline: null,
    targets: [],
  };
}

function dimension(n: number, size: number): Dimension {
  return {
    id: id(1000 * n),
    name: `Dimension ${n}`,
    categories: Array.from({ length: size }, (_, i) => ({ id: id(1000 * n + i + 1), name: `Group ${i + 1}` })),
  };
}

const reading = (categoryIds: string[], value: number, count: number | null): Reading => ({
  indicatorId,
  period: '2025',
  categoryIds,
  value,
  count,
});

/**
 * What a reader can work out from the shown figures: whenever a figure and its split by one
 * dimension are shown but for one, that one is the difference. Repeated until nothing new comes.
 */
function derivable(all: readonly Reading[], shown: readonly Reading[], dimensions: readonly Dimension[]): Set<string> {
  const key = (r: { categoryIds: readonly string[] }) => [...r.categoryIds].sort().join(',');
  const known = new Set(shown.map(key));
  const present = new Set(all.map(key));
  const learned = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const whole of all)
      for (const { categories } of dimensions) {
        if (categories.some((c) => whole.categoryIds.includes(c.id))) continue;
        const cells = [key(whole), ...categories.map((c) => key({ categoryIds: [...whole.categoryIds, c.id] }))];
        if (!cells.every((cell) => present.has(cell))) continue;
        const unknown = cells.filter((cell) => !known.has(cell));
        if (unknown.length !== 1) continue;
        known.add(unknown[0]);
        learned.add(unknown[0]);
        changed = true;
      }
  }
  return learned;
}

describe('complementary suppression', () => {
  const income = dimension(1, 3);
  const [low, middle, high] = income.categories.map((c) => c.id);
  const indicators = [indicatorSplitBy([income])];

  it('hides the next-smallest group when one hidden group could be worked out from the total', () => {
    const readings = [reading([], 100, 60), reading([low], 5, 6), reading([middle], 40, 24), reading([high], 55, 30)];
    const { shown, suppressed } = suppressForPartners(readings, indicators, [income], 10);
    expect(shown.map((r) => r.value)).toEqual([100, 55]);
    expect(suppressed).toEqual([
      { indicatorId, period: '2025', categoryIds: [low], reason: 'small_group' },
      { indicatorId, period: '2025', categoryIds: [middle], reason: 'complementary' },
    ]);
  });

  it('adds nothing when two groups are hidden already, or when a group is missing', () => {
    const twoSmall = [reading([], 100, 60), reading([low], 5, 6), reading([middle], 40, 8), reading([high], 55, 46)];
    expect(suppressForPartners(twoSmall, indicators, [income], 10).suppressed.map((s) => s.reason)).toEqual([
      'small_group',
      'small_group',
    ]);
    const missing = [reading([], 100, 60), reading([low], 5, 6), reading([high], 55, 30)];
    expect(suppressForPartners(missing, indicators, [income], 10).suppressed).toHaveLength(1);
  });

  it('hides the total when the only group of a one-category dimension is hidden', () => {
    const alone = dimension(2, 1);
    const only = alone.categories[0].id;
    const { shown } = suppressForPartners(
      [reading([], 7, null), reading([only], 7, 7)],
      [indicatorSplitBy([alone])],
      [alone],
      10,
    );
    expect(shown).toEqual([]);
  });

  it('follows a hidden cell of a cross-tab into the sums it belongs to', () => {
    const area = dimension(2, 2);
    const [north, south] = area.categories.map((c) => c.id);
    const both = [indicatorSplitBy([income, area])];
    const readings = [
      reading([], 100, 100),
      ...[low, middle, high].map((c, i) => reading([c], 30 + i, 30 + i)),
      reading([north], 50, 50),
      reading([south], 50, 50),
      reading([low, north], 4, 4),
      reading([low, south], 26, 26),
      reading([middle, north], 15, 15),
      reading([middle, south], 16, 16),
      reading([high, north], 31, 31),
      reading([high, south], 1, 1),
    ];
    const { shown } = suppressForPartners(readings, both, [income, area], 10);
    expect(derivable(readings, shown, [income, area])).toEqual(new Set());
  });

  it('leaves nothing hidden that a reader could work out by subtraction (property)', () => {
    const world = fc
      .record({ first: fc.integer({ min: 1, max: 5 }), second: fc.integer({ min: 0, max: 4 }) })
      .chain(({ first, second }) =>
        fc.record({
          first: fc.constant(first),
          second: fc.constant(second),
          // One count per cross-tab cell (or per group when there is one dimension), some unknown.
          counts: fc.array(fc.integer({ min: 0, max: 30 }), {
            minLength: first * Math.max(second, 1),
            maxLength: first * Math.max(second, 1),
          }),
          unknown: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
          missing: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
          threshold: fc.integer({ min: 1, max: 20 }),
        }),
      );
    fc.assert(
      fc.property(world, ({ first, second, counts, unknown, missing, threshold }) => {
        const dimensions = [dimension(1, first), ...(second > 0 ? [dimension(2, second)] : [])];
        const a = dimensions[0].categories.map((c) => c.id);
        const b = second > 0 ? dimensions[1].categories.map((c) => c.id) : [null];
        const cell = (i: number, j: number) => counts[i * b.length + j];
        const sum = (values: number[]) => values.reduce((x, y) => x + y, 0);
        // Every figure counts people, so the groups of each dimension add up to the figure above them.
        const readings: Reading[] = [];
        let n = 0;
        const add = (categoryIds: string[], count: number) => {
          const index = n++;
          if (missing[index % 40] && index % 3 === 0) return;
          readings.push(reading(categoryIds, count, unknown[index % 40] ? null : count));
        };
        add([], sum(counts));
        a.forEach((ai, i) => add([ai], sum(b.map((_, j) => cell(i, j)))));
        if (second > 0) {
          b.forEach((bj, j) => add([bj as string], sum(a.map((_, i) => cell(i, j)))));
          a.forEach((ai, i) => b.forEach((bj, j) => add([ai, bj as string], cell(i, j))));
        }
        const outcome = suppressForPartners(readings, [indicatorSplitBy(dimensions)], dimensions, threshold);
        expect(outcome.shown.length + outcome.suppressed.length).toBe(readings.length);
        for (const shown of outcome.shown)
          if (shown.categoryIds.length > 0) expect(shown.count ?? -1).toBeGreaterThanOrEqual(threshold);
        expect(derivable(readings, outcome.shown, dimensions)).toEqual(new Set());
      }),
      { numRuns: 300 },
    );
  });
});
