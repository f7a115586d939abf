import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

/** What the participants say, typed at speaking speed: [text, kind shortcut digit]. */
const spoken: [string, number][] = [
  ['The bus stops running at six, so evening meetings are out for us.', 1],
  ['Several parents nodded when childcare came up.', 2],
  ['Nobody told us the clinic moved.', 3],
  ['A walking school bus could cover the last mile.', 4],
  ['I work nights; mornings are the only time I can come.', 1],
  ['The library is the only warm place on Saturdays.', 1],
  ['Interpreters are never booked in advance.', 3],
  ['Translate the flyers into Vietnamese and Somali.', 4],
  ['Food pantry hours clash with school pickup.', 3],
  ['People spoke more freely once staff left the room.', 2],
  ['Our kids need safe places after school.', 1],
  ['Rent went up twice this year.', 3],
  ['Pay people for their time in focus groups.', 4],
  ['Grandparents do most of the school runs here.', 2],
  ['We want to be asked before decisions, not after.', 1],
  ['The sidewalk on Elm has no lights.', 3],
  ['Hold the next meeting at the community garden.', 4],
  ['Many arrived late because of the bus.', 2],
  ['My daughter translates for me at the doctor.', 1],
  ['Start a parents’ WhatsApp group for updates.', 4],
];

test('a leader captures twenty notes by keyboard, themes them, finds one, and a withdrawal hides a participant', async ({
  page,
  host,
}) => {
  // Twenty notes typed a key at a time, each key saved: longer than the default minute.
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside Families');
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('tab', { name: 'Focus groups' })).toHaveAttribute('aria-selected', 'true');

  // A focus group, two participants with different consent.
  await page.getByLabel('New focus group').fill('Parents of young children');
  await page.getByLabel('New focus group').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Parents of young children' })).toBeVisible();
  await page.getByRole('tab', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Add a participant' }).click();
  await page.getByRole('button', { name: 'Add a participant' }).click();
  const pseudonyms = page.getByLabel('Pseudonym');
  await expect(pseudonyms).toHaveCount(2);
  await pseudonyms.first().fill('Amara');
  await pseudonyms.last().fill('Bodani');
  await page.getByLabel('Consent', { exact: true }).first().selectOption({ label: 'May quote with pseudonym' });
  await app.expectSaved();

  // Themes for the codebook.
  await page.getByRole('tab', { name: 'Themes' }).click();
  for (const name of ['Transport', 'Childcare']) {
    await page.getByLabel('New theme').fill(name);
    await page.getByLabel('New theme').press('Enter');
    await expect(page.getByLabel('Name', { exact: true })).toHaveCount(name === 'Transport' ? 1 : 2);
  }

  // Twenty notes by keyboard alone: Alt+digit for the kind, Alt+Down for the speaker, Enter to file.
  await page.getByRole('tab', { name: 'Focus groups' }).click();
  await page.getByRole('button', { name: 'Transport' }).click(); // sticky theme for what follows
  const line = page.getByLabel('What was said');
  await line.focus();
  for (const [index, [text, kind]] of spoken.entries()) {
    await page.keyboard.press(`Alt+Digit${kind}`);
    if (index === 5) await page.keyboard.press('Alt+ArrowDown'); // Amara (named) from note 6 on
    if (index === 12) await page.keyboard.press('Alt+ArrowDown'); // Bodani (anonymous) from note 13 on
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(line).toHaveValue('');
  }
  await expect(page.getByRole('heading', { name: '20 notes' })).toBeVisible();
  // Newest first: the note just filed sits right under the capture line.
  await expect(page.locator('.note').first()).toContainText('Start a parents’ WhatsApp group');
  await expect(page.locator('.note').last()).toContainText('The bus stops running at six');
  await expect(page.locator('.note--idea')).toHaveCount(5);
  await expect(page.locator('.note').filter({ hasText: 'Pay people for their time' })).toContainText('Bodani');

  // Every note typed while Transport was on carries it; tag one more theme by hand.
  const childcare = page.locator('.note').filter({ hasText: 'Several parents nodded' });
  await childcare.getByRole('button', { name: 'Edit and tag' }).click();
  await childcare.getByRole('button', { name: 'Childcare' }).click();
  await expect(childcare.getByRole('button', { name: 'Childcare' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');

  // Search finds a note, highlighted.
  await page.getByRole('tab', { name: 'Search notes' }).click();
  await page.getByLabel('Search words').fill('interpret');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText('Interpreters');
  await page.getByLabel('Search words').fill('');
  await page.getByLabel('Theme').selectOption({ label: 'Childcare' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Theme').selectOption({ label: 'Any' });
  await page.getByLabel('Search words').fill('pay people');
  await expect(results.getByRole('listitem')).toHaveCount(1);

  // Bodani withdraws: their notes vanish from search and export, and stay marked on the group's screen.
  await page.getByRole('tab', { name: 'Focus groups' }).click();
  await page.getByRole('tab', { name: 'Participants' }).click();
  // Participants are listed by pseudonym: Amara, then Bodani.
  const bodani = page.locator('.participant').nth(1);
  await expect(bodani.getByLabel('Pseudonym')).toHaveValue('Bodani');
  await bodani.getByRole('button', { name: 'Withdraw…' }).click();
  await bodani.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await expect(bodani).toContainText('Withdrawn on');

  await page.getByRole('tab', { name: 'Search notes' }).click();
  await page.getByLabel('Search words').fill('pay people');
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toContainText('0 notes found');
  await page.getByLabel('Search words').fill('');
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toContainText('12 notes found');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export notes as CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('Interpreters are never booked');
  expect(csv).toContain('Amara');
  for (const [text] of spoken.slice(12)) expect(csv).not.toContain(text.slice(0, 20));
  expect(csv).not.toContain('Bodani');

  await page.getByRole('tab', { name: 'Focus groups' }).click();
  await page.getByRole('tab', { name: 'Capture' }).click();
  await expect(page.locator('.note--withdrawn')).toHaveCount(8);
});

test('a note half typed when the app closes is still there when it opens again', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Draft keeper');
  await page.keyboard.press('Control+3');
  await page.getByLabel('New focus group').fill('Elders');
  await page.getByLabel('New focus group').press('Enter');
  await page.getByLabel('What was said').fill('The senior centre van only comes on Tues');
  await app.expectSaved();
  await page.reload();
  await expect(page.getByLabel('What was said')).toHaveValue('The senior centre van only comes on Tues');
  await page.getByLabel('What was said').press('End');
  await page.keyboard.type('days.');
  await page.keyboard.press('Enter');
  await expect(page.locator('.note')).toHaveText(/The senior centre van only comes on Tuesdays\./);
});
