import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChangeNotice } from '../contract/models';
import { fail, type Result } from '../contract/result';
import type { PdfPrinter } from '../features/summary/export';
import type { LibraryOptions } from '../store/library';

/** What the handler thread needs to build the library and the handlers (all of it clonable). */
export interface HandlerThreadSetup {
  dataDir: string;
  resourcesDir: string;
  version: string;
  transport: 'electron' | 'host';
  rendererDir?: string;
  exportDir?: string;
  nativeBinding?: string;
  backups?: LibraryOptions['backups'];
  /** Whether the serving thread can print: the handler thread then asks it for each PDF. */
  canPrint: boolean;
}

/** Serving thread → handler thread. */
export type ToHandlerThread =
  | { kind: 'call'; id: number; channel: string; input: unknown }
  | { kind: 'printed'; id: number; pdf?: Uint8Array; error?: string }
  | { kind: 'close' };

/** Handler thread → serving thread. */
export type FromHandlerThread =
  | { kind: 'ready' }
  | { kind: 'answer'; id: number; result: Result<unknown> }
  | { kind: 'changes'; notice: ChangeNotice }
  | { kind: 'print'; id: number; html: string };

export interface HandlerWorkerOptions extends Omit<HandlerThreadSetup, 'canPrint'> {
  /** Printing that only the serving thread can do (Electron's webContents, the host's Chromium). */
  printPdf?: PdfPrinter;
  /**
   * The handler thread's entry file. The source file by default (the host and the tests run under
   * tsx); the Electron build passes the bundled one (out/main/handler-thread.js).
   */
  entry?: string | URL;
}

const crashed = () =>
  fail(
    'internal',
    'The part of the app that keeps your data stopped unexpectedly. Nothing half-saved was kept; try again.',
  );
const closed = () => fail('internal', 'The app is closing; this request was not carried out.');

/**
 * A source entry (.ts: the host under tsx, the tests) is loaded through tsx inside the thread: on
 * Node 20 a worker inherits neither the parent's loader hooks nor a working `--import tsx`.
 * tsx is resolved from here, so any working folder does.
 */
function threadFor(entry: string | URL, workerData: HandlerThreadSetup): Worker {
  if (!String(entry).endsWith('.ts')) return new Worker(entry, { workerData });
  // The package's own ESM build of its API (its CommonJS build cannot find its ESM half from a thread).
  const tsxFolder = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxFolder, 'dist', 'esm', 'api', 'index.mjs')).href;
  const url = String(entry instanceof URL ? entry : pathToFileURL(entry));
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}));`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * The serving thread's side of the handler thread: the library and every handler run on a worker
 * thread, so an import, an integrity check or a large sync never holds up the window (Electron's
 * main process) or the host's HTTP server. Requests are answered in the order the thread finishes
 * them. If the thread dies, every request it held is answered with an error and a fresh one
 * starts: SQLite transactions are atomic, so nothing half-written survives it.
 */
export class HandlerWorker {
  private thread: Worker | null = null;
  private starting: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();
  private closing = false;
  /** The last thread that got as far as opening its library: only such a one is restarted at once. */
  private readyThread: Worker | null = null;
  private readonly entry: string | URL;

  constructor(private readonly options: HandlerWorkerOptions) {
    this.entry = options.entry ?? new URL('./handler-thread.ts', import.meta.url);
  }

  /** Starts the thread and waits until its library is open; rejects with the reason if it cannot. */
  start(): Promise<void> {
    if (this.starting) return this.starting;
    const { printPdf, entry: _entry, ...setup } = this.options;
    const workerData: HandlerThreadSetup = { ...setup, canPrint: printPdf !== undefined };
    const thread = threadFor(this.entry, workerData);
    this.thread = thread;
    this.starting = new Promise<void>((resolveReady, rejectReady) => {
      thread.on('message', (message: FromHandlerThread) => {
        if (message.kind === 'ready') {
          this.readyThread = thread;
          resolveReady();
        } else this.receive(thread, message);
      });
      thread.on('error', (error) => {
        console.error('[common-ground] the handler thread failed:', error);
        rejectReady(error);
      });
      thread.on('exit', (code) => {
        rejectReady(new Error(`The handler thread stopped (exit code ${code}) before it was ready.`));
        this.lost(thread);
      });
    });
    // A failed start is reported to whoever awaits it; the next dispatch tries again.
    this.starting.catch(() => undefined);
    return this.starting;
  }

  async dispatch(channel: string, input: unknown): Promise<Result<unknown>> {
    if (this.closing) return closed();
    try {
      await this.start();
    } catch {
      return crashed();
    }
    const thread = this.thread;
    if (!thread) return crashed();
    const id = this.nextId++;
    return new Promise<Result<unknown>>((resolveAnswer) => {
      this.pending.set(id, resolveAnswer);
      try {
        thread.postMessage({ kind: 'call', id, channel, input } satisfies ToHandlerThread);
      } catch {
        // Input that cannot cross threads (a function, a symbol) cannot have come from a real client.
        this.pending.delete(id);
        resolveAnswer(fail('invalid_input', 'The request could not be read.'));
      }
    });
  }

  onChanges(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the library in the thread (its files, servers and checks) and waits for the thread to end. */
  async close(): Promise<void> {
    this.closing = true;
    const thread = this.thread;
    if (!thread) return;
    const ended = new Promise<void>((resolveEnded) => thread.once('exit', () => resolveEnded()));
    thread.postMessage({ kind: 'close' } satisfies ToHandlerThread);
    // A thread stuck in a long job still ends: its open transaction is rolled back by SQLite.
    const stuck = setTimeout(() => void thread.terminate(), 10_000);
    await ended;
    clearTimeout(stuck);
  }

  private receive(thread: Worker, message: FromHandlerThread): void {
    if (message.kind === 'answer') {
      const answer = this.pending.get(message.id);
      this.pending.delete(message.id);
      answer?.(message.result);
    } else if (message.kind === 'changes') {
      for (const listener of this.listeners) listener(message.notice);
    } else if (message.kind === 'print') {
      void this.print(thread, message.id, message.html);
    }
  }

  private async print(thread: Worker, id: number, html: string): Promise<void> {
    let reply: ToHandlerThread;
    try {
      if (!this.options.printPdf) throw new Error('This transport cannot print.');
      reply = { kind: 'printed', id, pdf: await this.options.printPdf(html) };
    } catch (error) {
      reply = { kind: 'printed', id, error: error instanceof Error ? error.message : String(error) };
    }
    if (this.thread === thread) thread.postMessage(reply);
  }

  private lost(thread: Worker): void {
    if (this.thread !== thread) return;
    this.thread = null;
    this.starting = null;
    const answers = [...this.pending.values()];
    this.pending.clear();
    for (const answer of answers) answer(this.closing ? closed() : crashed());
    // A thread that had been working is replaced at once (the library's timers, such as automatic
    // backups, live there); one that died starting is left for the next request, so a folder it
    // cannot open does not start threads in a loop.
    if (!this.closing && this.readyThread === thread) this.start().catch(() => undefined);
  }
}
