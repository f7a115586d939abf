import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';

test('a closed session asks before it is reopened, and "Back to the plan" holds when Sessions is shown again', async ({
  page,
  host,
}) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const session = (title: string) =>
    api<{ id: string }>(request, host, 'sessions.create', { initiativeId, session: { kind: 'roundtable', title } });
  const { id: sessionId } = await session('October roundtable');
  await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title: 'Welcome' } });
  await api(request, host, 'meeting.start', { initiativeId, sessionId });
  await api(request, host, 'meeting.close', { initiativeId, sessionId });
  const status = async () =>
    (await api<{ session: { status: string } }>(request, host, 'meeting.get', { initiativeId, sessionId })).session
      .status;

  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /^October roundtable/ }).click();

  // Looking at a closed session does not reopen it: the app asks first.
  await page.getByRole('button', { name: 'Reopen meeting mode…' }).click();
  const question = page.getByRole('alertdialog', { name: 'Reopen this closed session?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('button', { name: 'Keep it closed' })).toBeFocused();
  await question.getByRole('button', { name: 'Keep it closed' }).click();
  await expect(question).toBeHidden();
  await expect(meeting.meeting).toBeHidden();
  expect(await status()).toBe('closed');

  await page.getByRole('button', { name: 'Reopen meeting mode…' }).click();
  await question.getByRole('button', { name: 'Reopen as live' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  expect(await status()).toBe('live');

  // Back to the plan, then away to Partners, another tab, and back: still the plan.
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  await expect(page.getByRole('button', { name: 'Open meeting mode' })).toBeVisible();
  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Partners' })).toBeVisible();
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('button', { name: 'Open meeting mode' })).toBeVisible();
  await page.getByRole('tab', { name: 'Decisions log' }).click();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect(page.getByRole('button', { name: 'Open meeting mode' })).toBeVisible();
  await expect(meeting.meeting).toBeHidden();

  // Opening meeting mode on purpose goes back in.
  await page.getByRole('button', { name: 'Open meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
});
