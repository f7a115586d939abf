import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MapPage, seedInitiative } from './pages/map-page';
import { PartnersPage } from './pages/partners-page';

test('a relationship with no direction draws no arrow, one both ways an arrow at each end, and the map says so', async ({
  page,
  host,
}) => {
  await seedInitiative(
    page.request,
    host,
    'Eastside Youth Futures',
    [
      { name: 'Eastside Library', sector: 'education' },
      { name: 'Grace Church', sector: 'faith' },
      { name: 'Food Bank', sector: 'nonprofit' },
    ],
    [],
    [
      { from: 'Grace Church', to: 'Eastside Library', kind: 'shares_data_with' },
      { from: 'Food Bank', to: 'Eastside Library', kind: 'refers_to' },
    ],
  );
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const map = new MapPage(page);
  await app.openInitiative(host.openUrl);

  // Existing relationships run one way; the facilitator says this one has no direction.
  await partners.open('Grace Church');
  const direction = partners.details.getByLabel('Direction of the relationship with Eastside Library');
  await expect(direction).toHaveValue('directed');
  await direction.selectOption({ label: 'No direction' });
  await app.expectSaved();

  // A new relationship that runs both ways.
  await partners.details.getByLabel('Kind of relationship', { exact: true }).selectOption({ label: 'funds' });
  await partners.details.getByLabel('Other partner').selectOption({ label: 'Food Bank' });
  await partners.details.getByLabel('Direction', { exact: true }).selectOption({ label: 'Both ways' });
  await partners.details.getByRole('button', { name: 'Add relationship' }).click();
  await expect(partners.details.getByLabel('Direction of the relationship with Food Bank')).toHaveValue('mutual');
  await app.expectSaved();

  await page.reload();
  await partners.open('Grace Church');
  await expect(direction).toHaveValue('undirected');

  await app.goTo('Map');
  // What a keyboard or screen-reader user hears names the direction; the line is drawn to match.
  const noDirection = map.canvas.locator('.react-flow__edge[aria-label="shares data with, no direction"]');
  const bothWays = map.canvas.locator('.react-flow__edge[aria-label="funds, both ways"]');
  const oneWay = map.canvas.locator('.react-flow__edge[aria-label="refers to"]');
  await expect(noDirection).toHaveCount(1);
  await expect(bothWays).toHaveCount(1);
  await expect(oneWay).toHaveCount(1);
  const line = (edge: typeof oneWay) => edge.locator('path.react-flow__edge-path');
  await expect(line(noDirection)).not.toHaveAttribute('marker-end', /.+/);
  await expect(line(noDirection)).not.toHaveAttribute('marker-start', /.+/);
  await expect(line(bothWays)).toHaveAttribute('marker-end', /url/);
  await expect(line(bothWays)).toHaveAttribute('marker-start', /url/);
  await expect(line(oneWay)).toHaveAttribute('marker-end', /url/);
  await expect(line(oneWay)).not.toHaveAttribute('marker-start', /.+/);
});
