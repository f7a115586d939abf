import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/result';
import type { BatchStatus, SessionSummary, SummaryFile } from '../../../src-main/contract/summary';
import { readZip } from '../../../src-main/features/exchange/zip';
import { createHandlers, dispatch, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { chromiumPdfPrinter } from '../../../src-main/host/pdf-printer';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { planted, seedSummaryWorld, type SummaryWorld } from '../../fixtures/summary-world';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

/** A resident invited and absent: counted among the apologies, never named. */
const absentResident = 'Rosa Canaryabsent';

const temp = makeTempDir('common-ground-partner-copy-');
const printer = chromiumPdfPrinter();
let library: InitiativeLibrary;
let handlers: HandlerMap;
let world: SummaryWorld;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
const call = (channel: string, input: Record<string, unknown>) =>
  Promise.resolve(value<{ id: string }>(dispatch(handlers, channel, input)));

beforeAll(async () => {
  library = new InitiativeLibrary(join(temp.dir, 'data'), { node: '00000000000000aa', backups: false });
  handlers = createHandlers({
    library,
    resourcesDir,
    version: '0.0.0-test',
    transport: 'host',
    printPdf: printer.printPdf,
    exportDir: join(temp.dir, 'exports'),
  });
  world = await seedSummaryWorld(call);
  const { initiativeId } = world;
  const partner = async (partner: Record<string, unknown>) =>
    (await call('partners.create', { initiativeId, partner })).id;
  const foodBank = await partner({ name: 'Westside Food Bank', sector: 'community' });
  const dina = await partner({ name: 'Dina Roy', kind: 'person', sector: 'health', organisationId: world.clinicId });
  const rosa = await partner({ name: absentResident, kind: 'person', sector: 'community', livedExperience: true });
  await call('attendance.invite', { initiativeId, sessionId: world.sessionId, partnerIds: [foodBank, dina, rosa] });
}, 60_000);

afterAll(async () => {
  await printer.close();
  library.close();
  temp.cleanup();
});

const exportAs = async (format: string, partnerId: string | null = null) => {
  const file = value<SummaryFile>(
    await dispatchAsync(handlers, 'summary.export', {
      initiativeId: world.initiativeId,
      sessionId: world.sessionId,
      partnerId,
      format,
    }),
  );
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (format === 'docx') return new TextDecoder().decode(readZip(bytes).get('word/document.xml')!());
  if (format !== 'pdf') return bytes.toString('utf8');
  const path = join(temp.dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
};
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('apologies in the summary', () => {
  it('lists who was invited and not there, residents counted and never named', async () => {
    const { summary } = value<{ summary: SessionSummary }>(
      dispatch(handlers, 'summary.preview', { initiativeId: world.initiativeId, sessionId: world.sessionId }),
    );
    expect(summary.attendance.apologies).toEqual({
      names: ['Dina Roy (Northside Clinic)', 'Westside Food Bank'],
      livedExperience: 1,
    });
    expect(summary.attendance.present).toBe(4);
    for (const format of ['html', 'md', 'docx', 'pdf']) {
      const text = flat(await exportAs(format));
      expect(text, format).toContain('Apologies');
      expect(text, format).toContain('Westside Food Bank');
      expect(text, format).toContain('Dina Roy (Northside Clinic)');
      expect(text, format).toContain('1 person with lived experience (not named)');
      expect(text.includes(absentResident), `${format} names the absent resident`).toBe(false);
    }
  }, 60_000);
});

describe("a partner's copy", () => {
  it('says decisions were made that do not concern the partner, never that none were recorded', async () => {
    const { summary } = value<{ summary: SessionSummary }>(
      dispatch(handlers, 'summary.preview', {
        initiativeId: world.initiativeId,
        sessionId: world.sessionId,
        partnerId: world.clinicId,
      }),
    );
    expect(summary.decisions).toEqual([]);
    expect(summary.decisionsLeftOut).toBe(world.decisionTexts.length);
    expect(summary.actionsLeftOut).toBe(world.actionTexts.length - 1);
    for (const format of ['html', 'md', 'docx']) {
      const text = flat(await exportAs(format, world.clinicId));
      expect(text, format).not.toContain('No decisions were recorded');
      expect(text, format).toContain('2 other decisions were made at this session on matters that do not concern you');
      expect(text, format).toContain('2 other action items went to others and do not concern you');
      for (const decision of world.decisionTexts) expect(text, format).not.toContain(decision);
    }
    // The whole session's summary leaves nothing out, so it says nothing of the kind.
    expect(flat(await exportAs('md'))).not.toContain('do not concern you');
  });
});

describe('a finished per-partner batch', () => {
  async function finished(packaging: 'zip' | 'files'): Promise<BatchStatus> {
    const started = value<BatchStatus>(
      dispatch(handlers, 'summary.batchStart', {
        initiativeId: world.initiativeId,
        sessionId: world.sessionId,
        format: 'md',
        packaging,
      }),
    );
    for (;;) {
      const status = value<BatchStatus>(dispatch(handlers, 'summary.batchStatus', { jobId: started.jobId }));
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('says where it was saved and hands it back as one zip to download, nothing withheld in it', async () => {
    for (const packaging of ['zip', 'files'] as const) {
      const status = await finished(packaging);
      expect(status.state).toBe('done');
      expect(status.savedIn.startsWith(join(temp.dir, 'exports')), packaging).toBe(true);
      const file = value<SummaryFile>(dispatch(handlers, 'summary.batchFile', { jobId: status.jobId }));
      expect(file).toMatchObject({ mimeType: 'application/zip', savedTo: status.savedIn });
      expect(file.fileName).toBe('2026-11-23 Steering committee - partner summaries.zip');
      const entries = readZip(Buffer.from(file.contentBase64, 'base64'));
      expect([...entries.keys()].sort(), packaging).toEqual([
        '2026-11-23 Steering committee - summary - Eastside Library.md',
        '2026-11-23 Steering committee - summary - Northside Clinic.md',
      ]);
      for (const [name, read] of entries) {
        const text = new TextDecoder().decode(read());
        for (const secret of [...Object.values(planted), absentResident])
          expect(text.includes(secret), `${name} leaked ${secret}`).toBe(false);
      }
    }
  });

  it('refuses to hand back a batch that is not finished, in plain words', async () => {
    const started = value<BatchStatus>(
      dispatch(handlers, 'summary.batchStart', {
        initiativeId: world.initiativeId,
        sessionId: world.sessionId,
        format: 'md',
      }),
    );
    const early = dispatch(handlers, 'summary.batchFile', { jobId: started.jobId });
    expect(early.ok ? '' : early.error.message).toMatch(/not finished/);
    // Let it finish, so nothing writes after the test's folder is gone.
    for (;;) {
      const status = value<BatchStatus>(dispatch(handlers, 'summary.batchStatus', { jobId: started.jobId }));
      if (status.state !== 'running') return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
});
