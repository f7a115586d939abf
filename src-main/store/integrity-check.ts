import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { isDamage } from './storage-errors';

/**
 * quick_check, run before a file opens for writing, skips what takes long: whether every index
 * agrees with its table. A file can pass it and still fail the first write that reaches a bad index
 * page. The full integrity_check reads the whole file, so it runs on a worker thread with its own
 * read-only connection, after the initiative is open, and never delays a reply to the window.
 *
 * The worker's code is inline (not a file of its own) so the same code runs from the bundled main,
 * the host under tsx and the tests, which all resolve better-sqlite3 from here.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.pragma('trusted_schema = OFF');
  const rows = db.pragma('integrity_check(5)');
  parentPort.postMessage({ problems: rows.map((row) => row.integrity_check).filter((text) => text !== 'ok') });
} catch (error) {
  parentPort.postMessage({ code: String((error && error.code) || ''), message: String((error && error.message) || error) });
} finally {
  if (db) db.close();
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

export type IntegrityVerdict = { damaged: false } | { damaged: true; detail: string };

interface WorkerAnswer {
  problems?: string[];
  code?: string;
  message?: string;
}

export interface IntegrityCheck {
  verdict: Promise<IntegrityVerdict>;
  /** Ends the check early (the library closes); the verdict then says "not damaged". */
  stop(): void;
}

export function checkIntegrityInBackground(path: string, nativeBinding?: string): IntegrityCheck {
  const worker = new Worker(workerSource, { eval: true, workerData: { path, driver, nativeBinding } });
  const verdict = new Promise<IntegrityVerdict>((resolve) => {
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.problems && answer.problems.length > 0) {
        resolve({ damaged: true, detail: answer.problems.slice(0, 3).join('; ') });
      } else if (answer.code && isDamage({ code: answer.code })) {
        resolve({ damaged: true, detail: answer.message ?? answer.code });
      } else {
        // Busy, gone, or unreadable for a reason that is not damage: the next open checks again.
        if (answer.code)
          console.warn(`[common-ground] background integrity check of ${path} did not run:`, answer.message);
        resolve({ damaged: false });
      }
    });
    worker.once('error', (error) => {
      console.warn(`[common-ground] background integrity check of ${path} failed:`, error);
      resolve({ damaged: false });
    });
    worker.once('exit', () => resolve({ damaged: false }));
  });
  return { verdict, stop: () => void worker.terminate() };
}
