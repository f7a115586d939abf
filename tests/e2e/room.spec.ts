import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { roomContentSecurityPolicy } from '../../src-main/room/room-server';
import { lanAddressesEnv } from '../../src-main/sync/lan-hub';
import { expect, test } from './fixtures';
import { api } from './pages/meeting-page';
import { PhonePage } from './pages/phone-page';
import { turnOnRoomMode } from './pages/room-setup';

// The host process inherits this: room mode binds and offers loopback only, never a real network.
process.env[lanAddressesEnv] = '127.0.0.1';

interface Decision {
  text: string;
  method: string;
  outcome: string;
  tally: { fist: number[]; objections: string };
}
interface View {
  decisions: Decision[];
  parking: { text: string }[];
  items: { notes: string }[];
}

async function expectAxeClean(page: Page, label: string): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((violation) => `${label} ${violation.id}: ${violation.help}`)).toEqual([]);
}

test('five phones join by code and answer a fist-to-five, a consent round, a dot vote, statements and an idea', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(180_000);
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const partnerIds: string[] = [];
  for (const name of ['Amina Yusuf', 'Luis Ortega', 'Grace Chen']) {
    const partner = await api<{ id: string }>(request, host, 'partners.create', {
      initiativeId,
      partner: { name, kind: 'person' },
    });
    partnerIds.push(partner.id);
  }
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Library basement roundtable' },
  });
  await api(request, host, 'attendance.invite', { initiativeId, sessionId, partnerIds });
  await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title: 'Evening hours' } });
  for (const text of ['Bus passes', 'Childcare corner'])
    await api(request, host, 'parking.add', { initiativeId, sessionId, text });

  const { panel, address, code } = await turnOnRoomMode(page, host);
  await expect(panel.getByRole('img', { name: 'QR code that opens the participant page on a phone' })).toBeVisible();
  expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  expect(new URL(address).port).not.toBe(new URL(host.url).port);
  const panelAxe = await new AxeBuilder({ page }).include('.room').analyze();
  const serious = panelAxe.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
  expect(serious.map((violation) => `panel ${violation.id}: ${violation.help}`)).toEqual([]);

  // Five phones: one opens the address the QR code holds (code included), the others type the code.
  const phones = await Promise.all(['en', 'en', 'es', 'fr', 'ar'].map((language) => PhonePage.open(browser, language)));
  await phones[0].join(`${address}#${code}`, null, 'Amina Yusuf');
  await phones[1].join(address, code.toLowerCase(), null);
  for (const phone of phones.slice(2)) await phone.join(address, code, null);
  await expect(phones[4].page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The built page's own policy is the header's (a meta tag cannot carry frame-ancestors), not the
  // app's, which allows data: and blob: pictures the phone never needs.
  const metaPolicy = await phones[0].page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(`${metaPolicy}; frame-ancestors 'none'`).toBe(roomContentSecurityPolicy);
  await expect(panel.getByText('Phones joined: 5')).toBeVisible();
  await expectAxeClean(phones[4].page, 'Arabic, waiting:');

  const ask = async (kind: string, question: string) => {
    await panel.getByLabel('Kind of question').selectOption({ label: kind });
    await panel.getByLabel('Question', { exact: true }).fill(question);
    if (kind === 'Dot voting')
      await panel.getByRole('button', { name: "Use this meeting's parking lot as the choices" }).click();
    await panel.getByRole('button', { name: 'Ask on the phones' }).click();
    for (const phone of phones) await phone.waitForQuestion(question);
  };
  const closeRevealRecord = async (answers: number, record: string) => {
    await expect(panel.getByText(`Answers so far: ${answers} · open`)).toBeVisible();
    await expect(panel.getByText('Results stay hidden until you show them.')).toBeVisible();
    await panel.getByRole('button', { name: 'Close the question' }).click();
    await panel.getByRole('button', { name: 'Show the results' }).click();
    await panel.getByRole('button', { name: record }).click();
  };

  // Fist to five: the counts go into a new decision's tally.
  await ask('Fist to five', 'Open the library on Tuesday evenings?');
  for (const [index, fingers] of [5, 4, 4, 3, 5].entries()) await phones[index].fist(fingers);
  await expectAxeClean(phones[4].page, 'Arabic, answered:');
  await phones[1].fist(2); // A change of mind counts once: the earlier 4 is replaced.
  await closeRevealRecord(5, 'Record as a decision');
  await expect(panel.getByText('Recorded as a decision.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Results' })).toContainText('2 fingers: 1');

  // Consent round with an objection and its reason.
  await ask('Consent round', 'Move the roundtable to evenings?');
  await phones[0].consent('consent');
  await phones[1].consent('concern', 'Childcare');
  await phones[2].consent('consent');
  await phones[3].consent('standAside');
  await phones[4].consent('object', 'الحافلات تتوقف في الثامنة');
  await closeRevealRecord(5, 'Record as a decision');
  await expect(panel.getByRole('list', { name: 'Reasons given' })).toContainText('الحافلات تتوقف في الثامنة');

  // Dot vote over the parking lot: three dots each, recorded as a line in the item's notes.
  await ask('Dot voting', 'Which should we take up first?');
  await phones[0].dots({ 'Bus passes': 2, 'Childcare corner': 1 });
  await phones[1].dots({ 'Bus passes': 3 });
  await phones[2].dots({ 'Childcare corner': 3 });
  await phones[3].dots({ 'Bus passes': 1 });
  await phones[4].dots({ 'Bus passes': 1, 'Childcare corner': 2 });
  await closeRevealRecord(5, "Add to the item's notes");
  await expect(panel.getByText('Added to the notes.')).toBeVisible();

  // Agree / disagree / pass on two statements: where the room agrees and where it splits.
  await panel.getByLabel('Kind of question').selectOption({ label: 'Agree or disagree' });
  await panel.getByLabel('Question', { exact: true }).fill('Evening meetings');
  await panel.getByLabel('Short statements, one per line').fill('Meet after 6 pm\nServe a meal');
  await panel.getByRole('button', { name: 'Ask on the phones' }).click();
  for (const phone of phones) await phone.waitForQuestion('Evening meetings');
  const stances = ['agree', 'agree', 'agree', 'agree', 'disagree'] as const;
  const meal = ['agree', 'disagree', 'pass', 'disagree', 'agree'] as const;
  for (const [index, phone] of phones.entries())
    await phone.statements({ 'Meet after 6 pm': stances[index], 'Serve a meal': meal[index] });
  await closeRevealRecord(5, "Add to the item's notes");
  await expect(panel.getByRole('list', { name: 'Where the room stands' })).toContainText(
    'Meet after 6 pm: Agree 4 · Disagree 1 · Pass 0 (the room agrees)',
  );
  await expect(panel.getByRole('list', { name: 'Where the room stands' })).toContainText(
    'Serve a meal: Agree 2 · Disagree 2 · Pass 1 (the room is split)',
  );

  // An anonymous idea, moderated into the parking lot.
  await ask('Ideas and concerns', 'What would help you come in the evening?');
  await phones[2].idea('A ride home for those without a car');
  const waiting = panel.getByRole('region', { name: 'Sent in from the phones' });
  await expect(waiting).toContainText('A ride home for those without a car');
  await expect(waiting).not.toContainText('(');
  await waiting.getByRole('button', { name: 'To the parking lot' }).click();
  await expect(page.getByRole('list', { name: 'Parking lot' })).toContainText('A ride home for those without a car');

  const view = await api<View>(request, host, 'meeting.get', { initiativeId, sessionId });
  const fist = view.decisions.find((decision) => decision.method === 'fist_to_five')!;
  expect(fist).toMatchObject({ text: 'Open the library on Tuesday evenings?', outcome: 'agreed' });
  expect(fist.tally.fist).toEqual([0, 0, 1, 1, 1, 2]);
  const consent = view.decisions.find((decision) => decision.method === 'consent')!;
  expect(consent.outcome).toBe('not_agreed');
  expect(consent.tally.objections).toContain('Consent 2 · Concern 1 · Stand aside 1 · Object 1');
  expect(consent.tally.objections).toContain('Object: الحافلات تتوقف في الثامنة');
  // Only Amina chose to be named; her consent has no reason, so no name is written anywhere.
  expect(JSON.stringify([view.decisions, view.parking, view.items])).not.toContain('Amina Yusuf');
  expect(view.items[0].notes).toContain(
    'Dot voting: Which should we take up first? (Bus passes 7 · Childcare corner 6)',
  );
  expect(view.items[0].notes).toContain('Serve a meal: Agree 2 · Disagree 2 · Pass 1 (the room is split)');
  expect(view.parking.map((item) => item.text)).toContain('A ride home for those without a car');

  // The session summary carries them.
  const preview = await api<{ html: string }>(request, host, 'summary.preview', { initiativeId, sessionId });
  expect(preview.html).toContain('Open the library on Tuesday evenings?');
  expect(preview.html).toContain('الحافلات تتوقف في الثامنة');
  expect(preview.html).toContain('A ride home for those without a car');

  // Off: the phones are cut off at once.
  await panel.getByRole('button', { name: 'Turn off room mode' }).click();
  await expect(panel.getByRole('button', { name: 'Turn on room mode' })).toBeVisible();
  await expect(phones[0].page.getByRole('status')).toHaveText(phones[0].say('network'));
  await expectAxeClean(phones[0].page, 'English, cut off:');
  for (const phone of phones) await phone.close();
});
