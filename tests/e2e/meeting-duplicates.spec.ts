import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';

interface Counted {
  id: string;
  title?: string;
  name?: string;
  text?: string;
}

test('a double-click on each create makes one record, and a deleted session or decision comes back with Undo', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside');
  const [{ id: initiativeId }] = await api<Counted[]>(page.request, host, 'initiatives.list', {});
  const list = <T extends Counted>(channel: string, extra: Record<string, unknown> = {}) =>
    api<T[]>(page.request, host, channel, { initiativeId, ...extra });

  // Add partner.
  await page.keyboard.press('Control+1');
  const quickAdd = page.getByRole('form', { name: 'Add a partner' });
  await quickAdd.getByLabel('Name').fill('Westside Clinic');
  await quickAdd.getByRole('button', { name: 'Add partner' }).dblclick();
  await expect(quickAdd.getByLabel('Name')).toHaveValue('');
  await expect.poll(async () => (await list('partners.list')).length).toBe(1);

  // Create focus group.
  await page.keyboard.press('Control+3');
  await page.getByLabel('New focus group').fill('Parents');
  await page.getByRole('button', { name: 'Create', exact: true }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Parents' })).toBeVisible();
  await expect.poll(async () => (await list('groups.list')).filter((group) => group.name === 'Parents').length).toBe(1);

  // Plan session.
  await page.keyboard.press('Control+4');
  const planForm = page.getByRole('form', { name: 'Plan a session' });
  await planForm.getByLabel('Title').fill('November roundtable');
  await planForm.getByRole('button', { name: 'Plan session' }).dblclick();
  await expect(page.getByRole('heading', { level: 2, name: 'November roundtable' })).toBeVisible();
  await expect.poll(async () => (await list('sessions.list', { filter: {} })).length).toBe(1);
  await meeting.addAgendaItem('Welcome');
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  const [{ id: sessionId }] = await list('sessions.list', { filter: {} });
  const view = () =>
    api<{ decisions: Counted[]; actions: Counted[] }>(page.request, host, 'meeting.get', { initiativeId, sessionId });

  // Record decision.
  await page.keyboard.press('d');
  let dialog = await meeting.dialog('Record a decision');
  await dialog.getByLabel('Decision', { exact: true }).fill('Meet at six');
  await dialog.getByRole('button', { name: 'Record decision' }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Decisions log' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(async () => (await view()).decisions.length).toBe(1);

  // Save action.
  await page.keyboard.press('a');
  dialog = await meeting.dialog('Add an action item');
  await dialog.getByLabel('What will be done').fill('Book the library room');
  await dialog.getByRole('button', { name: 'Save' }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('list', { name: 'Action tracker' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(async () => (await view()).actions.length).toBe(1);

  // A decision recorded by mistake is deleted from meeting mode, and Ctrl+Z brings it back.
  await page.getByRole('button', { name: 'Delete the decision “Meet at six”' }).click();
  await expect(page.getByRole('list', { name: 'Decisions log' }).getByRole('listitem')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Decision “Meet at six” deleted.' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('list', { name: 'Decisions log' })).toHaveText('Meet at six ×');

  // The session itself, deleted from its plan with everything in it, comes back with the toast's Undo.
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  await page.getByRole('button', { name: 'Delete session' }).click();
  await expect(page.getByRole('list', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Action tracker' }).click();
  await expect(page.getByRole('list', { name: 'Action tracker' }).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('list', { name: 'Action tracker' }).getByRole('listitem')).toHaveText(
    /Book the library room/,
  );
  expect((await list('sessions.list', { filter: {} })).map((session) => session.id)).toEqual([sessionId]);
  expect((await view()).decisions.map((decision) => decision.text)).toEqual(['Meet at six']);
});
