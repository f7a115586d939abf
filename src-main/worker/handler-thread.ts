import { parentPort, workerData } from 'node:worker_threads';
import { fail } from '../contract/result';
import { createHandlers, dispatchAsync } from '../features/handlers';
import type { PdfPrinter } from '../features/summary/export';
import { InitiativeLibrary } from '../store/library';
import type { FromHandlerThread, HandlerThreadSetup, ToHandlerThread } from './handler-worker';

/**
 * The handler thread: owns the library (every SQLite connection) and runs every handler, one
 * request after another as they arrive, off the thread that serves the window. Started by
 * HandlerWorker (handler-worker.ts), which holds the other end of this port.
 */
const port = parentPort;
if (!port) throw new Error('handler-thread.ts runs only as a worker thread (see HandlerWorker).');
const setup = workerData as HandlerThreadSetup;
const send = (message: FromHandlerThread) => port.postMessage(message);

const library = new InitiativeLibrary(setup.dataDir, { nativeBinding: setup.nativeBinding, backups: setup.backups });

// Printing belongs to the serving thread (Electron's webContents, the host's Chromium): ask it.
const printing = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
let nextPrint = 1;
const printPdf: PdfPrinter = (html) =>
  new Promise((resolve, reject) => {
    const id = nextPrint++;
    printing.set(id, { resolve, reject });
    send({ kind: 'print', id, html });
  });

const handlers = createHandlers({
  library,
  resourcesDir: setup.resourcesDir,
  version: setup.version,
  transport: setup.transport,
  rendererDir: setup.rendererDir,
  exportDir: setup.exportDir,
  printPdf: setup.canPrint ? printPdf : undefined,
});
library.onChanges((notice) => send({ kind: 'changes', notice }));

port.on('message', (message: ToHandlerThread) => {
  if (message.kind === 'call') {
    void dispatchAsync(handlers, message.channel, message.input).then((result) => {
      try {
        send({ kind: 'answer', id: message.id, result });
      } catch (error) {
        // A value that cannot cross threads is our bug; the caller still gets an answer.
        console.error(`[common-ground] ${message.channel} answered with a value that cannot be sent:`, error);
        send({ kind: 'answer', id: message.id, result: fail('internal', 'Something went wrong inside the app.') });
      }
    });
  } else if (message.kind === 'printed') {
    const waiting = printing.get(message.id);
    printing.delete(message.id);
    if (message.pdf) waiting?.resolve(message.pdf);
    else waiting?.reject(new Error(message.error ?? 'Printing failed.'));
  } else {
    library.close();
    // Ends this thread only, with whatever servers (room mode, the LAN hub) its handlers started.
    process.exit(0);
  }
});
send({ kind: 'ready' });
