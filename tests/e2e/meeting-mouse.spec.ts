import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';

test('a meeting runs with the mouse alone, and Tab stays inside meeting mode', async ({ page, host }) => {
  test.setTimeout(90_000);
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'November roundtable' },
  });
  for (const title of ['Welcome', 'Data walk', 'Evening hours'])
    await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title, timeboxMinutes: 10 } });

  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.open(host.openUrl);
  await app.section('Sessions').click();
  await page.getByRole('button', { name: /^November roundtable/ }).click();
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  const controls = page.getByRole('group', { name: 'Meeting controls' });

  // Items and the timer.
  await expect(controls.getByRole('button', { name: 'Previous item' })).toBeDisabled();
  await controls.getByRole('button', { name: 'Next item' }).click();
  await expect(meeting.currentItem).toHaveText('Data walk');
  await controls.getByRole('button', { name: 'Next item' }).click();
  await expect(meeting.currentItem).toHaveText('Evening hours');
  await expect(controls.getByRole('button', { name: 'Next item' })).toBeDisabled();
  await controls.getByRole('button', { name: 'Previous item' }).click();
  await expect(meeting.currentItem).toHaveText('Data walk');
  await controls.getByRole('button', { name: 'Start timer' }).click();
  await expect(page.getByText(/^Running/)).toBeVisible();
  await controls.getByRole('button', { name: 'Pause timer' }).click();
  await expect(page.getByText(/^Paused/)).toBeVisible();

  // Notes, a decision, an action and a parked idea.
  await controls.getByRole('button', { name: 'Notes' }).click();
  await expect(page.getByLabel('Notes on this item')).toBeFocused();
  await controls.getByRole('button', { name: 'Decision' }).click();
  let dialog = await meeting.dialog('Record a decision');
  await dialog.getByLabel('Decision', { exact: true }).fill('Walk the data with parents');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('list', { name: 'Decisions log' })).toContainText('Walk the data with parents');
  await controls.getByRole('button', { name: 'Action item' }).click();
  dialog = await meeting.dialog('Add an action item');
  await dialog.getByLabel('What will be done').fill('Print the charts');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Action tracker' })).toContainText('Print the charts');
  await controls.getByRole('button', { name: 'Park an idea' }).click();
  dialog = await meeting.dialog('Parking lot');
  await dialog.getByLabel('What to come back to').fill('Summer programme');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Parking lot' })).toContainText('Summer programme');

  // The sheet lists each key with its button.
  await page.getByRole('button', { name: 'Shortcuts (?)' }).click();
  dialog = await meeting.dialog('Meeting shortcuts');
  await expect(dialog.getByRole('row', { name: /^D Record a decision Decision$/ })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Space Start or pause the timer Start timer$/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Tab goes round meeting mode only: the sections and the top bar behind it are inert.
  const navInert = () => page.getByRole('navigation').evaluate((nav) => nav.closest('[inert]') !== null);
  expect(await navInert()).toBe(true);
  await controls.getByRole('button', { name: 'Notes' }).focus();
  const outside: string[] = [];
  for (let step = 0; step < 60; step++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active || active === document.body || active.closest('.meeting')) return null;
      return active.outerHTML.slice(0, 80);
    });
    if (where) outside.push(where);
  }
  expect(outside).toEqual([]);

  // Leaving meeting mode gives the app back.
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  expect(await navInert()).toBe(false);
  await app.section('Partners').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
});
