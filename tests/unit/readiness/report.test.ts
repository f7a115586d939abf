import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../src-main/contract/exchange';
import { readZip } from '../../../src-main/features/exchange/zip';
import { dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { chromiumPdfPrinter } from '../../../src-main/host/pdf-printer';
import type { InitiativeLibrary } from '../../../src-main/store/library';
import { builtinInstruments, selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import { created, openExportHandlers, value } from '../../fixtures/export-handlers';
import { makeTempDir } from '../../fixtures/temp-dir';

const temp = makeTempDir('common-ground-readiness-report-');
const printer = chromiumPdfPrinter();
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId = '';
let roundId = '';
const [definition, vision] = builtinInstruments[1].sections[0].items;

beforeAll(async () => {
  ({ library, handlers } = openExportHandlers(temp.dir, { printPdf: printer.printPdf }));
  initiativeId = created(handlers, 'initiatives.create', { name: 'Eastside Cradle to Career' }).id;
  roundId = created(handlers, 'readiness.rounds.create', {
    initiativeId,
    round: { instrumentId: selfAssessmentId, title: 'Spring check', heldOn: '2026-03-10' },
  }).id;
  // Three residents and three agencies on the definition; only two residents on the vision.
  for (let i = 0; i < 6; i++) {
    const lived = i < 3;
    const answers: Record<string, { level: number; importance: number }> = {
      [definition.id]: { level: lived ? 1 : 3, importance: 5 },
    };
    if (!lived || i < 2) answers[vision.id] = { level: 2, importance: 4 };
    value(
      await dispatchAsync(handlers, 'readiness.sheets.save', {
        initiativeId,
        roundId,
        sheet: { sector: lived ? 'community' : 'health', livedExperience: lived, answers },
      }),
    );
  }
});

afterAll(async () => {
  await printer.close();
  library.close();
  temp.cleanup();
});

async function report(format: 'pdf' | 'docx', locale: string): Promise<ExportFile> {
  return value<ExportFile>(
    await dispatchAsync(handlers, 'readiness.report', { initiativeId, roundId, format, locale }),
  );
}

describe('the readiness report', () => {
  it('as Word, in French: the gap, and the small group named as not shown apart', async () => {
    const file = await report('docx', 'fr');
    expect(file.fileName).toBe('preparation-2026-03-10-Spring-check.docx');
    const xml = new TextDecoder().decode(
      readZip(Buffer.from(file.contentBase64, 'base64')).get('word/document.xml')!(),
    );
    expect(xml).toContain(definition.text.fr);
    expect(xml).toContain('Importance face à ce qui est fait (sur 5)');
    expect(xml).toContain('Non montré à part : moins de trois personnes dans l’un des groupes.');
    // Residents 1,0 against agencies 3,0 on the definition, written the French way.
    expect(xml).toContain('-2,0');
  });

  it('as PDF, printed by Chromium, with the items and figures in its text', async () => {
    const file = await report('pdf', 'en');
    const path = join(temp.dir, 'report.pdf');
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Readiness report: Self-assessment of the five conditions');
    expect(text).toContain(definition.text.en);
    expect(text).toContain('Where residents and agencies see it differently');
  }, 60_000);
});
