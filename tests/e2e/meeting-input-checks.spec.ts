import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';

/** A day counted from today on this computer, as a date field writes it. */
function day(offset: number): string {
  const at = new Date();
  at.setDate(at.getDate() + offset);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

test('a 0-minute timebox is refused out loud, a past due date is pointed out, and overdue actions say so', async ({
  page,
  host,
}) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'November roundtable' },
  });
  const { id: itemId } = await api<{ id: string }>(request, host, 'agenda.add', {
    initiativeId,
    sessionId,
    item: { title: 'Welcome', timeboxMinutes: 10 },
  });
  for (const [text, dueDate, status] of [
    ['Send the minutes', day(-3), 'open'],
    ['Book the room', day(7), 'open'],
    ['Print the flyer', day(-3), 'done'],
  ])
    await api(request, host, 'actions.add', { initiativeId, action: { text, dueDate, status, sessionId } });
  const timebox = async () =>
    (
      await api<{ items: { id: string; timeboxMinutes: number }[] }>(request, host, 'meeting.get', {
        initiativeId,
        sessionId,
      })
    ).items.find((item) => item.id === itemId)?.timeboxMinutes;

  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.openInitiative(host.openUrl);
  await page.keyboard.press('Control+4');

  // The tracker marks the open action whose day has passed, in words; not the later one, not the done one.
  await page.getByRole('tab', { name: 'Action tracker' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Any' });
  const tracker = page.getByRole('list', { name: 'Action tracker' });
  await expect(tracker.getByRole('listitem')).toHaveCount(3);
  await expect(tracker.getByRole('listitem').filter({ hasText: 'Send the minutes' })).toContainText('Overdue');
  await expect(tracker.getByRole('listitem').filter({ hasText: 'Book the room' })).not.toContainText('Overdue');
  await expect(tracker.getByRole('listitem').filter({ hasText: 'Print the flyer' })).not.toContainText('Overdue');

  // A timebox of 0 minutes is refused beside the field, and the last good value stays.
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await page.getByRole('button', { name: /^November roundtable/ }).click();
  const minutes = meeting.agenda.getByRole('listitem', { name: 'Welcome' }).getByLabel('Minutes');
  await minutes.fill('0');
  await expect(page.getByRole('alert')).toHaveText(/from 1 to 600/);
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  expect(await timebox()).toBe(10);
  await minutes.fill('15');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(timebox).toBe(15);

  // A due date already past is pointed out in the action form; a later one is not.
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  await page.keyboard.press('a');
  const dialog = await meeting.dialog('Add an action item');
  await dialog.getByLabel('Due').fill(day(-1));
  await expect(dialog.getByText('This date has already passed.')).toBeVisible();
  await dialog.getByLabel('Due').fill(day(1));
  await expect(dialog.getByText('This date has already passed.')).toHaveCount(0);
});
