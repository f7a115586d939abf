import { computeLayout, type LayoutInput, type LayoutOptions, type LayoutResult } from './layout';
import type { LayoutRequest } from './layout.worker';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (result: LayoutResult) => void>();

function layoutWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<{ id: number; result: LayoutResult }>) => {
    pending.get(event.data.id)?.(event.data.result);
    pending.delete(event.data.id);
  });
  return worker;
}

/** Runs the layout off the main thread; where workers are missing it runs inline, same result. */
export function runLayout(input: LayoutInput, options: LayoutOptions = {}): Promise<LayoutResult> {
  const target = layoutWorker();
  if (!target) return Promise.resolve(computeLayout(input, options));
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    target.postMessage({ id, input, options } satisfies LayoutRequest);
  });
}
