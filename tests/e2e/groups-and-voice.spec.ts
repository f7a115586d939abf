import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { seedInitiative } from './pages/map-page';
import { PartnersPage } from './pages/partners-page';

test('each new focus group and each new theme takes its own colour', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Hillside Families');
  await app.section('Focus groups').click();
  await expect(page.getByLabel('New focus group')).toBeVisible();

  for (const name of ['Parents', 'Grandparents', 'Young people']) {
    await page.getByLabel('New focus group').fill(name);
    await page.getByLabel('New focus group').press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
  const swatches = page.locator('.focus__list .swatch');
  await expect(swatches).toHaveCount(3);
  const groupColours = await swatches.evaluateAll((all) =>
    all.map((swatch) => getComputedStyle(swatch).backgroundColor),
  );
  expect(new Set(groupColours).size).toBe(3);

  await page.getByRole('tab', { name: 'Themes' }).click();
  for (const [index, name] of ['Transport', 'Childcare', 'Housing'].entries()) {
    await page.getByLabel('New theme').fill(name);
    await page.getByLabel('New theme').press('Enter');
    await expect(page.getByLabel('Name', { exact: true })).toHaveCount(index + 1);
  }
  const themeColours = await page
    .locator('.theme')
    .evaluateAll((all) => all.map((theme) => getComputedStyle(theme).borderInlineStartColor));
  expect(themeColours).toHaveLength(3);
  expect(new Set(themeColours).size).toBe(3);
});

test('a captured note appears at the top of the list, right under the line it was typed in', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Hillside Families');
  await app.section('Focus groups').click();
  await expect(page.getByLabel('New focus group')).toBeVisible();
  await page.getByLabel('New focus group').fill('Parents');
  await page.getByLabel('New focus group').press('Enter');

  const line = page.getByLabel('What was said');
  const said = [
    'The bus stops running at six.',
    'Nobody told us the clinic moved.',
    'Rent went up twice this year.',
    'The library is the only warm place on Saturdays.',
    'Interpreters are never booked in advance.',
    'Hold the next meeting at the community garden.',
  ];
  for (const text of said) {
    await line.fill(text);
    await line.press('Enter');
    await expect(line).toHaveValue('');
  }
  await expect(page.getByRole('heading', { name: '6 notes' })).toBeVisible();
  const notes = page.locator('.note');
  await expect(notes.first()).toContainText('Hold the next meeting at the community garden.');
  await expect(notes.last()).toContainText('The bus stops running at six.');
  await expect(notes.first()).toBeInViewport();
});

test('several partners join a group at once from its card, as members unless chosen otherwise', async ({
  page,
  host,
}) => {
  await seedInitiative(
    page.request,
    host,
    'Hillside Cradle to Career',
    [
      { name: 'Hillside Library', sector: 'education' },
      { name: 'Family Health Centre', sector: 'health' },
      { name: 'Rosa Delgado', sector: 'community', kind: 'person' },
      { name: 'Hillside Rotary', sector: 'business' },
    ],
    [{ name: 'Early literacy', kind: 'working_group', members: [{ partner: 'Hillside Library', role: 'co_chair' }] }],
  );
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await partners.tab('Groups').click();
  const card = page.getByRole('article', { name: 'Early literacy' });
  await expect(card).toContainText('1 member');

  await card.getByRole('button', { name: 'Add members…' }).click();
  const form = card.getByRole('form', { name: 'Add members to Early literacy' });
  const choices = form.getByRole('group', { name: 'Partners not yet in the group' });
  // Already a member, so not offered again.
  await expect(choices.getByRole('checkbox')).toHaveCount(3);
  await expect(form.getByLabel('Role for everyone ticked')).toHaveValue('member');
  await form.getByLabel('Find partners').fill('rosa');
  await choices.getByRole('checkbox', { name: 'Rosa Delgado' }).check();
  await form.getByLabel('Find partners').fill('');
  await choices.getByRole('checkbox', { name: 'Family Health Centre' }).check();
  await choices.getByRole('checkbox', { name: 'Hillside Rotary' }).check();
  await form.getByRole('button', { name: 'Add ticked partners (3)' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Added 3 members to Early literacy.' })).toBeVisible();
  await expect(card).toContainText('4 members');
  for (const name of ['Family Health Centre', 'Rosa Delgado', 'Hillside Rotary'])
    await expect(card.getByRole('listitem').filter({ hasText: name })).toHaveText(`${name} · Member`);
  await expect(card.getByRole('listitem').filter({ hasText: 'Hillside Library' })).toHaveText(
    'Hillside Library · Co-chair',
  );
  // Everyone is in now: nothing left to add.
  await expect(card.getByRole('button', { name: 'Add members…' })).toHaveCount(0);
});
