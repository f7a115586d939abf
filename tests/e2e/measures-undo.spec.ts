import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MeasuresPage } from './pages/measures-page';
import { incomeReadings } from './pages/measures-setup';

test('a facilitator deletes a category, is told how many readings it hides, and brings them back with Undo', async ({
  page,
  host,
}) => {
  await incomeReadings(page.request, host);

  const app = new AppPage(page);
  const measures = new MeasuresPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+5');
  const dimension = page.getByRole('group', { name: 'Income', exact: true });

  await dimension.getByRole('button', { name: 'Delete “Low”' }).click();
  const question = page.getByRole('alertdialog', { name: 'Delete “Low”?' });
  await expect(question).toContainText('2 readings use it');
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(dimension.getByLabel('Name of “Low”')).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: '“Low” deleted: 2 readings are hidden with it.' });
  await expect(toast).toBeVisible();

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(dimension.getByLabel('Name of “Low”')).toHaveValue('Low');
  await app.expectSaved();

  // The readings the delete hid are in the grid again, read afresh from the store.
  await measures.openIndicator('Kindergarten readiness');
  await measures.period('2024').click();
  await expect(measures.value('Income: Low')).toHaveValue('41');
  await expect(measures.count('Income: Low')).toHaveValue('120');
  await measures.period('2025').click();
  await expect(measures.value('Income: Low')).toHaveValue('44');
});
