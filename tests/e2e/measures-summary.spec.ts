import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plantedReadings, seedMeasures } from '../fixtures/measures-summary-world';
import { seedSummaryWorld } from '../fixtures/summary-world';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api } from './pages/meeting-page';
import { SummaryPage } from './pages/summary-page';

function pdfText(bytes: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cg-pdf-')), 'summary.pdf');
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function expectNoHeldBackFigure(text: string, what: string): void {
  for (const [name, figure] of Object.entries(plantedReadings))
    expect(text.includes(figure), `${what} leaked the ${name} reading`).toBe(false);
}

test('a session summary carries the scorecard: the total shown, a small group left out, and says so', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const seed = (channel: string, input: Record<string, unknown>) =>
    api<{ id: string } & Record<string, unknown>>(page.request, host, channel, input);
  const world = await seedSummaryWorld(seed);
  await seedMeasures(seed, world);

  await new AppPage(page).openInitiative(host.openUrl);
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  const summary = new SummaryPage(page);
  await summary.openFor('Steering committee');

  const scorecard = summary.preview.locator('.scorecard');
  await expect(scorecard.getByRole('heading', { name: 'Shared measurement scorecard' })).toBeVisible();
  await expect(scorecard.getByRole('row', { name: /Kindergarten readiness/ })).toContainText('58.5 %');
  await expect(scorecard.getByRole('row', { name: /Income: High/ })).toContainText('70.5 %');
  await expect(scorecard.getByRole('row', { name: /Income: Low/ })).toHaveCount(0);
  await expect(scorecard).toContainText('1 reading for a group of fewer than 10 people is not shown.');
  await expect(summary.redactions).toContainText('1 reading for a small group is not shown');
  expectNoHeldBackFigure(await summary.panel.innerText(), 'the preview');

  const pdf = pdfText((await summary.export('PDF')).bytes);
  const markdown = (await summary.export('Markdown')).bytes.toString('utf8');
  const csv = await summary.export('Scorecard (CSV)');
  expect(csv.name).toBe('2026-11-23 Steering committee - scorecard.csv');
  const rows = csv.bytes.toString('utf8');
  expect(rows).toContain('Kindergarten readiness,2024/25,Total,58.5');
  expect(rows).toContain('1 reading for a group of fewer than 10 people is not shown.');
  expectNoHeldBackFigure(rows, 'the scorecard CSV');
  for (const [what, text] of [
    ['PDF', pdf],
    ['Markdown', markdown],
  ]) {
    expect(text, what).toContain('Kindergarten readiness');
    expect(text, what).toContain('58.5 %');
    expect(text, what).not.toContain('Income: Low');
    expect(text, what).toContain('1 reading for a group of fewer than 10 people is not shown.');
    expectNoHeldBackFigure(text, what);
  }
});
