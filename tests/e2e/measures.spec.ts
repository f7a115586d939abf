import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MeasuresPage } from './pages/measures-page';

test('an indicator split by income gets a baseline and two periods, typed and pasted, and keeps them after a reload', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const measures = new MeasuresPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside Cradle to Career');
  await page.keyboard.press('Control+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Measures' })).toBeVisible();

  await measures.addDimension('Income', ['Low', 'Middle', 'High']);
  await measures.addIndicator('Kindergarten readiness');
  await measures.indicator.getByLabel('Reported every').selectOption({ label: 'School year' });
  await measures.indicator.getByRole('checkbox', { name: 'Income' }).check();
  await measures.indicator.getByLabel('Baseline period').fill('2023/24');
  await measures.indicator.getByLabel('Baseline value').fill('54');
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
  await measures.period('2024/25').click();
  await expect(measures.value('Income: Low')).toHaveValue('44');
  await expect(measures.count('Income: Middle')).toHaveValue('310');
  await measures.period('2023/24').click();
  await expect(measures.value('Total')).toHaveValue('54');
  await expect(measures.count('Income: Low')).toHaveValue('120');
  await expect(measures.value('Income: Middle')).toHaveValue('55.5');
  await expect(measures.value('Income: High')).toHaveValue('');
  await expect(measures.grid.getByText('1 figure missing for 2023/24.')).toBeVisible();
});
