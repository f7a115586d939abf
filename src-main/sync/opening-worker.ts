import { Worker } from 'node:worker_threads';
import { couldNotOpen, tooShort, type SealedMessage, type SyncKey, type Unsealed } from './crypto';

/**
 * A long sync spends about as much time on AES-GCM (one key setup per message: Node has no way to
 * reuse a decipher) as on applying messages to SQLite. This worker thread does the AES-GCM step of
 * a page while the thread that owns the store applies the page before it, so the two overlap.
 * Everything after the step (reading the plaintext, the checks, the write path) stays where it
 * was, through crypto.openUnsealed, so a message opened here and one opened in place give the same
 * message or the same error.
 *
 * The code is inline (not a file of its own), as in store/integrity-check.ts, so the same code runs
 * from the bundled main, the host under tsx and the tests. It is a copy of crypto.ts's `unseal`:
 * tests/unit/sync/opening-worker.test.ts checks both give the same answer for sound, foreign,
 * altered and short payloads. What is not two strings it leaves untried (null): the thread that
 * owns the store opens it in place and meets the same error it always did.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { createDecipheriv } = require('node:crypto');
const key = Buffer.from(workerData.key);
const prefix = workerData.syncId + '\\u0000';
parentPort.on('message', ({ id, messages }) => {
  const out = messages.map((message) => {
    if (!message || typeof message.timestamp !== 'string' || typeof message.payload !== 'string') return null;
    const bytes = Buffer.from(message.payload, 'base64');
    if (bytes.length < 12 + 16 + 2) return ${tooShort};
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(prefix + message.timestamp));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      return ${couldNotOpen};
    }
  });
  parentPort.postMessage({ id, out });
});
`;

/** Unseals pages on a worker thread, in the order asked; `close` ends the thread. */
export class OpeningWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, (out: Unsealed[] | null) => void>();
  private nextId = 0;
  private broken = false;

  constructor(key: SyncKey) {
    this.worker = new Worker(workerSource, {
      eval: true,
      workerData: { key: new Uint8Array(key.key), syncId: key.syncId },
    });
    // A sync never waits for this thread to end, and a process may end while it runs.
    this.worker.unref();
    this.worker.on('message', ({ id, out }: { id: number; out: Unsealed[] }) => {
      this.waiting.get(id)?.(out);
      this.waiting.delete(id);
    });
    // A thread that cannot start or dies only costs speed: every page it owed is opened in place.
    const giveUp = () => {
      this.broken = true;
      for (const resolve of this.waiting.values()) resolve(null);
      this.waiting.clear();
    };
    this.worker.on('error', giveUp);
    this.worker.on('exit', giveUp);
  }

  /** The AES-GCM step for each message, or null for the page when the thread could not do it. */
  unseal(messages: readonly SealedMessage[]): Promise<Unsealed[] | null> {
    if (this.broken) return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, messages });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
