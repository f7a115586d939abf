import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { checkpointsHeld, foldCheckpointsElsewhere, setAutomaticCheckpoints } from './checkpoint-hold';
import type { Db } from './connection';

// What the worker is doing, in shared[0]; shared[1] is 1 once the store closes.
const notStarted = 0;
const opening = 1;
const ready = 2;
const folding = 3;
const closed = 4;
const cancelled = 5;
const failed = 6;

/**
 * The worker: its own read-write connection to the file, which does nothing but
 * `wal_checkpoint(PASSIVE)` when asked (PASSIVE never waits for, nor blocks, the store's writes).
 * It opens only if the store has not closed first (the compare-and-swap below), and closes its
 * connection as soon as the store asks, after the checkpoint in hand if one runs.
 * Inline, like integrity-check.ts, so the bundled main, the host under tsx and the tests all run it.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.shared);
const set = (value) => { Atomics.store(state, 0, value); Atomics.notify(state, 0); };
const describe = (error) => String((error && error.message) || error);
if (Atomics.compareExchange(state, 0, ${notStarted}, ${opening}) === ${notStarted}) {
  let db = null;
  try {
    const Database = require(workerData.driver);
    db = new Database(workerData.path, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
    db.pragma('trusted_schema = OFF');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 0');
    set(${ready});
  } catch (error) {
    if (db) db.close();
    db = null;
    set(${failed});
    parentPort.postMessage({ failed: describe(error) });
  }
  if (db) {
    parentPort.on('message', (message) => {
      if (message === 'fold' && Atomics.load(state, 1) === 0) {
        set(${folding});
        let answer;
        try {
          answer = { folded: db.pragma('wal_checkpoint(PASSIVE)')[0] };
        } catch (error) {
          answer = { error: describe(error) };
        }
        set(${ready});
        parentPort.postMessage(answer);
      }
      if (Atomics.load(state, 1) === 1) {
        db.close();
        set(${closed});
        parentPort.close();
      }
    });
  }
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

interface WorkerAnswer {
  failed?: string;
  error?: string;
  folded?: { busy: number; log: number; checkpointed: number };
}

export interface BackgroundCheckpointOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own build). */
  nativeBinding?: string;
  /** How long after a commit the -wal file is folded in; commits meanwhile share one checkpoint. */
  afterMs?: number;
  /** How long close() waits at most for a checkpoint in progress to end and the worker's connection to close. */
  closeWaitMs?: number;
}

/**
 * Folds a file store's -wal file into its database on another thread. SQLite's automatic
 * checkpoint runs inside the commit that pushes the -wal file past 1,000 pages, on the thread that
 * commits, and syncs the database file to the disk: most of a second of disk wait in a
 * 100,000-reading import, on the thread that answers every request. So the store's connection
 * runs with `wal_autocheckpoint = 0` and this asks a worker for a PASSIVE checkpoint a moment after
 * commits: never two at once, none while a hold (checkpoint-hold.ts) lasts and one at its release.
 * The worker starts at the first checkpoint, so a store that is only read starts none. If it cannot
 * start, the store's thread checkpoints as before, so the -wal file never grows without end.
 */
