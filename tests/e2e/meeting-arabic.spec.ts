import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, MeetingPage } from './pages/meeting-page';

/** Where the first and the last character of an element's text are drawn, left to right. */
async function edges(element: Locator): Promise<{ first: number; last: number }> {
  return element.evaluate((node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) texts.push(walker.currentNode as Text);
    const at = (text: Text, offset: number) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      return range.getBoundingClientRect().left;
    };
    const lastText = texts[texts.length - 1];
    return { first: at(texts[0], 0), last: at(lastText, lastText.data.length - 1) };
  });
}

test('in Arabic, meeting mode names sectors in Arabic, keeps Latin titles whole, and signs an overrun −0:35', async ({
  page,
  host,
}) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const title = 'Budget (2027)!';
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title },
  });
  for (const item of ['Welcome', 'Data walk'])
    await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title: item, timeboxMinutes: 1 } });
  for (const [name, sector] of [
    ['Ana Ruiz', 'community'],
    ['Eastside School', 'education'],
  ]) {
    const { id: partnerId } = await api<{ id: string }>(request, host, 'partners.create', {
      initiativeId,
      partner: { name, sector },
    });
    await api(request, host, 'attendance.checkIn', { initiativeId, sessionId, partnerId, present: true });
  }
  await api(request, host, 'meeting.start', { initiativeId, sessionId });
  const live = await api<{ timerStartedAt: number }>(request, host, 'meeting.timer', {
    initiativeId,
    sessionId,
    action: 'start',
  });
  // The page's clock stands 95 seconds after the timer started: 35 seconds over a one-minute item.
  await page.clock.setFixedTime(live.timerStartedAt + 95_000);
  await page.addInitScript(() => localStorage.setItem('commonground.locale', 'ar'));
  await page.goto(host.openUrl);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.press('Control+4');
  const listed = page.getByRole('button', { name: /Budget/ });
  const inList = await edges(listed.locator('strong'));
  expect(inList.first).toBeLessThan(inList.last);
  await listed.click();
  const meeting = new MeetingPage(page);
  await expect(meeting.currentItem).toHaveText('Welcome');

  // The overrun reads −0:35, its sign drawn before (left of) the digits.
  await expect(meeting.timer).toHaveText('−0:35');
  const timer = await edges(meeting.timer);
  expect(timer.first).toBeLessThan(timer.last);

  // A Latin title keeps its closing "!" after the ")" on an Arabic page.
  const heading = page.getByRole('heading', { level: 1, name: title });
  const drawn = await edges(heading);
  expect(drawn.first).toBeLessThan(drawn.last);

  // Sectors at the table in Arabic words, not the stored codes.
  const sectors = page.getByTestId('sectors-present');
  await expect(sectors).toContainText('التعليم');
  await expect(sectors).toContainText('المجتمع / السكان');
  await expect(sectors).not.toContainText('community');
  await expect(sectors).not.toContainText('education');

  // "Next" points left, as Arabic reads; the button and ← both go on.
  const next = page.getByRole('button', { name: 'البند التالي' });
  await expect(next).toContainText('←');
  await next.click();
  await expect(meeting.currentItem).toHaveText('Data walk');
  await page.keyboard.press('ArrowRight');
  await expect(meeting.currentItem).toHaveText('Welcome');
});
