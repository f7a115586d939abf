import { PNG } from 'pngjs';
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

  // Exported while the search highlight is on, and again after it is cleared: the same drawing,
  // since the highlight belongs to the screen, not to the map.
  const highlighted = await map.exportFile('Export SVG');
  expect(highlighted.name).toBe('eastside-cradle-to-career-map.svg');
  await map.canvas.click({ position: { x: 8, y: 8 } });
  const svg = await map.exportFile('Export SVG');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText).toBe(highlighted.bytes.toString('utf8'));
  // Vector shapes and text a drawing tool can edit, not a page of HTML wrapped in SVG.
  expect(svgText).toContain('<svg');
  expect(svgText).not.toContain('foreignObject');
  for (const partner of roster) expect(svgText).toContain(`>${partner.name}</text>`);
  expect(svgText.match(/<line [^>]*stroke-dasharray="3 3"/g)?.length ?? 0).toBeGreaterThan(0);
  const [, , svgWidth, svgHeight] = /viewBox="([^"]+)"/.exec(svgText)![1].split(' ').map(Number);

  const png = await map.exportFile('Export PNG');
  expect(png.name).toBe('eastside-cradle-to-career-map.png');
  const image = PNG.sync.read(png.bytes);
  // Painted from the same drawing at twice its size: the whole map, whatever was on screen.
  expect([image.width, image.height]).toEqual([svgWidth * 2, svgHeight * 2]);
  const pixel = (x: number, y: number) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
  const near = (rgb: number[], target: number[], by: number) => rgb.every((value, i) => Math.abs(value - target[i]) <= by);
  // Nothing is cropped: a margin of plain background runs all round the edge.
  const background = [0xf7, 0xf5, 0xf0];
  for (let x = 0; x < image.width; x += 3)
    for (const y of [0, 4, image.height - 5, image.height - 1]) expect(pixel(x, y)).toEqual(background);
  for (let y = 0; y < image.height; y += 3)
    for (const x of [0, 4, image.width - 5, image.width - 1]) expect(pixel(x, y)).toEqual(background);
  // The group lines are in the picture (the dashed member lines' colour).
  let groupLinePixels = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) if (near(pixel(x, y), [0xa8, 0xa2, 0x94], 10)) groupLinePixels++;
  expect(groupLinePixels).toBeGreaterThan(40);
  expect(problems).toEqual([]);
});

test('an initiative with no partners says so plainly', async ({ page, host }) => {
  await seedInitiative(page.request, host, 'Quiet Start', []);
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.goTo('Map');
  await expect(page.getByText(/There are no partners yet/)).toBeVisible();
});
