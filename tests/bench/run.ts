import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './measure';
import { benchImport10k } from './import.bench';
import { benchMap } from './map.bench';
import { benchMeeting } from './meeting.bench';
import { benchSummary } from './summary.bench';
import { benchVoiceSearch } from './voice-search.bench';
import { benchWritePath } from './write-path.bench';
import { benchSync } from './sync.bench';
import { benchMeasures } from './measures.bench';
import { benchMeasuresImport } from './measures-import.bench';
import { benchRoom } from './room.bench';
import { benchServingThread } from './serving-thread.bench';

/**
 * `npm run bench`: prints each figure with the baseline measured in the same run and writes
 * tests/bench/RESULTS.md. Figures are reported, never asserted in tests.
 */
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cg-bench-'));
const measuredOn = new Date().toISOString().slice(0, 10);
// Other work on the machine moves every timing; the load before and after says how much to trust them.
const loadBefore = loadavg()[0];
let figures: Figure[] = [];
try {
  figures = [
    ...benchWritePath(dir),
    ...benchImport10k(dir),
    ...(await benchVoiceSearch(dir)),
    ...(await benchMap()),
    ...(await benchMeeting()),
    ...(await benchSync(dir)),
    ...(await benchSummary()),
    ...benchMeasures(dir),
    ...benchMeasuresImport(dir),
    ...(await benchRoom()),
    ...(await benchServingThread(dir)),
  ];
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const loadAfter = loadavg()[0];
const verdict = (met: boolean | null) => (met === null ? '' : met ? 'met' : 'not met');
const lines = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${measuredOn}. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.`,
  `Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end, on ${cpus().length} cores: ${
    Math.max(loadBefore, loadAfter) > cpus().length
      ? 'above the core count, other work was competing and the timings are inflated.'
      : 'at or below the core count (the bench itself keeps up to about 2 busy).'
  }`,
  'Ratios compare figures measured in the same run. Timings vary between machines and runs; read the ratios first.',
  '',
  '| figure | value | target | verdict | measured | notes |',
  '| --- | --- | --- | --- | --- | --- |',
  ...figures.map((f) => `| ${f.name} | ${f.value} | ${f.target} | ${verdict(f.met)} | ${measuredOn} | ${f.note} |`),
  '',
];
writeFileSync(join(here, 'RESULTS.md'), lines.join('\n'));
console.log(`\nWrote ${join(here, 'RESULTS.md')}`);
