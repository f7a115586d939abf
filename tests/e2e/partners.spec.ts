import { expect, test } from './fixtures';
import { startHostProcess } from './host-process';
import { AppPage } from './pages/app-page';
import { PartnersPage } from './pages/partners-page';

test('a new facilitator creates an initiative and adds partners that survive a reload and a restart', async ({
  page,
  host,
  dataDir,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Welcome to Common Ground' })).toBeVisible();

  await app.createInitiative('Eastside Cradle to Career', 'Children start school behind.', 'Initiate action');
  await partners.add('Eastside Library', 'Education');
  await partners.add('Amina Yusuf', 'Community / residents', 'Person');
  await partners.add('County Health Department', 'Health');
  await app.expectSaved();
  await expect(page.getByText('3 partners')).toBeVisible();

  await page.reload();
  await expect(partners.row('Amina Yusuf')).toBeVisible();
  expect(await partners.names()).toEqual(['Amina Yusuf', 'County Health Department', 'Eastside Library']);

  // A restart gives a new address and token; the data is read back from the SQLite file.
  await host.stop();
  const restarted = await startHostProcess(dataDir);
  try {
    await app.open(restarted.openUrl);
    await expect(partners.row('County Health Department')).toContainText('Health');
    await expect(partners.row('Amina Yusuf')).toContainText('Person');
    await expect(page.locator('.topbar__initiative')).toHaveText('Eastside Cradle to Career');
  } finally {
    await restarted.stop();
  }
});

test('editing saves every keystroke, and a deleted partner can be brought back', async ({ page, host }) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Westside Health Equity');
  await partners.add('Food Bank', 'Nonprofit');

  await partners.row('Food Bank').getByRole('button', { name: 'Edit: Food Bank' }).click();
  const nameInput = partners.details.getByLabel('Name', { exact: true });
  await nameInput.press('End');
  await nameInput.pressSequentially(' of the Valley');
  await app.expectSaved();
  await expect(partners.row('Food Bank of the Valley')).toBeVisible();

  await page.reload();
  await expect(partners.row('Food Bank of the Valley')).toBeVisible();

  await partners
    .row('Food Bank of the Valley')
    .getByRole('button', { name: /Delete/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted Food Bank of the Valley.' })).toBeVisible();
  await expect(page.getByText('No partners yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(partners.row('Food Bank of the Valley')).toBeVisible();
});

test('an empty name is refused with a plain message and adds nothing', async ({ page, host }) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Southside Youth Jobs');
  await partners.quickAdd.getByLabel('Name').fill('   ');
  await partners.quickAdd.getByRole('button', { name: 'Add partner' }).click();
  await expect(partners.quickAdd.getByRole('alert')).toHaveText('Please fill this in.');
  await expect(page.getByText('No partners yet.')).toBeVisible();

  // The keyboard path: N focuses the quick add from anywhere on the screen.
  await page.locator('body').click({ position: { x: 5, y: 600 } });
  await page.keyboard.press('n');
  await expect(partners.quickAdd.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Youth Council');
  await page.keyboard.press('Enter');
  await expect(partners.row('Youth Council')).toBeVisible();
});
