import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  value: string;
  target: string;
  met: boolean | null;
  note: string;
}

/** Runs `work` several times (after one warm-up) and returns the median in milliseconds. */
export function medianMs(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}
