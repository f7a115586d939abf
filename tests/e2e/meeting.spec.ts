import { expect, test } from './fixtures';
import type { HostProcess } from './host-process';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';
import type { Page } from '@playwright/test';

interface World {
  initiativeId: string;
  noteText: string;
}

/** Partners, a working group and a focus-group note that may be quoted anonymously, made through the host. */
async function setUp(page: Page, host: HostProcess): Promise<World> {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const partner = (name: string, sector: string, livedExperience = false) =>
    api<{ id: string }>(request, host, 'partners.create', {
      initiativeId,
      partner: { name, kind: 'person', sector, livedExperience },
    });
  const ana = await partner('Ana Ruiz', 'community', true);
  const ben = await partner('Ben Okafor', 'health');
  await partner('Carla Diaz', 'education');
  const group = await api<{ id: string }>(request, host, 'groups.create', {
    initiativeId,
    group: { kind: 'working_group', name: 'Early years' },
  });
  for (const member of [ana, ben])
    await api(request, host, 'groups.setMember', {
      initiativeId,
      groupId: group.id,
      partnerId: member.id,
      role: 'member',
    });
  const focusGroup = await api<{ id: string }>(request, host, 'groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Parents' },
  });
  const noteText = 'The bus stops running at six, so evening meetings are out for us.';
  const draft = await api<{ id: string }>(request, host, 'voice.saveDraft', {
    initiativeId,
    draft: { focusGroupId: focusGroup.id, text: noteText, consent: 'anonymous' },
  });
  await api(request, host, 'voice.capture', { initiativeId, noteId: draft.id });
  return { initiativeId, noteText };
}

