import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MeasuresPage } from './pages/measures-page';
import { api } from './pages/meeting-page';

test('an indicator split by income gets a baseline and two periods, typed and pasted, and keeps them after a reload', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const measures = new MeasuresPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside Cradle to Career');
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Measures' })).toBeVisible();

  await measures.addDimension('Income', ['Low', 'Middle', 'High']);
  await measures.addIndicator('Kindergarten readiness');
  await measures.indicator.getByLabel('Reported every').selectOption({ label: 'School year' });
  await measures.indicator.getByRole('checkbox', { name: 'Income' }).check();
  await measures.indicator.getByLabel('Baseline period').fill('2023/24');
  await measures.indicator.getByLabel('Baseline value').fill('54');
  const addTarget = measures.indicator.getByRole('form', { name: 'Add target' });
  await addTarget.getByLabel('Target period').fill('2026/27');
  await addTarget.getByLabel('Target value').fill('65');
  await addTarget.getByLabel('Target value').press('Enter');
  await expect(measures.indicator.getByLabel('Target for 2026/27')).toHaveValue('65');
  await app.expectSaved();

  // The baseline year by keyboard: values down the first column with Enter, counts across with Tab.
  await measures.period('2023/24').click();
  await measures.value('Total').click();
  await page.keyboard.type('54');
  await page.keyboard.press('Enter');
  await expect(measures.value('Income: Low')).toBeFocused();
  await page.keyboard.type('41');
  await page.keyboard.press('Tab');
  await page.keyboard.type('120');
  await page.keyboard.press('Tab');
  await expect(measures.value('Income: Middle')).toBeFocused();
  await page.keyboard.type('55,5');
  await expect(measures.grid.getByText('1 figure missing for 2023/24.')).toBeVisible();
  await expect(measures.value('Income: High')).toHaveAttribute('placeholder', 'missing');
  await app.expectSaved();

  // The next year pasted from a spreadsheet: four rows of value and count into the first cell.
  await measures.openPeriod('2024/25');
  await expect(measures.grid.getByText('4 figures missing for 2024/25.')).toBeVisible();
  await measures.paste(measures.value('Total'), [
    ['58', '880'],
    ['44', '130'],
    ['57', '310'],
    ['71', '440'],
  ]);
  await expect(measures.count('Income: High')).toHaveValue('440');
  await expect(measures.grid.getByText('0 figures missing for 2024/25.')).toBeVisible();
  await app.expectSaved();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Measures' })).toBeVisible();
  await measures.openIndicator('Kindergarten readiness');
  await expect(measures.indicator.getByLabel('Baseline value')).toHaveValue('54');
  await expect(measures.indicator.getByLabel('Target for 2026/27')).toHaveValue('65');
  await measures.period('2024/25').click();
  await expect(measures.value('Income: Low')).toHaveValue('44');
  await expect(measures.count('Income: Middle')).toHaveValue('310');
  await measures.period('2023/24').click();
  await expect(measures.value('Total')).toHaveValue('54');
  await expect(measures.count('Income: Low')).toHaveValue('120');
  await expect(measures.value('Income: Middle')).toHaveValue('55.5');
  await expect(measures.value('Income: High')).toHaveValue('');
  await expect(measures.grid.getByText('1 figure missing for 2023/24.')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('in Arabic the Measures section reads right to left, in Arabic, and takes Arabic-Indic digits', async ({
  page,
  host,
}) => {
  const { id: initiativeId } = await api<{ id: string }>(page.request, host, 'initiatives.create', {
    name: 'Eastside',
  });
  const income = await api<{ id: string }>(page.request, host, 'measures.dimensions.create', {
    initiativeId,
    dimension: { name: 'الدخل', categories: ['منخفض', 'مرتفع'] },
  });
  await api(page.request, host, 'measures.indicators.create', {
    initiativeId,
    indicator: { name: 'الجاهزية للمدرسة', dimensionIds: [income.id], baseline: { period: '2024', value: 54 } },
  });
  await new AppPage(page).openInitiative(host.openUrl, 'Eastside');
  await page.keyboard.press('Control+7');
  await page.getByLabel('Language of the app').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'المؤشرات' })).toBeVisible();
  await page.getByRole('navigation', { name: 'المؤشرات' }).getByRole('button', { name: 'الجاهزية للمدرسة' }).click();
  const grid = page.getByRole('region', { name: 'القراءات' });
  await grid.getByRole('button', { name: '2024' }).click();
  const total = grid.getByLabel('القيمة، المجموع', { exact: true });
  await total.fill('٥٤٫٥');
  await expect(grid.getByText('تنقص قيمتان في 2024.')).toBeVisible();
  // Mirrored: the list of indicators sits on the right, the grid on the left.
  const width = page.viewportSize()?.width ?? 1280;
  const list = await page.getByRole('navigation', { name: 'المؤشرات' }).boundingBox();
  expect((list?.x ?? 0) + (list?.width ?? 0) / 2).toBeGreaterThan(width / 2);
  await expect(page.getByTestId('save-status')).toHaveText(/حُفظت كل التغييرات/);
  await page.reload();
  await page.getByRole('navigation', { name: 'المؤشرات' }).getByRole('button', { name: 'الجاهزية للمدرسة' }).click();
  await grid.getByRole('button', { name: '2024' }).click();
  await expect(total).toHaveValue('54.5');
});

