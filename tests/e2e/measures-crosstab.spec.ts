import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MeasuresPage } from './pages/measures-page';
import { measuresInitiative } from './pages/measures-setup';

test('the grid takes readings split two ways at once, shows which cells are missing, and keeps them', async ({
  page,
  host,
}) => {
  const setup = await measuresInitiative(page.request, host);
  const income = await setup.dimension('Income', ['Low', 'High']);
  const area = await setup.dimension('Area', ['North', 'South']);
  const indicator = await setup.indicator({
    name: 'Kindergarten readiness',
    reportingPeriod: 'year',
    dimensionIds: [income.id, area.id],
    baseline: { period: '2025', value: 50 },
  });
  // One cell came in earlier from a CSV; the grid must show it in its place.
  await setup.readings(indicator.id, [
    { period: '2025', categoryIds: [area.categories[0].id, income.categories[0].id], value: 38, count: 90 },
  ]);

  const measures = new MeasuresPage(page);
  await new AppPage(page).openInitiative(host.openUrl);
  await page.keyboard.press('Control+5');
  await measures.openIndicator('Kindergarten readiness');
  await measures.period('2025').click();
  await measures.grid.getByLabel('Groups in the grid').selectOption({ label: 'Income × Area, together' });

  const table = measures.table('2025');
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(measures.value('Income: Low · Area: North')).toHaveValue('38');
  await expect(measures.grid.getByText('3 figures missing for 2025.')).toBeVisible();
  await expect(measures.value('Income: High · Area: South')).toHaveAttribute('placeholder', 'missing');

  // Typed, then the rest pasted as a block, down the rows from the cell pasted into.
  await measures.value('Income: Low · Area: South').fill('41');
  await measures.count('Income: Low · Area: South').fill('80');
  await measures.paste(measures.value('Income: High · Area: North'), [
    ['63', '120'],
    ['58', '110'],
  ]);
  await expect(measures.grid.getByText('0 figures missing for 2025.')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  const stored = await setup.call<{ categoryIds: string[]; value: number }[]>('measures.readings.list', {
    indicatorId: indicator.id,
  });
  expect(
    stored
      .filter((reading) => reading.categoryIds.length === 2)
      .map((reading) => reading.value)
      .sort(),
  ).toEqual([38, 41, 58, 63]);

  // Back to one dimension at a time: the one-way rows, untouched by the cross-tab.
  await measures.grid.getByLabel('Groups in the grid').selectOption({ label: 'Each dimension on its own' });
  await expect(measures.value('Income: Low')).toHaveValue('');
  await expect(measures.grid.getByText('5 figures missing for 2025.')).toBeVisible();
});
