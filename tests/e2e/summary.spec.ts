import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../../src-main/features/exchange/zip';
import { planted, seedSummaryWorld, type SummaryWorld } from '../fixtures/summary-world';
import { expect, test } from './fixtures';
import type { HostProcess } from './host-process';
import { api } from './pages/meeting-page';
import { AppPage } from './pages/app-page';
import { SummaryPage } from './pages/summary-page';
import type { Page } from '@playwright/test';

/** The steering committee, seeded through the host, then run and closed as a facilitator would. */
async function runSession(page: Page, host: HostProcess): Promise<SummaryWorld> {
  const world = await seedSummaryWorld((channel, input) => api(page.request, host, channel, input));
  await api(page.request, host, 'meeting.start', { initiativeId: world.initiativeId, sessionId: world.sessionId });
  await api(page.request, host, 'meeting.close', { initiativeId: world.initiativeId, sessionId: world.sessionId });
  return world;
}

function pdfText(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cg-pdf-')), 'summary.pdf');
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const documentXml = (bytes: Buffer) => new TextDecoder().decode(readZip(bytes).get('word/document.xml')!());

function expectNothingWithheld(text: string, what: string): void {
  for (const [name, secret] of Object.entries(planted))
    expect(text.includes(secret), `${what} leaked ${name}`).toBe(false);
}

test('an organiser previews a session summary and exports it as PDF, DOCX, Markdown, CSV and ICS, consent applied', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const world = await runSession(page, host);
  const summary = new SummaryPage(page);
  await page.goto(host.openUrl);
  await expect(page.locator('.topbar__initiative')).toHaveText('Eastside Cradle to Career');
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await summary.openFor('Steering committee');

  await expect(summary.preview).toContainText(world.decisionTexts[0]);
  await expect(summary.preview).toContainText('The bus stops at six');
  await expect(summary.redactions).toContainText('1 cited voice note is internal only');
  await expect(summary.redactions).toContainText('2 people with lived experience are counted, not named');
  expectNothingWithheld(await summary.panel.innerText(), 'the preview');

  const pdf = await summary.export('PDF');
  expect(pdf.name).toBe('2026-11-23 Steering committee - summary.pdf');
  const pdfWords = pdfText(pdf.bytes);
  const docx = documentXml((await summary.export('Word (DOCX)')).bytes);
  const markdown = (await summary.export('Markdown')).bytes.toString('utf8');
  const decisions = await summary.export('Decisions (CSV)');
  const actions = await summary.export('Actions (CSV)');
  const calendar = await summary.export('Calendar (ICS)');
  expect(decisions.name).toBe('2026-11-23 Steering committee - decisions.csv');
  expect(calendar.name).toBe('2026-11-23 Steering committee - calendar.ics');

  for (const [what, text] of [
    ['PDF', pdfWords],
    ['DOCX', docx],
    ['Markdown', markdown],
    ['decisions CSV', decisions.bytes.toString('utf8')],
  ])
    for (const decision of world.decisionTexts) expect(text, what).toContain(decision);
  for (const [what, text] of [
    ['PDF', pdfWords],
    ['DOCX', docx],
    ['Markdown', markdown],
    ['actions CSV', actions.bytes.toString('utf8')],
  ])
    for (const action of world.actionTexts) expect(text, what).toContain(action);
  expect(calendar.bytes.toString('utf8')).toContain('SUMMARY:Due: Book the library room for 4 pm');
  for (const [what, file] of [
    ['PDF', pdfWords],
    ['DOCX', docx],
    ['Markdown', markdown],
    ['decisions CSV', decisions.bytes.toString('utf8')],
    ['actions CSV', actions.bytes.toString('utf8')],
    ['ICS', calendar.bytes.toString('utf8')],
  ])
    expectNothingWithheld(file, what);

  // The same summary in Arabic: the preview turns right to left and the exported PDF is in Arabic.
  await summary.chooseLanguage('العربية');
  await expect(summary.preview).toHaveAttribute('dir', 'rtl');
  await expect(summary.preview).toContainText('القرارات');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const arabicPdf = await summary.export('PDF');
  expect(arabicPdf.name).toBe('2026-11-23 Steering committee - ملخص.pdf');
  const arabicWords = pdfText(arabicPdf.bytes);
  expect(arabicWords).toContain('القرارات');
  expect(arabicWords).toContain(world.decisionTexts[1]);
  const arabicHtml = (await summary.export('Web page (HTML)')).bytes.toString('utf8');
  expect(arabicHtml).toContain('<html lang="ar" dir="rtl">');
  expectNothingWithheld(arabicWords + arabicHtml, 'the Arabic summary');
});

test('per-partner summaries download as one zip and the panel says where it was saved', async ({
  page,
  host,
  dataDir,
}) => {
  test.setTimeout(120_000);
  await runSession(page, host);
  const summary = new SummaryPage(page);
  await new AppPage(page).openInitiative(host.openUrl);
  await page.keyboard.press('Control+4');
  await summary.openFor('Steering committee');
  // The clinic was at the table but no decision concerned it: its copy says so instead of "none".
  await summary.panel.getByLabel('For', { exact: true }).selectOption({ label: 'Northside Clinic' });
  await expect(summary.preview).toContainText('2 other decisions were made at this session');
  await expect(summary.preview).not.toContainText('No decisions were recorded');

  const zip = await summary.exportForEveryPartner('Markdown');
  expect(zip.name).toBe('2026-11-23 Steering committee - partner summaries.zip');
  const entries = readZip(zip.bytes);
  expect([...entries.keys()].sort()).toEqual([
    '2026-11-23 Steering committee - summary - Eastside Library.md',
    '2026-11-23 Steering committee - summary - Northside Clinic.md',
  ]);
  for (const [name, read] of entries) expectNothingWithheld(new TextDecoder().decode(read()), name);
  await expect(summary.batchSavedIn).toContainText(dataDir);
  await expect(summary.batchSavedIn).toContainText('partner summaries.zip');
});
