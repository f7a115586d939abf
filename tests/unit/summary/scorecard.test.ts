import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/result';
import type { SessionSummary, SummaryFile } from '../../../src-main/contract/summary';
import { readZip } from '../../../src-main/features/exchange/zip';
import { createHandlers, dispatch, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { chromiumPdfPrinter } from '../../../src-main/host/pdf-printer';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { plantedReadings, seedMeasures } from '../../fixtures/measures-summary-world';
import { seedSummaryWorld, type SummaryWorld } from '../../fixtures/summary-world';
import { makeTempDir } from '../../fixtures/temp-dir';
import { resourcesDir } from '../contract/contract-fixture';

const temp = makeTempDir('common-ground-scorecard-');
const printer = chromiumPdfPrinter();
let library: InitiativeLibrary;
let handlers: HandlerMap;
let world: SummaryWorld;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}
const call = async <T>(channel: string, input: unknown) => value<T>(await dispatchAsync(handlers, channel, input));
const scope = () => ({ initiativeId: world.initiativeId, sessionId: world.sessionId });
const exportAs = (format: string, extra: Record<string, unknown> = {}) =>
  call<SummaryFile>('summary.export', { ...scope(), format, ...extra });
const bytesOf = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64');
const flat = (text: string) => text.replace(/\s+/g, ' ');

