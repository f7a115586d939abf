import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MeasuresPage } from './pages/measures-page';
import { measuresInitiative } from './pages/measures-setup';

test('two quick ticks both stay ticked while the first save is still coming back, and both are kept', async ({
  page,
  host,
}) => {
  // Two dimensions and an indicator split by neither, made earlier.
  const setup = await measuresInitiative(page.request, host);
  await setup.dimension('Income', ['Low', 'High']);
  await setup.dimension('Area', ['North', 'South']);
  await setup.indicator({ name: 'Kindergarten readiness', reportingPeriod: 'year' });
  const app = new AppPage(page);
  const measures = new MeasuresPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+5');
  await measures.openIndicator('Kindergarten readiness');
  const income = measures.indicator.getByRole('checkbox', { name: 'Income' });
  const area = measures.indicator.getByRole('checkbox', { name: 'Area' });

  // The indicator list each save brings back is read from the app at once (so it is what was
  // stored then) but handed to the page only when let go: a slow answer, made to order.
  const held: { route: Route; response: Awaited<ReturnType<Route['fetch']>> }[] = [];
  let hold = true;
  await page.route('**/api/measures.indicators.list', async (route) => {
    const response = await route.fetch();
    if (hold) held.push({ route, response });
    else await route.fulfill({ response });
  });

  await income.click();
  // The first save is stored and its list (Income alone) is on its way back.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await area.click();
  await expect(area).toBeChecked();
  const first = held.shift()!;
  await first.route.fulfill({ response: first.response });
  // The list of the first save arrives: Area, ticked after it, stays ticked.
  await page.waitForTimeout(300);
  await expect(income).toBeChecked();
  await expect(area).toBeChecked();

  hold = false;
  for (const { route, response } of held.splice(0)) await route.fulfill({ response });
  await app.expectSaved();
  await page.reload();
  await measures.openIndicator('Kindergarten readiness');
  await expect(income).toBeChecked();
  await expect(area).toBeChecked();
});
