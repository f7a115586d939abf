import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SummaryFile } from '../../../src-main/contract/summary';
import { dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import { chromiumPdfPrinter } from '../../../src-main/host/pdf-printer';
import type { InitiativeLibrary } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';
import { created, openExportHandlers, value } from '../../fixtures/export-handlers';

/**
 * An Arabic summary's PDF must be searchable and copyable: its text layer, read back by pdftotext,
 * holds the sentence in reading order with ordinary Arabic letters. The decision has the lam-alef
 * ligature (لا in الاجتماعات), which came out reversed when the PDF carried presentation forms.
 */
const decision = 'نقل الاجتماعات إلى الساعة الرابعة مساء كل خميس';
const action = 'إبلاغ الأهالي بالموعد الجديد';

const temp = makeTempDir('common-ground-arabic-pdf-');
const printer = chromiumPdfPrinter();
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId = '';
let sessionId = '';

const call = (channel: string, input: Record<string, unknown>) => created(handlers, channel, input);

beforeAll(() => {
  ({ library, handlers } = openExportHandlers(temp.dir, { printPdf: printer.printPdf }));
  initiativeId = call('initiatives.create', { name: 'مبادرة الحي الشرقي' }).id;
  sessionId = call('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'طاولة الربيع', startsAt: '2026-04-02T18:00' },
  }).id;
  call('decisions.record', { initiativeId, decision: { sessionId, text: decision, method: 'consensus' } });
  call('actions.add', { initiativeId, action: { text: action, sessionId } });
});

afterAll(async () => {
  await printer.close();
  library.close();
  temp.cleanup();
});

describe('an Arabic summary as PDF', () => {
  it('carries its text in reading order, in ordinary Arabic letters', async () => {
    const file = value<SummaryFile>(
      await dispatchAsync(handlers, 'summary.export', { initiativeId, sessionId, format: 'pdf', language: 'ar' }),
    );
    const path = join(temp.dir, 'summary.pdf');
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    // pdftotext wraps right-to-left runs in embedding marks; they are not part of the words.
    const text = raw.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ');
    expect(text).toContain(decision);
    expect(text).toContain(action);
    // No presentation forms: what a reader copies is what was typed.
    expect(raw).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
  }, 60_000);
});
