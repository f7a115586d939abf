import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';
import { SummaryPage } from './pages/summary-page';

const answers = {
  'What was planned': 'Agree the evening meeting times.',
  'What happened': 'We spent the hour on the bus timetable.',
  'Why the difference': 'Parents brought the bus problem with them.',
  'What next': 'Ask the transit office to the next meeting.',
};

test('closing a meeting offers the after-action review; its next step becomes an action in the tracker and the summary', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'March roundtable', startsAt: '2026-03-10T18:00' },
  });
  for (const title of ['Welcome', 'Meeting times'])
    await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title, timeboxMinutes: 15 } });

  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.openInitiative(host.openUrl, 'Eastside');
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /March roundtable/ }).click();
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');

  // The closing screen: the four questions, then a next step made into an action.
  await page.getByRole('button', { name: 'Close session…' }).click();
  await expect(page.getByRole('heading', { name: '0 action items' })).toBeVisible();
  const review = page.getByRole('region', { name: 'After-action review' });
  for (const [question, answer] of Object.entries(answers)) await review.getByLabel(question).fill(answer);
  const turnInto = review.getByRole('form', { name: 'Turn a next step into an action' });
  await turnInto.getByLabel('Action').fill('Invite the transit office');
  await turnInto.getByLabel('Due').fill('2026-03-31');
  await turnInto.getByRole('button', { name: 'Add action' }).click();
  await expect(turnInto.getByRole('status')).toHaveText('Action added: Invite the transit office');
  // The closing screen's own list of actions shows it before the session is closed.
  await expect(page.getByRole('heading', { name: '1 action item' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1 action item' })).toContainText('Invite the transit office');
  await page.getByRole('button', { name: 'Close the session' }).click();
  await expect(page.locator('.session-plan .badge')).toHaveText('Closed');

  // Every answer was saved as its field was left.
  const saved = await api<Record<string, string>>(request, host, 'readiness.reviews.get', { initiativeId, sessionId });
  expect(saved).toMatchObject({
    planned: answers['What was planned'],
    happened: answers['What happened'],
    whyDifferent: answers['Why the difference'],
    nextSteps: answers['What next'],
  });

  await page.getByRole('tab', { name: 'Action tracker' }).click();
  await expect(page.getByRole('list', { name: 'Action tracker' })).toContainText('Invite the transit office');

  await page.getByRole('tab', { name: 'Sessions' }).click();
  const summary = new SummaryPage(page);
  await summary.openFor('March roundtable');
  await expect(summary.preview).toContainText('Learning and readiness');
  await expect(summary.preview).toContainText('Why it went differently: Parents brought the bus problem with them.');
  await expect(summary.preview.getByRole('heading', { name: 'Actions the review led to' })).toBeVisible();
  await expect(summary.preview).toContainText('Invite the transit office');
});