test('a facilitator plans a roundtable, runs it by keyboard, closes it, and finds its decisions and actions', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const world = await setUp(page, host);
  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.open(host.openUrl);
  await expect(page.locator('.topbar__initiative')).toHaveText('Eastside');
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible();

  // Plan: a session with five agenda items, one moved up by keyboard, and the working group invited.
  await meeting.planSession('November roundtable', '2026-11-23T18:00');
  for (const title of ['Welcome', 'Data walk', 'Evening hours', 'Transport', 'Budget'])
    await meeting.addAgendaItem(title);
  await meeting.agenda.getByRole('listitem', { name: 'Budget' }).getByLabel('Item').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(() => meeting.agendaTitles())
    .toEqual(['Welcome', 'Data walk', 'Evening hours', 'Budget', 'Transport']);
  // Dragging Transport onto Budget puts it in Budget's place.
  await meeting.agenda
    .getByRole('listitem', { name: 'Transport' })
    .locator('.agenda__number')
    .dragTo(meeting.agenda.getByRole('listitem', { name: 'Budget' }).locator('.agenda__number'));
  await expect
    .poll(() => meeting.agendaTitles())
    .toEqual(['Welcome', 'Data walk', 'Evening hours', 'Transport', 'Budget']);
  await page.getByRole('button', { name: 'Move Budget up' }).click();
  await page.getByRole('button', { name: 'Move Budget down' }).click();
  await expect
    .poll(() => meeting.agendaTitles())
    .toEqual(['Welcome', 'Data walk', 'Evening hours', 'Transport', 'Budget']);
  await page.getByLabel('Group to invite').selectOption({ label: 'Early years' });
  await page.getByRole('button', { name: 'Invite its members' }).click();
  await expect(page.getByRole('list', { name: 'Invited partners' }).getByRole('listitem')).toHaveCount(2);

  // The focus group's leader carries a note to this roundtable.
  const sessions = await api<{ id: string; title: string }[]>(page.request, host, 'sessions.list', {
    initiativeId: world.initiativeId,
    filter: {},
  });
  const found = await api<{ hits: { note: { id: string } }[] }>(page.request, host, 'voice.search', {
    initiativeId: world.initiativeId,
    query: 'bus',
  });
  await api(page.request, host, 'voice.carry', {
    initiativeId: world.initiativeId,
    sessionId: sessions.find((session) => session.title === 'November roundtable')?.id,
    noteIds: [found.hits[0].note.id],
  });

  // Run: full screen, by keyboard.
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  await expect(meeting.meeting.getByRole('list', { name: 'Community voice carried here' })).toContainText(
    'The bus stops',
  );

  // Checked once the check-in is saved and read back.
  for (const name of [/Ana Ruiz/, /Ben Okafor/]) {
    await page.getByRole('checkbox', { name }).click();
    await expect(page.getByRole('checkbox', { name })).toBeChecked();
  }
  await page.getByLabel('Walk-in name').fill('Dana Lee');
  await page.getByLabel('Lived experience').check();
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.locator('.checkin__counts')).toHaveText('3 present · 2 sectors · 2 lived-experience seats');
  await page.getByLabel('Walk-in name').press('Escape');

  await page.keyboard.press('n');
  await expect(page.getByLabel('Notes on this item')).toBeFocused();
  await page.keyboard.type('Everyone introduced themselves.');
  await page.keyboard.press('Escape');
  await app.expectSaved();

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(meeting.currentItem).toHaveText('Evening hours');
  await page.keyboard.press('Space');
  await expect(page.getByText(/^Running/)).toBeVisible();

  // A fist-to-five decision citing the carried voice note.
  await page.keyboard.press('d');
  let dialog = await meeting.dialog('Record a decision');
  await dialog.getByLabel('Decision', { exact: true }).fill('Try evening meetings at six for three months');
  await dialog.getByLabel('Method').selectOption({ label: 'Fist to five' });
  const fingers = ['0 (block)', '1 finger', '2 fingers', '3 fingers', '4 fingers', '5 fingers'];
  for (const [index, count] of [0, 0, 1, 2, 4, 5].entries())
    await dialog.getByLabel(fingers[index]).fill(String(count));
  await dialog.getByRole('checkbox', { name: world.noteText }).check();
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog).toBeHidden();

  // A majority vote on the next item.
  await page.keyboard.press('ArrowRight');
  await expect(meeting.currentItem).toHaveText('Transport');
  await page.keyboard.press('d');
  dialog = await meeting.dialog('Record a decision');
  await dialog.getByLabel('Decision', { exact: true }).fill('Fund a second van');
  await dialog.getByLabel('Method').selectOption({ label: 'Majority vote' });
  await dialog.getByLabel('For', { exact: true }).fill('9');
  await dialog.getByLabel('Against').fill('2');
  await dialog.getByLabel('Abstain').fill('1');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(dialog).toBeHidden();

  // Two action items and a parking-lot item.
  for (const [text, owner] of [
    ['Book the library room', 'Ana Ruiz'],
    ['Ask the transit agency about route 12', 'Ben Okafor'],
  ]) {
    await page.keyboard.press('a');
    dialog = await meeting.dialog('Add an action item');
    await dialog.getByLabel('What will be done').fill(text);
    await dialog.getByLabel('Owner').selectOption({ label: owner });
    await dialog.getByLabel('Due').fill('2026-12-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
  await page.keyboard.press('p');
  dialog = await meeting.dialog('Parking lot');
  await dialog.getByLabel('What to come back to').fill('Summer programme');
  await dialog.getByLabel('What to come back to').press('Enter');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('?');
  dialog = await meeting.dialog('Meeting shortcuts');
  await expect(dialog).toContainText('Record a decision');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Close: review, then closed.
  await page.getByRole('button', { name: 'Close session…' }).click();
  await expect(page.getByRole('heading', { name: '2 decisions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '2 action items' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '1 item in the parking lot' })).toBeVisible();
  await page.getByRole('button', { name: 'Close the session' }).click();
  await expect(page.locator('.session-plan .badge')).toHaveText('Closed');

  // Across sessions: the decisions log and the action tracker.
  await page.getByRole('tab', { name: 'Decisions log' }).click();
  const log = page.getByRole('list', { name: 'Decisions log' });
  await expect(log.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Method').selectOption({ label: 'Fist to five' });
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await expect(log).toContainText('Fingers 0–5: 0 / 0 / 1 / 2 / 4 / 5');
  await expect(log).toContainText('Informed by 1 voice note');
  await page.getByLabel('Method').selectOption({ label: 'Any' });
  await page.getByLabel('Search decisions').fill('van');
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await expect(log).toContainText('For 9, against 2, abstain 1');

  await page.getByRole('tab', { name: 'Action tracker' }).click();
  const tracker = page.getByRole('list', { name: 'Action tracker' });
  await expect(tracker.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Owner').selectOption({ label: 'Ana Ruiz' });
  await expect(tracker.getByRole('listitem')).toHaveCount(1);
  await expect(tracker).toContainText('Book the library room');
});

test('a reload in the middle of a meeting returns to the same item and the same timer', async ({ page, host }) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Westside' });
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'steering_committee', title: 'Steering, November' },
  });
  for (const title of ['Welcome', 'Shared measures', 'Next steps'])
    await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title, timeboxMinutes: 15 } });

  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.open(host.openUrl);
  await expect(page.locator('.topbar__initiative')).toHaveText('Westside');
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /Steering, November/ }).click();
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  await page.keyboard.press('ArrowRight');
  await expect(meeting.currentItem).toHaveText('Shared measures');
  await page.keyboard.press('Space');
  await expect(page.getByText(/^Running/)).toBeVisible();
  await expect(meeting.timer).not.toHaveText('15:00');
  await page.keyboard.press('Space');
  await expect(page.getByText(/^Paused/)).toBeVisible();
  await app.expectSaved();
  const shown = await meeting.timer.textContent();

  await page.reload();
  await expect(meeting.currentItem).toHaveText('Shared measures');
  await expect(page.getByText(/^Paused/)).toBeVisible();
  await expect(meeting.timer).toHaveText(shown ?? '');

  // Running when the page goes away: still running, counting from the same instant.
  await page.keyboard.press('Space');
  await expect(page.getByText(/^Running/)).toBeVisible();
  await app.expectSaved();
  await page.getByRole('button', { name: 'High contrast' }).click();
  await page.reload();
  await expect(meeting.currentItem).toHaveText('Shared measures');
  await expect(page.getByText(/^Running/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'High contrast' })).toHaveAttribute('aria-pressed', 'true');
});

test('in Arabic, ← goes to the next item and → back, and the shortcut sheet says so', async ({ page, host }) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Northside' });
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Roundtable, December' },
  });
  for (const title of ['Welcome', 'Shared measures', 'Next steps'])
    await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title, timeboxMinutes: 10 } });

  const meeting = new MeetingPage(page);
  await page.goto(host.openUrl);
  await expect(page.locator('.topbar__initiative')).toHaveText('Northside');
  await page.keyboard.press('Control+7');
  await page.getByLabel('Language of the app').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /Roundtable, December/ }).click();
  await page.getByRole('button', { name: 'بدء وضع الاجتماع' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  await page.keyboard.press('ArrowLeft');
  await expect(meeting.currentItem).toHaveText('Shared measures');
  await page.keyboard.press('ArrowLeft');
  await expect(meeting.currentItem).toHaveText('Next steps');
  await page.keyboard.press('ArrowRight');
  await expect(meeting.currentItem).toHaveText('Shared measures');
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog');
  await expect(sheet.getByRole('row').filter({ hasText: 'البند التالي' }).locator('kbd')).toHaveText('←');
  await expect(sheet.getByRole('row').filter({ hasText: 'البند السابق' }).locator('kbd')).toHaveText('→');
});