export class BackgroundCheckpoints {
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly pages: number;
  private worker: Worker | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** A commit came while a checkpoint ran: one more follows it. */
  private again = false;
  private onThisThread = false;
  private closedDown = false;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly options: BackgroundCheckpointOptions = {},
  ) {
    this.pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    setAutomaticCheckpoints(db, 0);
    foldCheckpointsElsewhere(db, () => this.foldNow());
  }

  /** True once the worker could not start and the store's own thread checkpoints again. */
  get fellBack(): boolean {
    return this.onThisThread;
  }

  /** After each commit. */
  committed(): void {
    if (this.onThisThread || this.closedDown) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.fold();
    }, this.options.afterMs ?? 1000).unref();
  }

  /** Resolves once no checkpoint is waiting or running (tests wait on it). */
  idle(): Promise<void> {
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * Before the store's connection closes: after this returns, no connection of ours but the
   * store's is open on the file, so the file can be renamed, replaced or deleted once that closes
   * too. A checkpoint in progress is let finish (it cannot be stopped halfway); this waits for it.
   */
  close(): void {
    if (this.closedDown) return;
    this.closedDown = true;
    this.clearTimer();
    foldCheckpointsElsewhere(this.db, null);
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      Atomics.store(this.shared, 1, 1);
      // Still starting: it will see it was cancelled and never open the file.
      if (Atomics.compareExchange(this.shared, 0, notStarted, cancelled) !== notStarted) {
        worker.postMessage('stop');
        this.waitForWorkerToClose();
      }
      void worker.terminate();
    }
    this.running = false;
    this.settle();
  }

  private busy(): boolean {
    return !this.closedDown && (this.timer !== null || this.running);
  }

  private settle(): void {
    if (this.busy()) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** At the release of a hold: the -wal file grew through it, so at once. */
  private foldNow(): void {
    this.clearTimer();
    this.fold();
  }

  private fold(): void {
    if (this.onThisThread || this.closedDown) return;
    // The hold's release asks again.
    if (checkpointsHeld(this.db)) return this.settle();
    if (this.running) {
      this.again = true;
      return;
    }
    const worker = this.worker ?? this.start();
    if (!worker) return;
    this.running = true;
    this.again = false;
    worker.postMessage('fold');
  }

  private start(): Worker | null {
    let worker: Worker;
    try {
      worker = new Worker(workerSource, {
        eval: true,
        workerData: {
          path: this.db.name,
          driver,
          nativeBinding: this.options.nativeBinding,
          shared: this.shared.buffer,
        },
      });
    } catch (error) {
      this.fallBack(error);
      return null;
    }
    // The store's close ends it; it never keeps a process alive by itself.
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => this.answered(answer));
    worker.on('error', (error) => this.fallBack(error));
    worker.on('exit', () => this.fallBack('the thread stopped'));
    this.worker = worker;
    return worker;
  }

  private answered(answer: WorkerAnswer): void {
    if (this.closedDown) return;
    if (answer.failed !== undefined) return this.fallBack(answer.failed);
    this.running = false;
    // Busy (another connection was checkpointing) or a reader in the way: the next commit asks again.
    if (answer.error) console.warn('[common-ground] a background checkpoint did not run:', answer.error);
    if (this.again) {
      this.again = false;
      this.committed();
    }
    this.settle();
  }

  private fallBack(reason: unknown): void {
    if (this.onThisThread || this.closedDown) return;
    console.warn(
      '[common-ground] the -wal file cannot be folded in on a background thread; the store’s thread does it as before:',
      reason,
    );
    this.onThisThread = true;
    this.running = false;
    this.clearTimer();
    foldCheckpointsElsewhere(this.db, null);
    const worker = this.worker;
    this.worker = null;
    // It failed to open (its connection is closed) or its thread is ending: nothing to wait for.
    Atomics.store(this.shared, 1, 1);
    if (worker) void worker.terminate();
    if (this.db.open) {
      setAutomaticCheckpoints(this.db, this.pages);
      // What was committed while the worker was starting.
      if (!checkpointsHeld(this.db)) this.db.pragma('wal_checkpoint(PASSIVE)');
    }
    this.settle();
  }

  /** Blocks (bounded) until the worker's connection is closed or it failed to open. */
  private waitForWorkerToClose(): void {
    const deadline = performance.now() + (this.options.closeWaitMs ?? 30_000);
    for (;;) {
      const state = Atomics.load(this.shared, 0);
      if (state === closed || state === failed || state === cancelled) return;
      const left = deadline - performance.now();
      if (left <= 0) {
        console.error(`[common-ground] the background checkpoint of ${this.db.name} did not end in time; stopping it`);
        return;
      }
      Atomics.wait(this.shared, 0, state, left);
    }
  }
}
