import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionSummary, type SummaryFile } from '../../../src-main/contract/summary';
import type { Result } from '../../../src-main/contract/result';
import { createHandlers, dispatch, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { readZip } from '../../../src-main/features/exchange/zip';
import { chromiumPdfPrinter } from '../../../src-main/host/pdf-printer';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { planted, seedSummaryWorld, type SummaryWorld } from '../../fixtures/summary-world';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

const temp = makeTempDir('common-ground-summary-');
const exportDir = join(temp.dir, 'exports');
const printer = chromiumPdfPrinter();
let library: InitiativeLibrary;
let handlers: HandlerMap;
let world: SummaryWorld;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
const call = async (channel: string, input: unknown) => value<never>(await dispatchAsync(handlers, channel, input));
const exportAs = (format: string, extra: Record<string, unknown> = {}) =>
  call('summary.export', {
    initiativeId: world.initiativeId,
    sessionId: world.sessionId,
    format,
    ...extra,
  }) as Promise<SummaryFile>;
const bytesOf = (file: SummaryFile) => Buffer.from(file.contentBase64, 'base64');

function pdfText(bytes: Uint8Array): string {
  const path = join(temp.dir, `check-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}
const docxXml = (bytes: Uint8Array) => new TextDecoder().decode(readZip(bytes).get('word/document.xml')!());

beforeAll(async () => {
  library = new InitiativeLibrary(join(temp.dir, 'data'), { node: '00000000000000aa', backups: false });
  handlers = createHandlers({
    library,
    resourcesDir,
    version: '0.0.0-test',
    transport: 'host',
    printPdf: printer.printPdf,
    exportDir,
  });
  world = await seedSummaryWorld((channel, input) => Promise.resolve(value(dispatch(handlers, channel, input))));
}, 60_000);

afterAll(async () => {
  await printer.close();
  library.close();
  temp.cleanup();
});

function expectNothingPlanted(text: string, label: string): void {
  for (const [name, secret] of Object.entries(planted))
    expect(text.includes(secret), `${label} leaked ${name}`).toBe(false);
}

describe('the session summary', () => {
  it('keeps what partners need and applies consent once, with a redaction list', async () => {
    const { summary } = (await call('summary.preview', {
      initiativeId: world.initiativeId,
      sessionId: world.sessionId,
    })) as {
      summary: SessionSummary;
    };
    expect(summary.session.title).toBe('Steering committee');
    expect(summary.attendance).toMatchObject({ present: 4, livedExperience: 1 });
    expect(summary.attendance.organisations.map((org) => [org.name, org.people])).toEqual([
      ['Eastside Library', 1],
      ['Northside Clinic', 2],
    ]);
    expect(summary.attendance.named).toEqual([{ name: 'Ben Okafor', organisation: 'Northside Clinic' }]);
    expect(summary.decisions.map((decision) => decision.text)).toEqual(world.decisionTexts);
    // The anonymous quote stays, without its pseudonym; the internal and withdrawn notes go.
    expect(summary.decisions[0].voices).toEqual([
      { kind: 'quote', text: 'The bus stops at six, so evening meetings are out for us.', pseudonym: null },
    ]);
    expect(summary.decisions[1].voices[0].pseudonym).toBe('Maribel');
    expect(summary.decisions[1].tally).toMatchObject({ for: 9, against: 2, abstain: 1 });
    expect(summary.actions.map((action) => [action.owner, action.dueDate])).toEqual([
      ['Eastside Library', '2026-12-01'],
      ['', '2026-12-02'],
      ['Ben Okafor (Northside Clinic)', '2026-12-03'],
    ]);
    expect(summary.parking).toEqual([{ text: 'A youth council seat', movedTo: '' }]);
    expect(summary.nextSession?.title).toBe('December steering committee');
    expect(Object.fromEntries(summary.redactions.map((entry) => [entry.reason, entry.count]))).toEqual({
      voice_internal: 1,
      voice_withdrawn: 1,
      voice_pseudonym: 1,
      lived_experience_unnamed: 2,
      private_contact: 2,
    });
    expectNothingPlanted(JSON.stringify(summary), 'the preview');
  });

  it('exports every format with a sensible name, written whole into the export folder', async () => {
    const names: Record<string, string> = {};
    for (const format of ['html', 'md', 'decisions-csv', 'actions-csv', 'ics', 'docx', 'pdf']) {
      const file = await exportAs(format);
      names[format] = file.fileName;
      expect(readFileSync(file.savedTo)).toEqual(bytesOf(file));
    }
    expect(names.pdf).toBe('2026-11-23 Steering committee - summary.pdf');
    expect(names['decisions-csv']).toBe('2026-11-23 Steering committee - decisions.csv');
    expect(names.ics).toBe('2026-11-23 Steering committee - calendar.ics');
    expect(readdirSync(exportDir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('puts the decisions and actions in the PDF, DOCX, Markdown, CSV and ICS, and nothing withheld', async () => {
    const texts: Record<string, string> = {
      pdf: pdfText(bytesOf(await exportAs('pdf'))),
      docx: docxXml(bytesOf(await exportAs('docx'))),
      md: bytesOf(await exportAs('md')).toString('utf8'),
      html: bytesOf(await exportAs('html')).toString('utf8'),
      decisions: bytesOf(await exportAs('decisions-csv')).toString('utf8'),
      actions: bytesOf(await exportAs('actions-csv')).toString('utf8'),
      ics: bytesOf(await exportAs('ics')).toString('utf8'),
    };
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    for (const format of ['pdf', 'docx', 'md', 'html', 'decisions'])
      for (const decision of world.decisionTexts) expect(flat(texts[format]), format).toContain(decision);
    for (const format of ['pdf', 'docx', 'md', 'html', 'actions'])
      for (const action of world.actionTexts) expect(flat(texts[format]), format).toContain(action);
    expect(texts.md).toContain('9 for, 2 against, 1 abstaining');
    expect(texts.ics).toContain('DTSTART;VALUE=DATE:20261201');
    expect(texts.ics).toContain('SUMMARY:December steering committee');
    expect(texts.ics).toContain('DTSTART:20261214T180000');
    for (const [format, text] of Object.entries(texts)) expectNothingPlanted(text, format);
  }, 60_000);

  it('writes an Arabic summary right to left, in Arabic, with its date through Intl', async () => {
    const html = bytesOf(await exportAs('html', { language: 'ar' })).toString('utf8');
    const day = new Intl.DateTimeFormat('ar', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
    expect(html).toContain(day.format(Date.UTC(2026, 10, 23, 18, 0)));
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('ملخص الجلسة');
    const docx = docxXml(bytesOf(await exportAs('docx', { language: 'ar' })));
    expect(docx).toContain('<w:bidi/>');
    expect(docx).toContain('<w:rtl/>');
    const pdf = pdfText(bytesOf(await exportAs('pdf', { language: 'ar' })));
    expect(pdf).toContain('القرارات');
    expect((await exportAs('pdf', { language: 'ar' })).fileName).toBe('2026-11-23 Steering committee - ملخص.pdf');
  }, 60_000);

  it('gives a partner only what concerns them and their groups', async () => {
    const preview = async (partnerId: string) =>
      (
        (await call('summary.preview', {
          initiativeId: world.initiativeId,
          sessionId: world.sessionId,
          partnerId,
        })) as {
          summary: SessionSummary;
        }
      ).summary;
    // The clinic is in no group of the session; its person owns one action and presented nothing.
    const clinic = await preview(world.clinicId);
    expect(clinic.partner?.name).toBe('Northside Clinic');
    expect(clinic.actions.map((action) => action.text)).toEqual(['Share clinic hours']);
    expect(clinic.decisions).toEqual([]);
    const library = await preview(world.libraryId);
    expect(library.decisions.map((decision) => decision.text)).toEqual(world.decisionTexts);
  });

  it('a failed export says why in plain words and leaves no file, half or whole', async () => {
    const blocked = join(temp.dir, 'blocked');
    writeFileSync(blocked, 'a file where the export folder should be');
    const failing = createHandlers({
      library,
      resourcesDir,
      version: '0',
      transport: 'host',
      exportDir: join(blocked, 'inner'),
    });
    const result = await dispatchAsync(failing, 'summary.export', {
      initiativeId: world.initiativeId,
      sessionId: world.sessionId,
      format: 'md',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('export_failed');
      expect(result.error.message).toMatch(/not saved: the export folder is not a folder/);
    }
    const noPrinter = await dispatchAsync(failing, 'summary.export', {
      initiativeId: world.initiativeId,
      sessionId: world.sessionId,
      format: 'pdf',
    });
    expect(noPrinter.ok ? '' : noPrinter.error.message).toMatch(/PDF printing is not available/);
  });
});

describe('per-partner summaries', () => {
  const start = (extra: Record<string, unknown>) =>
    call('summary.batchStart', { initiativeId: world.initiativeId, sessionId: world.sessionId, ...extra }) as Promise<{
      jobId: string;
      total: number;
    }>;
  async function settle(jobId: string) {
    for (;;) {
      const status = (await call('summary.batchStatus', { jobId })) as {
        state: string;
        savedTo: string[];
        done: number;
        total: number;
      };
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('zips one DOCX per partner who attended or owns an action, people with lived experience left out', async () => {
    const job = await start({ format: 'docx', packaging: 'zip' });
    const status = await settle(job.jobId);
    expect(status).toMatchObject({ state: 'done', done: 2, total: 2 });
    expect(status.savedTo.map((path) => path.split('/').pop())).toEqual([
      '2026-11-23 Steering committee - partner summaries.zip',
    ]);
    const entries = readZip(readFileSync(status.savedTo[0]));
    expect([...entries.keys()].sort()).toEqual([
      '2026-11-23 Steering committee - summary - Eastside Library.docx',
      '2026-11-23 Steering committee - summary - Northside Clinic.docx',
    ]);
    for (const [name, read] of entries) expectNothingPlanted(docxXml(read()), name);
  });

  it('writes one file per partner into a folder', async () => {
    const status = await settle((await start({ format: 'md', packaging: 'files' })).jobId);
    expect(status.state).toBe('done');
    expect(status.savedTo).toHaveLength(2);
    for (const path of status.savedTo) expect(existsSync(path)).toBe(true);
  });

  it('a cancelled export stops and leaves nothing behind', async () => {
    const folder = join(temp.dir, 'cancel');
    mkdirSync(folder);
    const own = createHandlers({
      library,
      resourcesDir,
      version: '0',
      transport: 'host',
      exportDir: folder,
      printPdf: printer.printPdf,
    });
    const started = value<{ jobId: string }>(
      await dispatchAsync(own, 'summary.batchStart', {
        initiativeId: world.initiativeId,
        sessionId: world.sessionId,
        format: 'pdf',
      }),
    );
    const cancelled = value<{ state: string }>(
      await dispatchAsync(own, 'summary.batchCancel', { jobId: started.jobId }),
    );
    expect(cancelled.state).toBe('running');
    let state = 'running';
    while (state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = value<{ state: string }>(await dispatchAsync(own, 'summary.batchStatus', { jobId: started.jobId })).state;
    }
    expect(state).toBe('cancelled');
    expect(readdirSync(folder)).toEqual([]);
  });
});
