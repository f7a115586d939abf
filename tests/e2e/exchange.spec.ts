import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { PartnersPage } from './pages/partners-page';

async function kumuWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const elements = workbook.addWorksheet('Elements');
  elements.addRows([
    ['Label', 'Type', 'Description', 'Tags'],
    ['Bayview Food Bank', 'Nonprofit', 'Weekly pantry', 'food|youth'],
    ['Bayview Schools', 'Education', '', 'youth'],
    ['Lena Ortiz', 'Person', 'Parent leader', ''],
  ]);
  const connections = workbook.addWorksheet('Connections');
  connections.addRows([
    ['From', 'To', 'Type', 'Strength'],
    ['Bayview Food Bank', 'Bayview Schools', 'refers to', 3],
  ]);
  workbook.addWorksheet('Notes (ignore)').addRow(['anything at all']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a malformed CSV shows row errors and changes nothing; a fixed one imports after a mapping change', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Harbour / Health');
  await partners.tab('Import and export').click();
  const file = page.getByLabel('File');
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Influence\nA,9\n') });
  await expect(page.getByText('Problems to fix first')).toBeVisible();
  await expect(page.getByText('line 2')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await partners.tab('Partners').click();
  await expect(page.getByText('No partners yet.')).toBeVisible();

  await partners.tab('Import and export').click();
  await file.setInputFiles({
    name: 'good.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Who,Sector,Contact\nHarbour Clinic,Health,c@example.org\nAna,community,\n'),
  });
  await expect(page.getByText(/No column gives the partner name/)).toBeVisible();
  await page.getByLabel('Partner field for Who').selectOption('name');
  await expect(page.getByText('2 partners and 0 relationships in this file.')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Partners added: 2/)).toBeVisible();

  await page.getByRole('region', { name: 'Import and export' }).getByLabel('Format').last().selectOption('kumu-xlsx');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Harbour _ Health - partners.xlsx');
  expect(
    readFileSync(await saved.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  await partners.tab('Partners').click();
  await expect(partners.row('Harbour Clinic')).toBeVisible();
});

test('a Kumu workbook brings partners and their relationships, skipping (ignore) sheets', async ({ page, host }) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Bayview Youth');
  await partners.tab('Import and export').click();
  await page.getByLabel('File').setInputFiles({
    name: 'bayview.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await kumuWorkbook(),
  });
  await expect(page.getByText('3 partners and 1 relationship in this file.')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Partners added: 3/)).toBeVisible();

  await partners.tab('Partners').click();
  await expect(partners.row('Lena Ortiz')).toContainText('Person');
  await partners.open('Bayview Food Bank');
  await expect(partners.details.getByText('refers to Bayview Schools')).toBeVisible();
});

test('choosing the corrected file again under the same name reads it afresh', async ({ page, host, dataDir }) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Riverside Health');
  await partners.tab('Import and export').click();
  // A real path, as a person picks it: Chromium fires no change for the same path unless the app
  // let go of the previous choice.
  const path = join(dataDir, 'partners.csv');
  writeFileSync(path, 'Name,Influence\nRiverside Clinic,9\n');
  const file = page.getByLabel('File');
  await file.setInputFiles(path);
  await expect(page.getByText('Problems to fix first')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  writeFileSync(path, 'Name,Influence\nRiverside Clinic,4\n');
  await file.setInputFiles(path);
  await expect(page.getByText('Problems to fix first')).toBeHidden();
  await expect(page.getByText('1 partner and 0 relationships in this file.')).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Partners added: 1/)).toBeVisible();
});

test('a CSV with a repeated name, an unknown sector and a bad email imports, with a note per row', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Riverside Health');
  await partners.tab('Import and export').click();
  await page.getByLabel('File').setInputFiles({
    name: 'partners.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Name,Sector,Email\nHarbour Clinic,health,clinic@example.org\nHarbour Clinic,Helth,clinic.example.org\n',
    ),
  });
  const notes = page.locator('.notice', { has: page.getByRole('heading', { name: 'Good to know' }) });
  await expect(notes.getByRole('listitem')).toHaveText([
    /^Line 3.*“clinic\.example\.org” does not look like an email address/,
    /^Line 3.*Another row \(Line 2\) is also named “Harbour Clinic”/,
    /^Line 3.*“Helth” is not one of the listed sectors/,
  ]);
  await expect(page.getByText('Problems to fix first')).toBeHidden();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Partners added: 2/)).toBeVisible();
});
