import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MapPage, seedInitiative } from './pages/map-page';
import { PartnersPage } from './pages/partners-page';

test('a search finds a name whether or not either side is typed with accents', async ({ page, host }) => {
  await seedInitiative(page.request, host, 'Riverside Cradle to Career', [
    { name: 'María López', sector: 'community', kind: 'person' },
    { name: 'Jose Lopez', sector: 'education', kind: 'person' },
    { name: 'Eastside Library', sector: 'education' },
  ]);
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await expect(partners.row('Eastside Library')).toBeVisible();

  await partners.search.fill('lopez');
  await expect(partners.row('Eastside Library')).toBeHidden();
  expect(await partners.names()).toEqual(['Jose Lopez', 'María López']);

  await partners.search.fill('López');
  await expect(partners.row('Eastside Library')).toBeHidden();
  expect(await partners.names()).toEqual(['Jose Lopez', 'María López']);

  const map = new MapPage(page);
  await app.goTo('Map');
  await expect(map.node('María López')).toBeVisible();
  await map.search.fill('maria lopez');
  await map.search.press('Enter');
  await expect(map.search).not.toHaveAttribute('aria-invalid', 'true');
  await expect(map.node('María López').locator('.map-partner--selected')).toBeVisible();
});
