import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Result } from '../../src-main/contract/result';
import { chartsOf, scorecardOf } from '../../src-main/features/measures/charts';
import { createHandlers, dispatch } from '../../src-main/features/handlers';
import { InitiativeLibrary } from '../../src-main/store/library';
import { formatMs, medianMs, type Figure } from './measure';

/**
 * Shared measurement at the size: 200 indicators × 40 quarters × 20 category combinations
 * (the total and 19 neighbourhoods) = 160,000 readings, saved through the store's write path one
 * indicator at a time. Measured: the scorecard (the store's query plus the pure rows, and the same
 * through the channel as the window calls it) and one indicator's chart data (likewise).
 * MEASURES_BENCH_INDICATORS makes it smaller while developing.
 */
const indicators = Number(process.env.MEASURES_BENCH_INDICATORS ?? 200);
const periods = 40;
const categories = 19;
const runs = 9;
const scorecardTarget = 300;
const chartsTarget = 100;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

/** 2017-Q1, 2017-Q2, ... forty quarters. */
const quarter = (index: number) => `${2017 + Math.floor(index / 4)}-Q${(index % 4) + 1}`;

export function benchMeasures(dir: string): Figure[] {
  const dataDir = join(dir, 'measures');
  mkdirSync(dataDir, { recursive: true });
  const library = new InitiativeLibrary(dataDir, { node: '00000000000000c1', backups: false });
  try {
    const handlers = createHandlers({
      library,
      resourcesDir: join(dir, 'no-resources'),
      version: 'bench',
      transport: 'host',
    });
    const { id: initiativeId } = value<{ id: string }>(dispatch(handlers, 'initiatives.create', { name: 'Bench' }));
    const store = library.open(initiativeId);
    const seedStart = performance.now();
    const area = store.measures.dimensions.create({
      name: 'Neighbourhood',
      categories: Array.from({ length: categories }, (_, i) => `Area ${i + 1}`),
    });
    const ids: string[] = [];
    for (let i = 0; i < indicators; i++) {
      const indicator = store.measures.indicators.create({
        name: `Indicator ${String(i + 1).padStart(3, '0')}`,
        reportingPeriod: 'quarter',
        polarity: i % 2 === 0 ? 'higher_is_better' : 'lower_is_better',
        dimensionIds: [area.id],
        baseline: { period: quarter(0), value: 50 },
      });
      store.measures.indicators.setTarget(indicator.id, quarter(periods), 70);
      const entries = [];
      for (let p = 0; p < periods; p++) {
        const level = 50 + ((i + p) % 17);
        entries.push({ period: quarter(p), value: level, count: 400 + p });
        area.categories.forEach((category, c) =>
          entries.push({ period: quarter(p), categoryIds: [category.id], value: level - c, count: 5 + c * 3 }),
        );
      }
      store.measures.readings.save(indicator.id, entries);
      ids.push(indicator.id);
    }
    const seedMs = performance.now() - seedStart;
    const readings = indicators * periods * (categories + 1);
    const one = ids[Math.floor(ids.length / 2)];

    const scorecardStore = medianMs(runs, () => void scorecardOf(store));
    const scorecardChannel = medianMs(
      runs,
      () => void value(dispatch(handlers, 'measures.scorecard', { initiativeId })),
    );
    const chartsStore = medianMs(runs, () => void chartsOf(store, one));
    const chartsChannel = medianMs(
      runs,
      () => void value(dispatch(handlers, 'measures.charts', { initiativeId, indicatorId: one })),
    );
    const size = `${indicators} indicators × ${periods} quarters × ${categories + 1} combinations (${readings.toLocaleString('en')} readings)`;
    const figures: Figure[] = [
      {
        name: `Measures: scorecard open through the channel, ${size}`,
        value: formatMs(scorecardChannel),
        target: `< ${scorecardTarget} ms`,
        met: scorecardChannel < scorecardTarget,
        note: `${(scorecardChannel / scorecardTarget).toFixed(2)}× the target; store query + pure rows alone ${formatMs(scorecardStore)}; median of ${runs} after a warm-up; seeded through the write path in ${formatMs(seedMs)}`,
      },
      {
        name: `Measures: one indicator's chart data through the channel (${periods * (categories + 1)} readings)`,
        value: formatMs(chartsChannel),
        target: `< ${chartsTarget} ms`,
        met: chartsChannel < chartsTarget,
        note: `${(chartsChannel / chartsTarget).toFixed(2)}× the target; store reads + pure chart data alone ${formatMs(chartsStore)}; median of ${runs} after a warm-up`,
      },
    ];
    for (const figure of figures) console.log(`${figure.name}: ${figure.value} (${figure.note})`);
    return figures;
  } finally {
    library.close();
  }
}

// `npx tsx tests/bench/measures.bench.ts` prints these figures alone (benchMeasures prints them).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-measures-bench-'));
  try {
    benchMeasures(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
