import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MapPage, seedInitiative } from './pages/map-page';
import { PartnersPage } from './pages/partners-page';

test('a working group gets two co-chairs from the partner details, and the roster filters by it', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Northside Early Years');
  await partners.add('Northside Library', 'Education');
  await partners.add('Family Health Centre', 'Health');
  await partners.add('Rosa Delgado', 'Community / residents', 'Person');

  await partners.tab('Groups').click();
  const addGroup = page.getByRole('form', { name: 'Add group' });
  await addGroup.getByLabel('Group name').fill('Early literacy');
  await addGroup.getByLabel('Kind of group').selectOption({ label: 'Working group' });
  await addGroup.getByRole('button', { name: 'Add group' }).click();
  await expect(page.getByRole('article', { name: 'Early literacy' })).toContainText('0 members');

  await partners.tab('Partners').click();
  for (const name of ['Northside Library', 'Rosa Delgado']) {
    await partners.open(name);
    await partners.details.getByLabel('Role', { exact: true }).selectOption({ label: 'Co-chair' });
    await partners.details.getByRole('button', { name: 'Add to group' }).click();
    await expect(partners.details.getByLabel('Role in Early literacy')).toHaveValue('co_chair');
  }
  // Rosa has lived experience: one checkbox, saved at once.
  await partners.details.getByLabel('Lived experience', { exact: true }).check();
  await app.expectSaved();

  await page.getByLabel('Filter by group').selectOption({ label: 'Early literacy' });
  expect(await partners.names()).toEqual(['Northside Library', 'Rosa Delgado★']);
  await expect(page.getByText('Showing 2 of 3 partners')).toBeVisible();

  await page.reload();
  await partners.tab('Groups').click();
  const card = page.getByRole('article', { name: 'Early literacy' });
  await expect(card).toContainText('2 members');
  await expect(card).toContainText('Rosa Delgado · Co-chair');
});

test('the roster stays usable with 3,000 partners: only visible rows are drawn, search is instant', async ({
  page,
  host,
}) => {
  const headers = { Authorization: `Bearer ${host.token}` };
  const created = await page.request.post(`${host.url}/api/initiatives.create`, {
    data: { name: 'Big City Compact' },
    headers,
  });
  const initiativeId = ((await created.json()) as { value: { id: string } }).value.id;
  const rows = [
    'Name,Sector',
    ...Array.from({ length: 3000 }, (_, i) => `Partner ${String(i).padStart(4, '0')},health`),
  ].join('\n');
  const imported = await page.request.post(`${host.url}/api/partners.import.commit`, {
    data: { initiativeId, format: 'csv', fileName: 'big.csv', contentBase64: Buffer.from(rows).toString('base64') },
    headers,
  });
  expect(imported.status()).toBe(200);

  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await expect(page.getByText('3000 partners')).toBeVisible();
  const drawn = await page.locator('tbody tr:not(.spacer)').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);

  await page.keyboard.press('/');
  await expect(partners.search).toBeFocused();
  await page.keyboard.type('Partner 2999');
  expect(await partners.names()).toEqual(['Partner 2999']);
});

test("a group's colour is chosen from the swatches or any colour, kept after a reload, and drawn on the map", async ({
  page,
  host,
}) => {
  await seedInitiative(
    page.request,
    host,
    'Northside Early Years',
    [{ name: 'Northside Library', sector: 'education' }],
    [{ name: 'Early literacy', kind: 'working_group', members: [{ partner: 'Northside Library', role: 'member' }] }],
  );
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const map = new MapPage(page);
  await app.open(host.openUrl);
  await partners.tab('Groups').click();
  const card = page.getByRole('article', { name: 'Early literacy' });
  const colour = card.getByRole('group', { name: 'Colour' });
  // The swatch beside the group's name shows the colour as saved and read back.
  const savedColour = card.locator('.swatch--large');
  // A group made without a colour has the first swatch.
  await expect(colour.getByRole('radio', { name: 'Green' })).toBeChecked();

  await colour.getByRole('radio', { name: 'Purple' }).check();
  await expect(savedColour).toHaveCSS('background-color', 'rgb(122, 79, 179)');
  // Arrow keys move along the swatches, as in any set of radio buttons, and each choice is saved.
  await page.keyboard.press('ArrowRight');
  await expect(colour.getByRole('radio', { name: 'Magenta' })).toBeChecked();
  await expect(savedColour).toHaveCSS('background-color', 'rgb(162, 59, 114)');
  await page.reload();
  await partners.tab('Groups').click();
  await expect(colour.getByRole('radio', { name: 'Magenta' })).toBeChecked();

  await colour.getByLabel('Other colour').fill('#123456');
  await expect(savedColour).toHaveCSS('background-color', 'rgb(18, 52, 86)');
  await expect(colour.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.reload();
  await partners.tab('Groups').click();
  await expect(colour.getByLabel('Other colour')).toHaveValue('#123456');

  await app.goTo('Map');
  await expect(map.node('Early literacy').locator('.map-group__shape')).toHaveCSS(
    'border-top-color',
    'rgb(18, 52, 86)',
  );
  await expect(map.panel.getByRole('group', { name: 'Groups' }).locator('.map-swatch--round')).toHaveCSS(
    'background-color',
    'rgb(18, 52, 86)',
  );

  // A new group gets the first swatch no group has yet.
  await app.goTo('Partners');
  await partners.tab('Groups').click();
  await colour.getByRole('radio', { name: 'Green' }).check();
  await expect(savedColour).toHaveCSS('background-color', 'rgb(31, 111, 92)');
  const addGroup = page.getByRole('form', { name: 'Add group' });
  await addGroup.getByLabel('Group name').fill('Family health');
  await addGroup.getByRole('button', { name: 'Add group' }).click();
  await expect(page.getByRole('article', { name: 'Family health' }).getByRole('radio', { name: 'Blue' })).toBeChecked();
});
