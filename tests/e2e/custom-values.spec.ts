import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MapPage, seedInitiative } from './pages/map-page';
import { PartnersPage } from './pages/partners-page';

test('a facilitator types a sector of their own; it is offered again and filters the roster', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside Youth Futures');

  await partners.addWithCustomSector('Eastside Boxing Club', 'Youth sport');
  await expect(partners.row('Eastside Boxing Club')).toContainText('Youth sport');

  // An empty custom sector is refused in plain words, and nothing is added.
  await partners.quickAdd.getByLabel('Sector', { exact: true }).selectOption({ label: 'Nonprofit' });
  await partners.quickAdd.getByLabel('Sector', { exact: true }).selectOption({ label: 'Custom sector…' });
  await partners.quickAdd.getByLabel('Name', { exact: true }).fill('Nameless Sector Org');
  await partners.quickAdd.getByLabel('Name', { exact: true }).press('Enter');
  await expect(partners.quickAdd.getByRole('alert')).toHaveText('Type the sector, or choose one from the list.');
  await expect(partners.row('Nameless Sector Org')).toHaveCount(0);

  await partners.add('Food Bank', 'Nonprofit');
  await partners.open('Food Bank');
  const sector = partners.details.getByLabel('Sector', { exact: true });
  // The sector typed for another partner is one pick away, after the known ones.
  expect((await partners.optionsOf(sector)).slice(-2)).toEqual(['Youth sport', 'Custom sector…']);
  await sector.selectOption({ label: 'Youth sport' });
  await expect(partners.row('Food Bank')).toContainText('Youth sport');

  // Typed in the details, a sector is saved as it is typed, like every other field.
  await sector.selectOption({ label: 'Custom sector…' });
  await partners.details.getByRole('textbox', { name: 'Name of the custom sector' }).pressSequentially('Arts');
  await app.expectSaved();
  await expect(partners.row('Food Bank')).toContainText('Arts');

  // Typing a known sector's name gives the known sector, not a custom copy of it.
  await sector.selectOption({ label: 'Custom sector…' });
  await partners.details.getByRole('textbox', { name: 'Name of the custom sector' }).fill('HEALTH');
  await app.expectSaved();
  await expect(partners.row('Food Bank')).toContainText('Health');

  await page.reload();
  const filter = page.getByLabel('Filter by sector');
  await expect(filter.locator('option', { hasText: 'Youth sport' })).toHaveCount(1);
  await filter.selectOption({ label: 'Youth sport' });
  expect(await partners.names()).toEqual(['Eastside Boxing Club']);
  await expect(page.getByText('Showing 1 of 2 partners')).toBeVisible();
});

test('a facilitator types a kind of relationship of their own; the map filters by it and its legend names it', async ({
  page,
  host,
}) => {
  await seedInitiative(
    page.request,
    host,
    'Eastside Youth Futures',
    [
      { name: 'Eastside Boxing Club', sector: 'Youth sport' },
      { name: 'Eastside Library', sector: 'education' },
      { name: 'Grace Church', sector: 'faith' },
    ],
    [],
    [{ from: 'Grace Church', to: 'Eastside Library', kind: 'hosts' }],
  );
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const map = new MapPage(page);
  await app.open(host.openUrl);
  await partners.open('Eastside Boxing Club');

  const kind = partners.details.getByLabel('Kind of relationship');
  // A kind already in use (here from an import) is offered with the known ones.
  expect((await partners.optionsOf(kind)).slice(-2)).toEqual(['hosts', 'Custom kind…']);
  await kind.selectOption({ label: 'Custom kind…' });
  const typed = partners.details.getByRole('textbox', { name: 'Name of the custom kind of relationship' });
  await expect(typed).toBeFocused();
  await partners.details.getByRole('button', { name: 'Add relationship' }).click();
  await expect(partners.details.getByRole('alert')).toHaveText(
    'Type the kind of relationship, or choose one from the list.',
  );

  await typed.fill('mentors');
  await partners.details.getByLabel('Other partner').selectOption({ label: 'Eastside Library' });
  await partners.details.getByRole('button', { name: 'Add relationship' }).click();
  await expect(partners.details.getByText('mentors Eastside Library')).toBeVisible();
  await app.expectSaved();

  await app.goTo('Map');
  const relationships = map.panel.getByRole('group', { name: 'Relationships' });
  await expect(relationships.getByRole('checkbox', { name: 'mentors' })).toBeChecked();
  await expect(relationships.getByRole('checkbox', { name: 'hosts' })).toBeChecked();
  await expect(map.panel.getByText('Grey lines: kinds named by you (hosts, mentors)')).toBeVisible();

  const mentorsLine = map.canvas.locator('.react-flow__edge[aria-label="mentors"]');
  await expect(mentorsLine).toHaveCount(1);
  await relationships.getByRole('checkbox', { name: 'mentors' }).uncheck();
  await expect(mentorsLine).toHaveCount(0);
  await expect(map.canvas.locator('.react-flow__edge[aria-label="hosts"]')).toHaveCount(1);
});

test('a relationship’s kind and strength are changed in place, kept after a reload, and the map follows', async ({
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
    ],
    [],
    [{ from: 'Grace Church', to: 'Eastside Library', kind: 'hosts' }],
  );
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const map = new MapPage(page);
  await app.open(host.openUrl);
  await partners.open('Grace Church');
  const kind = partners.details.getByLabel('Kind of relationship with Eastside Library');
  const strength = partners.details.getByLabel('Strength of the relationship with Eastside Library');
  await expect(kind).toHaveValue('hosts');
  await expect(strength).toHaveValue('2');
  await kind.selectOption({ label: 'funds' });
  await strength.selectOption({ label: 'Strong' });
  await app.expectSaved();
  await expect(partners.details.getByText('funds Eastside Library')).toBeVisible();

  await page.reload();
  await partners.open('Grace Church');
  await expect(kind).toHaveValue('funds');
  await expect(strength).toHaveValue('3');
  // From the other side the same relationship reads the other way round.
  await partners.open('Eastside Library');
  await expect(partners.details.getByText('Grace Church funds this partner')).toBeVisible();

  await app.goTo('Map');
  await expect(map.canvas.locator('.react-flow__edge[aria-label="funds"]')).toHaveCount(1);
  await expect(map.canvas.locator('.react-flow__edge[aria-label="hosts"]')).toHaveCount(0);
});
