import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Result } from '../../src-main/contract/result';
import { createHandlers, dispatch, dispatchAsync, type HandlerMap } from '../../src-main/features/handlers';
import { chromiumPdfPrinter } from '../../src-main/host/pdf-printer';
import { InitiativeLibrary } from '../../src-main/store/library';
import { seedSummaryWorld, type SummaryWorld } from '../fixtures/summary-world';
import { formatMs, type Figure } from './measure';

/**
 * Exporting a session summary as PDF (headless Chromium's print, as the host does) and as DOCX,
 * for a session with 50 decisions, 100 action items and 200 voice notes carried to it, against
 * the small session (2 decisions, 3 actions, 4 notes) in the same run. Each figure is the median
 * of 5 exports after one warm-up, measured through the channel, file write included.
 */
const runs = 5;
const target = 2000;

async function median(work: () => Promise<void>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

export async function benchSummary(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-summary-'));
  const printer = chromiumPdfPrinter();
  const library = new InitiativeLibrary(join(dir, 'data'), { backups: false });
  try {
    const handlers: HandlerMap = createHandlers({
      library,
      resourcesDir: join(dir, 'resources'),
      version: 'bench',
      transport: 'host',
      printPdf: printer.printPdf,
      exportDir: join(dir, 'exports'),
    });
    const seed = (channel: string, input: Record<string, unknown>) =>
      Promise.resolve(value<never>(dispatch(handlers, channel, input)));
    const small = await seedSummaryWorld(seed);
    const big = await seedSummaryWorld(seed, { decisions: 48, actions: 97, notes: 196 });
    const exportOnce = (world: SummaryWorld, format: 'pdf' | 'docx') => async () => {
      value(
        await dispatchAsync(handlers, 'summary.export', {
          initiativeId: world.initiativeId,
          sessionId: world.sessionId,
          format,
        }),
      );
    };
    const figures: Figure[] = [];
    for (const format of ['pdf', 'docx'] as const) {
      const baseline = await median(exportOnce(small, format));
      const large = await median(exportOnce(big, format));
      figures.push({
        name: `Summary ${format.toUpperCase()} export, 50 decisions / 100 actions / 200 notes`,
        value: formatMs(large),
        target: `< ${formatMs(target)}`,
        met: large < target,
        note: `${(large / baseline).toFixed(1)}× the small session (${formatMs(baseline)}); median of ${runs}${format === 'pdf' ? ', Chromium already running' : ''}`,
      });
    }
    for (const figure of figures) console.log(`${figure.name}: ${figure.value} (${figure.note})`);
    return figures;
  } finally {
    await printer.close();
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSummary();