test('a readings file with one bad row is refused whole; fixed, it imports, and the export for partners leaves the small group out', async ({
  page,
  host,
}) => {
  const { id: initiativeId } = await api<{ id: string }>(page.request, host, 'initiatives.create', {
    name: 'Eastside',
  });
  const income = await api<{ id: string }>(page.request, host, 'measures.dimensions.create', {
    initiativeId,
    dimension: { name: 'Income', categories: ['Low', 'High'] },
  });
  await api(page.request, host, 'measures.indicators.create', {
    initiativeId,
    indicator: { name: 'Kindergarten readiness', dimensionIds: [income.id] },
  });
  const measures = new MeasuresPage(page);
  await new AppPage(page).openInitiative(host.openUrl, 'Eastside');
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Measures' })).toBeVisible();
  const files = page.getByRole('region', { name: 'Readings as CSV' });
  const rows = [
    'Kindergarten readiness,2025,,58,900',
    'Kindergarten readiness,2025,Low,31,7',
    'Kindergarten readiness,2025,High,71,400',
  ];
  const csv = (lines: string[]) => ({
    name: 'readings.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Indicator,Period,Income,Value,Count', ...lines].join('\n')),
  });

  await files
    .getByLabel('CSV file to import')
    .setInputFiles(csv([...rows, 'Kindergarten readiness,2025,Middle,50,60']));
  await expect(files.getByText('1 problem in this file, so nothing will be imported:')).toBeVisible();
  await expect(files.getByText('line 5: Income has no category "Middle".')).toBeVisible();
  await expect(files.getByRole('button', { name: /^Import/ })).toHaveCount(0);

  await files.getByLabel('CSV file to import').setInputFiles(csv(rows));
  await expect(files.getByRole('table', { name: 'First rows of the file' })).toContainText('71');
  await files.getByRole('button', { name: 'Import 3 readings' }).click();
  await expect(files.getByText('3 readings imported.')).toBeVisible();

  await measures.openIndicator('Kindergarten readiness');
  await measures.period('2025').click();
  await expect(measures.value('Income: Low')).toHaveValue('31');

  const download = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Export for partners' }).click();
  const exported = await (await download).path();
  // Low counts 7 children; High alone beside the total would give Low away, so it goes too.
  await expect(
    files.getByText(
      'Exported. 1 small-group reading was left out. 1 more reading was left out so that a small group cannot be worked out from the total.',
    ),
  ).toBeVisible();
  const text = readFileSync(exported, 'utf8');
  expect(text).toContain('58');
  expect(text).not.toMatch(/Low|High|31|71/);
});
