import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Result } from '../../../src-main/contract/result';
import { createHandlers, dispatchAsync } from '../../../src-main/features/handlers';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { HandlerWorker } from '../../../src-main/worker/handler-worker';
import { importRequest, largeCsv } from '../../fixtures/exchange/build';
import { makeTempDir } from '../../fixtures/temp-dir';

const resourcesDir = join(import.meta.dirname, '..', '..', '..', 'resources');
/** Big enough that committing it is plainly long work (a second or more on a laptop). */
const partners = 10_000;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Resolves on the serving thread's next turn: what any cheap reply to the window needs. */
const nextTurn = () => new Promise<string>((resolve) => setImmediate(() => resolve('serving thread free')));

describe('the handler thread', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const workers: HandlerWorker[] = [];
  const startWorker = async (options: Partial<ConstructorParameters<typeof HandlerWorker>[0]> = {}) => {
    const worker = new HandlerWorker({
      dataDir: temp.dir,
      resourcesDir,
      version: 'test',
      transport: 'host',
      ...options,
    });
    workers.push(worker);
    await worker.start();
    return worker;
  };
  beforeEach(() => {
    temp = makeTempDir('cg-handler-thread-');
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.close();
    temp.cleanup();
  });

  it('imports 10,000 partners while the serving thread stays free; on the serving thread the import came first', async () => {
    const csv = largeCsv(partners);
    const worker = await startWorker();
    const changed: string[] = [];
    worker.onChanges((notice) => changed.push(...notice.tables));
    const initiativeId = value<{ id: string }>(await worker.dispatch('initiatives.create', { name: 'Region' })).id;

    const order: string[] = [];
    const importing = worker
      .dispatch('partners.import.commit', importRequest(initiativeId, 'csv', csv))
      .then((result) => order.push(result.ok ? 'import answered' : `import failed: ${result.error.message}`));
    // Asked after the import, answered by the same thread after it: requests keep their order.
    const info = worker.dispatch('app.info', {}).then(() => order.push('app.info answered'));
    order.push(await nextTurn());
    await Promise.all([importing, info]);
    expect(order).toEqual(['serving thread free', 'import answered', 'app.info answered']);
    expect(value<unknown[]>(await worker.dispatch('partners.list', { initiativeId }))).toHaveLength(partners);
    // Change notices cross back to the serving thread (the window's refetch depends on them).
    expect(changed).toContain('partners');

    // The old way, for contrast: the same import on this thread holds it until the import is done.
    const library = new InitiativeLibrary(join(temp.dir, 'in-thread'), { backups: false });
    try {
      const handlers = createHandlers({ library, resourcesDir, version: 'test', transport: 'host' });
      const id = value<{ id: string }>(await dispatchAsync(handlers, 'initiatives.create', { name: 'Region' })).id;
      const before: string[] = [];
      const inThread = dispatchAsync(handlers, 'partners.import.commit', importRequest(id, 'csv', csv)).then(() =>
        before.push('import answered'),
      );
      before.push(await nextTurn());
      await inThread;
      expect(before).toEqual(['import answered', 'serving thread free']);
    } finally {
      library.close();
    }
  }, 120_000);

  it('answers every request it held with an error when it crashes, and a fresh thread takes the next request', async () => {
    let crashWhilePrinting: () => Promise<Result<unknown>> = async () => ({ ok: true, value: null });
    const worker = await startWorker({
      entry: new URL('./crashing-handler-thread.ts', import.meta.url),
      // The serving thread's printer: while it prints, the export waits in the thread; crash it then.
      printPdf: async () => {
        await crashWhilePrinting();
        return new Uint8Array();
      },
    });
    crashWhilePrinting = () => worker.dispatch('test.crash', {});
    const call = async (channel: string, input: unknown) =>
      value<{ id: string }>(await worker.dispatch(channel, input));
    const initiativeId = (await call('initiatives.create', { name: 'Crash' })).id;
    const sessionId = (
      await call('sessions.create', {
        initiativeId,
        session: { kind: 'roundtable', title: 'Spring', startsAt: '2026-04-02T18:00' },
      })
    ).id;

    const exported = await worker.dispatch('summary.export', {
      initiativeId,
      sessionId,
      format: 'pdf',
      language: 'en',
    });
    expect(exported).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(exported.ok ? '' : exported.error.message).toMatch(/stopped unexpectedly/);

    // A fresh thread over the same files: what was saved before the crash is there.
    crashWhilePrinting = async () => ({ ok: true, value: null });
    expect(value<{ name: string }>(await worker.dispatch('initiatives.get', { initiativeId }))).toMatchObject({
      name: 'Crash',
    });
  }, 120_000);

  it('refuses requests once closing, with an error value rather than a throw', async () => {
    const worker = await startWorker();
    await worker.close();
    expect(await worker.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  }, 60_000);
});
