import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';

const noteText = 'The bus stops running at six, so evening meetings are out for us.';

test('a facilitator plans the next roundtable from the last one and tidies up what was recorded', async ({
  page,
  host,
}) => {
  test.setTimeout(90_000);
  const request = page.request;
  const call = <T>(channel: string, data: Record<string, unknown>) =>
    api<T>(request, host, channel, { initiativeId, ...data });
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const partner = (name: string, sector: string) =>
    call<{ id: string }>('partners.create', { partner: { name, kind: 'person', sector } });
  const ana = await partner('Ana Ruiz', 'community');
  const ben = await partner('Ben Okafor', 'health');
  const group = await call<{ id: string }>('groups.create', { group: { kind: 'working_group', name: 'Early years' } });
  for (const member of [ana, ben])
    await call('groups.setMember', { groupId: group.id, partnerId: member.id, role: 'member' });
  // Last month's roundtable: an agenda, a decision, one action still open and one done.
  const october = await call<{ id: string }>('sessions.create', {
    session: { kind: 'roundtable', title: 'October roundtable', startsAt: '2026-10-19T18:00' },
  });
  for (const title of ['Welcome', 'Evening hours'])
    await call('agenda.add', { sessionId: october.id, item: { title } });
  await call('decisions.record', { decision: { sessionId: october.id, text: 'Meet at six', method: 'consensus' } });
  await call('actions.add', { action: { text: 'Book the library room', ownerId: ana.id, sessionId: october.id } });
  const done = await call<{ id: string }>('actions.add', { action: { text: 'Print name tags', sessionId: october.id } });
  await call('actions.update', { actionId: done.id, patch: { status: 'done' } });
  // This month's, with a focus group's note carried to it.
  const november = await call<{ id: string }>('sessions.create', {
    session: { kind: 'roundtable', title: 'November roundtable', startsAt: '2026-11-23T18:00' },
  });
  const parents = await call<{ id: string }>('groups.create', { group: { kind: 'focus_group', name: 'Parents' } });
  const draft = await call<{ id: string }>('voice.saveDraft', {
    draft: { focusGroupId: parents.id, text: noteText, consent: 'anonymous' },
  });
  await call('voice.capture', { noteId: draft.id });
  await call('voice.carry', { sessionId: november.id, noteIds: [draft.id] });

  const app = new AppPage(page);
  const meeting = new MeetingPage(page);
  await app.open(host.openUrl);
  await expect(page.locator('.topbar__initiative')).toHaveText('Eastside');
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: /November roundtable/ }).click();

  // Invited by mistake: one person, then the whole group, come off the list.
  const invited = page.getByRole('list', { name: 'Invited partners' }).getByRole('listitem');
  await page.getByLabel('Group to invite').selectOption({ label: 'Early years' });
  await page.getByRole('button', { name: 'Invite its members' }).click();
  await expect(invited).toHaveCount(2);
  await page.getByRole('button', { name: 'Take Ben Okafor off the list' }).click();
  await expect(invited).toHaveText(['Ana Ruiz×']);
  await page.getByRole('button', { name: 'Take its members off' }).click();
  await expect(invited).toHaveCount(0);

  // Reusing October's agenda brings its open promise along, not the one already kept.
  await page.getByRole('button', { name: "Reuse the last session's agenda" }).click();
  await expect.poll(() => meeting.agendaTitles()).toEqual(['Welcome', 'Evening hours']);
  const fromLast = page.getByRole('list', { name: 'Open actions from last time' });
  await expect(fromLast).toContainText('Book the library room');
  await expect(fromLast).not.toContainText('Print name tags');

  // The parents' note goes beside the item it speaks to.
  await page.getByRole('button', { name: `Show beside which item: ${noteText}` }).click();
  await page.getByRole('combobox', { name: `Show beside which item: ${noteText}` }).selectOption({ label: 'Evening hours' });
  await expect(page.getByRole('button', { name: `Show beside which item: ${noteText}` })).toHaveText('Evening hours');
  await expect(page.getByRole('list', { name: 'Community voice on Evening hours' })).toContainText('The bus stops');
  await app.expectSaved();

  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  await expect(meeting.currentItem).toHaveText('Welcome');
  await expect(page.getByRole('list', { name: 'Community voice on Welcome' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Community voice carried here' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Open actions from last time' })).toContainText('Book the library room');
  await page.keyboard.press('ArrowRight');
  await expect(meeting.currentItem).toHaveText('Evening hours');
  await expect(page.getByRole('list', { name: 'Community voice on Evening hours' })).toContainText('The bus stops');
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  await expect(page.getByRole('button', { name: 'Open meeting mode' })).toBeVisible();

  // October's decision, reworded, deferred and explained; it stays so after a reload.
  await page.getByRole('tab', { name: 'Decisions log' }).click();
  const log = page.getByRole('list', { name: 'Decisions log' });
  await log.getByRole('button', { name: 'Edit: Meet at six' }).click();
  const decision = log.getByRole('listitem').first();
  await decision.getByLabel('Decision', { exact: true }).fill('Meet at six on Tuesdays');
  await decision.getByLabel('Outcome').selectOption({ label: 'Deferred' });
  await decision.getByLabel('Rationale').fill('The buses run later on Tuesdays.');
  await app.expectSaved();
  await page.reload();
  // Back in the decisions log it was reloaded on, though the November meeting is live.
  await expect(page.getByRole('tab', { name: 'Decisions log' })).toHaveAttribute('aria-selected', 'true');
  await expect(log.getByRole('listitem')).toHaveCount(1);
  await expect(log).toContainText('Meet at six on Tuesdays');
  await expect(log).toContainText('Deferred');
  await expect(log).toContainText('The buses run later on Tuesdays.');

  // The open action: new wording, owner and due date, then done.
  await page.getByRole('tab', { name: 'Action tracker' }).click();
  const tracker = page.getByRole('list', { name: 'Action tracker' });
  await tracker.getByRole('button', { name: 'Edit: Book the library room' }).click();
  const action = tracker.getByRole('listitem').first();
  await action.getByLabel('What will be done').fill('Book the library room for January');
  await action.getByLabel('Owner').selectOption({ label: 'Ben Okafor' });
  await action.getByLabel('Due').fill('2027-01-10');
  await app.expectSaved();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Action tracker' })).toHaveAttribute('aria-selected', 'true');
  await expect(tracker).toContainText('Book the library room for January');
  await expect(tracker).toContainText('Ben Okafor · 2027-01-10');
  await tracker.getByRole('button', { name: 'Edit: Book the library room for January' }).click();
  await tracker.getByRole('listitem').first().getByLabel('Status').selectOption({ label: 'Done' });
  await expect(tracker.getByRole('listitem')).toHaveCount(0);
});
