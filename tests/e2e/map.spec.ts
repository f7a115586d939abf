import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MapPage, seedInitiative, type SeedPartner } from './pages/map-page';

const roster: SeedPartner[] = [
  { name: 'Eastside Library', sector: 'education' },
  { name: 'Amina Yusuf', sector: 'community', kind: 'person', livedExperience: true },
  { name: 'County Health Department', sector: 'health' },
  { name: 'Rivera Family Foundation', sector: 'philanthropy' },
  { name: 'Grace Church', sector: 'faith' },
  { name: 'Eastside Gazette', sector: 'media' },
];

async function seedEastside(page: import('@playwright/test').Page, host: { url: string; token: string }) {
  return seedInitiative(
    page.request,
    host,
    'Eastside Cradle to Career',
    roster,
    [
      {
        name: 'Early literacy',
        kind: 'working_group',
        members: [
          { partner: 'Eastside Library', role: 'co_chair' },
          { partner: 'Amina Yusuf', role: 'co_chair' },
          { partner: 'County Health Department', role: 'member' },
        ],
      },
      { name: 'Backbone team', kind: 'backbone', members: [{ partner: 'Grace Church', role: 'staff' }] },
    ],
    [{ from: 'Rivera Family Foundation', to: 'Eastside Library', kind: 'funds', strength: 3 }],
  );
}

/** No Content-Security-Policy complaint and no uncaught error while the map is in use. */
function watchForProblems(page: import('@playwright/test').Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // The host serves no favicon; the browser asks for one anyway.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text()))
      problems.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

test('a working group shows as a constellation; a dragged partner keeps its place after a reload', async ({
  page,
  host,
}) => {
  const problems = watchForProblems(page);
  await seedEastside(page, host);
  const app = new AppPage(page);
  const map = new MapPage(page);
  await app.open(host.openUrl);
  await app.goTo('Map');

  await map.expectShown([
    'Eastside Cradle to Career',
    'Early literacy',
    'Eastside Library',
    'Amina Yusuf',
    'County Health Department',
  ]);
  await map.expectShown(['Backbone team', 'Eastside Gazette']);
  await expect(map.node('Amina Yusuf').getByRole('img', { name: 'Lived experience' })).toBeVisible();
  await expect(map.panel.getByText('Philanthropy')).toBeVisible();

  const before = await map.mapPosition('County Health Department');
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/map.savePositions') && response.ok());
  await map.dragBy('County Health Department', 160, 90);
  await saved;
  await app.expectSaved();
  const dragged = await map.mapPosition('County Health Department');
  expect(Math.hypot(dragged.x - before.x, dragged.y - before.y)).toBeGreaterThan(50);

  await page.reload();
  await expect(map.node('County Health Department')).toBeVisible();
  const after = await map.mapPosition('County Health Department');
  expect(Math.abs(after.x - dragged.x)).toBeLessThanOrEqual(3);
  expect(Math.abs(after.y - dragged.y)).toBeLessThanOrEqual(3);

  // Filters: hiding a sector takes its partners off the map, and back.
  await map.panel.getByRole('checkbox', { name: 'Health' }).uncheck();
  await expect(map.node('County Health Department')).toBeHidden();
  await map.panel.getByRole('checkbox', { name: 'Health' }).check();
  await expect(map.node('County Health Department')).toBeVisible();

  // Re-arranging forgets the hand-placed position.
  await map.button('Re-arrange automatically').click();
  await expect(map.node('County Health Department')).toBeVisible();
  await expect.poll(async () => (await map.mapPosition('County Health Department')).x).not.toBe(dragged.x);
  expect(problems).toEqual([]);
});

test('search centres the map on a partner, and the map exports as PNG and SVG', async ({ page, host }) => {
  const problems = watchForProblems(page);
  await seedEastside(page, host);
  const app = new AppPage(page);
  const map = new MapPage(page);
  await app.open(host.openUrl);
  await app.goTo('Map');
  await expect(map.node('Eastside Gazette')).toBeVisible();

  await page.keyboard.press('/');
  await expect(map.search).toBeFocused();
  await map.search.fill('gazette');
  await map.search.press('Enter');
  await expect.poll(() => map.offCentre('Eastside Gazette')).toBeLessThan(12);

  const png = page.waitForEvent('download');
  await map.button('Export PNG').click();
  const pngFile = await (await png).path();
  expect((await png).suggestedFilename()).toBe('eastside-cradle-to-career-map.png');
  const pngBytes = readFileSync(pngFile);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(10_000);

  const svg = page.waitForEvent('download');
  await map.button('Export SVG').click();
  const svgText = readFileSync(await (await svg).path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Eastside Gazette');
  expect(problems).toEqual([]);
});

test('an initiative with no partners says so plainly', async ({ page, host }) => {
  await seedInitiative(page.request, host, 'Quiet Start', []);
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.goTo('Map');
  await expect(page.getByText(/There are no partners yet/)).toBeVisible();
});
