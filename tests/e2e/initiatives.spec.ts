import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { PartnersPage } from './pages/partners-page';

test('the sample initiative opens with its partners, and a second initiative can be added and switched to', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await page.getByRole('button', { name: 'Open the sample initiative' }).click();
  await expect(page.locator('.topbar__initiative')).toHaveText('Riverside Cradle to Career (sample)');
  await expect(page.getByText('26 partners')).toBeVisible();
  // Not only partners: groups, a focus group with notes, and roundtables to look at.
  await partners.tab('Groups').click();
  await expect(page.getByRole('article', { name: 'Steering committee' })).toContainText('Maria Okafor · Co-chair');
  await app.section('Focus groups').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Parents of young children' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '8 notes' })).toBeVisible();
  await app.section('Sessions').click();
  await expect(page.getByRole('button', { name: /October roundtable: ready for kindergarten/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /January roundtable: reading by third grade/ })).toBeVisible();
  await app.section('Partners').click();

  const switcher = page.getByLabel('Initiative', { exact: true });
  await switcher.selectOption({ label: 'New initiative…' });
  await app.createInitiative('Northside Housing First');
  await expect(page.getByText('No partners yet.')).toBeVisible();
  await switcher.selectOption({ label: 'Riverside Cradle to Career (sample)' });
  await expect(partners.row('Boys & Girls Club of Riverside')).toBeVisible();
});

test('renaming the initiative in Settings is saved as it is typed', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Harbor Literacy');
  await app.goTo('Settings');
  const name = page.getByRole('region', { name: 'This initiative' }).getByLabel('Name', { exact: true });
  await name.fill('Harbor Literacy Collaborative');
  await app.expectSaved();
  await expect(page.locator('.topbar__initiative')).toHaveText('Harbor Literacy Collaborative');
  await page.reload();
  await expect(page.locator('.topbar__initiative')).toHaveText('Harbor Literacy Collaborative');

  await name.fill('');
  await expect(page.getByRole('region', { name: 'This initiative' }).getByRole('alert')).toHaveText(
    'Please fill this in.',
  );
  await page.reload();
  await expect(page.locator('.topbar__initiative')).toHaveText('Harbor Literacy Collaborative');
});

test('the app switches to Spanish and remembers it', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Lakeside Early Years');
  await app.goTo('Settings');
  await page.getByLabel('Language of the app').selectOption('es');
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Socios' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible();
});

test('a damaged initiative file is named, left alone, and the others still open', async ({ page, host, dataDir }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Valley Food Security');
  mkdirSync(join(dataDir, 'initiatives'), { recursive: true });
  const damaged = '0193a5b0-0000-7000-8000-00000000dead';
  writeFileSync(join(dataDir, 'initiatives', `${damaged}.sqlite`), 'this is not a database, it was cut short');
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toContainText(`${damaged}.sqlite`);
  await expect(page.locator('.topbar__initiative')).toHaveText('Valley Food Security');
});
