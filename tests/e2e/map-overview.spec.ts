import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MapPage, seedInitiative, type SeedGroup, type SeedPartner } from './pages/map-page';

/**
 * A county-wide initiative: big enough that the whole map fits the window only below reading
 * zoom, so it opens as the canvas overview.
 */
const partnerCount = 120;
const name = (index: number) => `Partner ${String(index).padStart(3, '0')}`;
const partners: SeedPartner[] = Array.from({ length: partnerCount }, (_, index) => ({
  name: name(index),
  sector: ['education', 'health', 'community', 'faith', 'business'][index % 5],
  kind: index % 3 === 0 ? 'person' : 'organisation',
}));
const groups: SeedGroup[] = ['Early literacy', 'Family health', 'Jobs for youth'].map((groupName, group) => ({
  name: groupName,
  kind: 'working_group',
  members: Array.from({ length: 20 }, (_, member) => ({ partner: name(group * 20 + member), role: 'member' as const })),
}));
const relationships = Array.from({ length: 30 }, (_, index) => ({
  from: name(index * 3),
  to: name((index * 7 + 50) % partnerCount),
  kind: 'partners_with',
}));

test('a big map opens as one drawing, and only the partners in view become nodes close in', async ({ page, host }) => {
  await seedInitiative(page.request, host, 'County Compact', partners, groups, relationships);
  const app = new AppPage(page);
  const map = new MapPage(page);
  await app.openInitiative(host.openUrl);
  await app.goTo('Map');

  // The whole map in view: every partner drawn on the canvas, names left out, no partner in the page.
  await expect(map.overview).toHaveAttribute('data-partners-drawn', String(partnerCount));
  await expect(map.overview).toHaveAttribute('data-names', 'hidden');
  await expect(map.partnerNodes).toHaveCount(0);
  // Far out the agenda and the groups are nodes: they are few, and name the constellations.
  await map.expectShown(['County Compact', 'Early literacy', 'Family health', 'Jobs for youth']);

  // Close in (search zooms to 1.2 round the partner): the partners in view are nodes, the rest are not.
  await map.find('Partner 025');
  await expect(map.overview).toHaveAttribute('data-names', 'shown');
  await expect.poll(() => map.partnerNodes.count()).toBeGreaterThan(1);
  const mounted = await map.partnerNodes.count();
  expect(mounted).toBeLessThan(partnerCount / 2);
  const area = (await map.canvas.boundingBox())!;
  for (const box of await Promise.all((await map.partnerNodes.all()).map((node) => node.boundingBox()))) {
    // In view, give or take the half node the map allows at its edges.
    expect(box!.x + box!.width).toBeGreaterThan(area.x - 40);
    expect(box!.x).toBeLessThan(area.x + area.width + 40);
    expect(box!.y + box!.height).toBeGreaterThan(area.y - 40);
    expect(box!.y).toBeLessThan(area.y + area.height + 40);
  }
  // The canvas no longer draws what the nodes show.
  const drawn = Number(await map.overview.getAttribute('data-partners-drawn'));
  expect(drawn).toBeLessThanOrEqual(partnerCount - mounted);

  // Back out: the nodes go, except the one the search selected.
  await map.button('Show the whole map').click();
  await expect(map.overview).toHaveAttribute('data-names', 'hidden');
  await expect(map.partnerNodes).toHaveCount(1);
  await expect(map.node('Partner 025')).toBeVisible();
});

test('on a big map the keyboard reaches a partner, and a partner dragged close in keeps its place', async ({
  page,
  host,
}) => {
  await seedInitiative(page.request, host, 'County Compact', partners, groups, relationships);
  const app = new AppPage(page);
  const map = new MapPage(page);
  await app.openInitiative(host.openUrl);
  await app.goTo('Map');
  await expect(map.overview).toHaveAttribute('data-partners-drawn', String(partnerCount));

  // Keyboard only: "/" to search, a name, Enter, then Tab along the map until the partner has focus.
  await page.keyboard.press('/');
  await expect(map.search).toBeFocused();
  await page.keyboard.type('Partner 047');
  await page.keyboard.press('Enter');
  const partner = map.node('Partner 047');
  await expect(partner).toBeVisible();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    if (await partner.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(partner).toBeFocused();

  const before = await map.mapPosition('Partner 047');
  const saved = page.waitForResponse((response) => response.url().endsWith('/api/map.savePositions') && response.ok());
  await map.dragBy('Partner 047', 120, 80);
  await saved;
  await app.expectSaved();
  const dragged = await map.mapPosition('Partner 047');
  expect(Math.hypot(dragged.x - before.x, dragged.y - before.y)).toBeGreaterThan(50);

  // After a reload the map opens as the overview again; found again, the partner is where it was put.
  await page.reload();
  await expect(map.overview).toHaveAttribute('data-partners-drawn', String(partnerCount));
  await map.find('Partner 047');
  const after = await map.mapPosition('Partner 047');
  expect(Math.abs(after.x - dragged.x)).toBeLessThanOrEqual(3);
  expect(Math.abs(after.y - dragged.y)).toBeLessThanOrEqual(3);
});
