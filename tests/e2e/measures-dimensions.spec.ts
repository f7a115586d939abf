import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { incomeReadings } from './pages/measures-setup';

test('a facilitator renames a dimension and its categories, and deletes one after being told what it hides', async ({
  page,
  host,
}) => {
  const { call, indicatorId } = await incomeReadings(page.request, host);

  const app = new AppPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+5');
  const dimension = page.getByRole('group', { name: 'Income', exact: true });

  // Renamed in place, saved when Enter is pressed.
  const lowName = page.getByLabel('Name of “Low”');
  await lowName.fill('Low income');
  await lowName.press('Enter');
  await expect(page.getByLabel('Name of “Low income”')).toBeVisible();
  const dimensionName = page.getByLabel('Name of “Income”');
  await dimensionName.fill('Household income');
  await dimensionName.press('Enter');
  await app.expectSaved();
  const householdIncome = page.getByRole('group', { name: 'Household income' });
  await expect(householdIncome).toBeVisible();
  await expect(dimension).toHaveCount(0);

  // A category no reading uses: the question says so.
  await householdIncome.getByRole('button', { name: 'Delete “High”' }).click();
  let question = page.getByRole('alertdialog', { name: 'Delete “High”?' });
  await expect(question).toContainText('No readings use it.');
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(householdIncome.getByLabel('Name of “High”')).toHaveCount(0);

  // A category with readings: the question counts them, and "Keep it" changes nothing.
  await householdIncome.getByRole('button', { name: 'Delete “Low income”' }).click();
  question = page.getByRole('alertdialog', { name: 'Delete “Low income”?' });
  await expect(question).toContainText('2 readings use it');
  await question.getByRole('button', { name: 'Keep it' }).click();
  await expect(question).toBeHidden();
  await expect(householdIncome.getByLabel('Name of “Low income”')).toBeVisible();

  // The whole dimension: its categories' readings are counted too.
  await householdIncome.getByRole('button', { name: 'Delete “Household income”' }).click();
  question = page.getByRole('alertdialog', { name: 'Delete “Household income”?' });
  await expect(question).toContainText('2 readings use it');
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(householdIncome).toHaveCount(0);
  await app.expectSaved();
  expect(await call<unknown[]>('measures.dimensions.list', {})).toEqual([]);
  // The total, which names no category, is still there.
  const left = await call<{ categoryIds: string[] }[]>('measures.readings.list', { indicatorId });
  expect(left.map((reading) => reading.categoryIds)).toEqual([[]]);
});
