import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';

test('a reload during a live session comes back where the facilitator was: meeting mode, the plan or a log', async ({
  page,
  host,
}) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'November roundtable' },
  });
  for (const title of ['Welcome', 'Bus routes'])
    await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title } });
  await api(request, host, 'meeting.start', { initiativeId, sessionId });

  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  const openMeetingMode = page.getByRole('button', { name: 'Open meeting mode' });
  await app.openInitiative(host.openUrl, 'Eastside');
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /^November roundtable/ }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');

  // In meeting mode: back in meeting mode.
  await page.reload();
  await expect(meeting.currentItem).toHaveText('Welcome');

  // On the live session's plan, to fix the agenda: back on the plan, not thrown into meeting mode.
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  await expect(openMeetingMode).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();
  await expect(openMeetingMode).toBeVisible();
  await expect(meeting.meeting).toBeHidden();

  // In the decisions log: back in the decisions log.
  await page.getByRole('tab', { name: 'Decisions log' }).click();
  await expect(page.getByRole('tab', { name: 'Decisions log' })).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Decisions log' })).toHaveAttribute('aria-selected', 'true');
  await expect(meeting.meeting).toBeHidden();

  // Meeting mode opened again on purpose: a reload keeps it.
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await openMeetingMode.click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  await page.reload();
  await expect(meeting.currentItem).toHaveText('Welcome');

  // A new window (as after the app is started again) opens a live session in meeting mode.
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  await expect(openMeetingMode).toBeVisible();
  const second = await page.context().newPage();
  await new AppPage(second).openInitiative(host.openUrl, 'Eastside');
  await expect(new MeetingPage(second).currentItem).toHaveText('Welcome');
  await second.close();
});