function pdfText(bytes: Uint8Array): string {
  const path = join(temp.dir, `check-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}
const docxXml = (bytes: Uint8Array) =>
  new TextDecoder().decode(readZip(bytes).get('word/document.xml')?.() ?? new Uint8Array());

/** The text of any summary file, decoded the way a person's program would read it. */
async function textOf(format: string, extra: Record<string, unknown> = {}): Promise<string> {
  const bytes = bytesOf(await exportAs(format, extra));
  if (format === 'pdf') return pdfText(bytes);
  if (format === 'docx') return docxXml(bytes);
  return bytes.toString('utf8');
}

function expectNoHeldBackFigure(text: string, where: string): void {
  for (const [name, figure] of Object.entries(plantedReadings))
    expect(text.includes(figure), `${where} leaked the ${name} reading`).toBe(false);
}

beforeAll(async () => {
  library = new InitiativeLibrary(join(temp.dir, 'data'), { node: '00000000000000ab', backups: false });
  handlers = createHandlers({
    library,
    resourcesDir,
    version: '0.0.0-test',
    transport: 'host',
    printPdf: printer.printPdf,
    exportDir: join(temp.dir, 'exports'),
  });
  const seed = (channel: string, input: Record<string, unknown>) =>
    Promise.resolve(value<{ id: string } & Record<string, unknown>>(dispatch(handlers, channel, input)));
  world = await seedSummaryWorld(seed);
  await seedMeasures(seed, world);
}, 60_000);

afterAll(async () => {
  await printer.close();
  library.close();
  temp.cleanup();
});

describe('the scorecard in a session summary', () => {
  it('gives each indicator its latest total, target and change, with small groups held back and counted', async () => {
    const { summary } = await call<{ summary: SessionSummary }>('summary.preview', scope());
    const [families, readiness] = summary.scorecard.indicators;
    expect(readiness).toMatchObject({
      name: 'Kindergarten readiness',
      period: '2024/25',
      total: 58.5,
      target: { period: '2025/26', value: 62 },
      changeSinceBaseline: 4.5,
      groups: [{ dimension: 'Income', category: 'High', value: 70.5, count: 494 }],
    });
    // A total of unknown size is the whole population and is shown; its group of unknown size is not.
    expect(families).toMatchObject({ name: 'Families served', total: 1234, groups: [] });
    expect(summary.scorecard.suppressed).toEqual({ smallGroup: 1, countUnknown: 1, complementary: 1 });
    expect(summary.redactions).toEqual(
      expect.arrayContaining([
        { reason: 'reading_small_group', count: 1 },
        { reason: 'reading_count_unknown', count: 1 },
        { reason: 'reading_complementary', count: 1 },
      ]),
    );
  });

  it('shows the scorecard and says what it held back in the PDF, Word, Markdown and HTML', async () => {
    for (const format of ['pdf', 'docx', 'md', 'html']) {
      const text = flat(await textOf(format));
      expect(text, format).toContain('Shared measurement scorecard');
      expect(text, format).toContain('58.5');
      expect(text, format).toContain('70.5');
      expect(text, format).toContain('1 reading for a group of fewer than 10 people is not shown.');
      expect(text, format).toContain('1 more group reading is not shown');
      expectNoHeldBackFigure(text, format);
    }
  }, 60_000);

  it('names its columns and lays the groups out in the Markdown table', async () => {
    const md = await textOf('md');
    expect(md).toContain('| Kindergarten readiness | 2024/25 | 58.5 % | 62 % (2025/26) | +4.5 since 2023/24 |');
    expect(md).toContain('| Income: High | 70.5 % | 494 |');
  });

  it('writes the scorecard as a spreadsheet: a row per figure shown, then what was held back', async () => {
    const file = await exportAs('scorecard-csv');
    expect(file.fileName).toBe('2026-11-23 Steering committee - scorecard.csv');
    const rows = bytesOf(file).toString('utf8').slice(1).split('\r\n');
    expect(rows.slice(0, 5)).toEqual([
      'Indicator,Latest period,Group,Value,People counted,Target,Change since baseline',
      'Families served,2025,Total,1234,,,',
      'Kindergarten readiness,2024/25,Total,58.5,,62 (2025/26),4.5',
      'Kindergarten readiness,2024/25,Income: High,70.5,494,,',
      '',
    ]);
    expect(rows).toContain('1 reading for a group of fewer than 10 people is not shown.');
  });

  it('gives a partner only the indicators it owns, suppression applied, and says how many others exist', async () => {
    const library = await call<{ summary: SessionSummary }>('summary.preview', {
      ...scope(),
      partnerId: world.libraryId,
    });
    expect(library.summary.scorecard.indicators.map((indicator) => indicator.name)).toEqual(['Kindergarten readiness']);
    expect(library.summary.scorecard.indicatorsLeftOut).toBe(1);
    expect(library.summary.scorecard.suppressed).toEqual({ smallGroup: 1, countUnknown: 0, complementary: 1 });
    const clinic = await call<{ summary: SessionSummary }>('summary.preview', {
      ...scope(),
      partnerId: world.clinicId,
    });
    expect(clinic.summary.scorecard.indicators.map((indicator) => indicator.name)).toEqual(['Families served']);
  });
});

// The canary: a figure only a held-back reading carries must not leave by any path partners receive.
describe('held-back readings never leave', () => {
  it('in any summary format, whole or for a partner', async () => {
    for (const format of ['html', 'md', 'docx', 'pdf', 'decisions-csv', 'actions-csv', 'ics', 'scorecard-csv'])
      for (const partnerId of [null, world.libraryId, world.clinicId])
        expectNoHeldBackFigure(await textOf(format, { partnerId }), `${format} for ${partnerId ?? 'everyone'}`);
  }, 120_000);

  it('in the per-partner zip and files', async () => {
    for (const [format, packaging] of [
      ['docx', 'zip'],
      ['md', 'files'],
      ['html', 'zip'],
    ]) {
      const { jobId } = await call<{ jobId: string }>('summary.batchStart', { ...scope(), format, packaging });
      let status = await call<{ state: string; savedTo: string[] }>('summary.batchStatus', { jobId });
      while (status.state === 'running') {
        await new Promise((resolve) => setImmediate(resolve));
        status = await call('summary.batchStatus', { jobId });
      }
      expect(status.state).toBe('done');
      const texts =
        packaging === 'zip'
          ? [...readZip(readFileSync(status.savedTo[0])).values()].map((read) =>
              format === 'docx' ? docxXml(read()) : new TextDecoder().decode(read()),
            )
          : status.savedTo.map((path) => readFileSync(path, 'utf8'));
      expect(texts).toHaveLength(2);
      expect(texts.some((text) => flat(text).includes('Kindergarten readiness'))).toBe(true);
      for (const text of texts) expectNoHeldBackFigure(text, `${format} ${packaging}`);
      // The downloadable copy of the batch is the same zip again.
      const file = await call<{ contentBase64: string }>('summary.batchFile', { jobId });
      for (const read of readZip(bytesOf(file)).values()) {
        const bytes = read();
        expectNoHeldBackFigure(format === 'docx' ? docxXml(bytes) : new TextDecoder().decode(bytes), 'batch file');
      }
    }
  }, 120_000);

  it('in the readings CSV for partners, while the backbone copy keeps them', async () => {
    const shared = await call<{ contentBase64: string; suppressed: number; alsoHidden: number }>('measures.export', {
      initiativeId: world.initiativeId,
    });
    expectNoHeldBackFigure(bytesOf(shared).toString('utf8'), 'readings CSV');
    expect(shared.suppressed).toBe(2);
    expect(shared.alsoHidden).toBe(1);
    const own = await call<{ contentBase64: string }>('measures.export', {
      initiativeId: world.initiativeId,
      shared: false,
    });
    for (const figure of Object.values(plantedReadings)) expect(bytesOf(own).toString('utf8')).toContain(figure);
  });
});
