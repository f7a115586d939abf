import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { PhonePage } from './pages/phone-page';
import { readinessOn } from './pages/phone-readiness';
import { ReadinessPage } from './pages/readiness-page';
import { readinessOpener, roundtableWithRound, turnOnRoomMode } from './pages/room-setup';
import { lanAddressesEnv } from '../../src-main/sync/lan-hub';

// The host process inherits this: room mode binds and offers loopback only, never a real network.
process.env[lanAddressesEnv] = '127.0.0.1';

test('three raters answer a readiness round from their phones, one in Arabic, and the sheets land in the round', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(180_000);
  const [first, second] = (await roundtableWithRound(page.request, host)).items;
  const { panel, address, code } = await turnOnRoomMode(page, host);

  const [english, spanish, arabic] = await Promise.all(
    (['en', 'es', 'ar'] as const).map((language) => PhonePage.open(browser, language)),
  );
  for (const phone of [english, spanish, arabic]) await phone.join(`${address}#${code}`, null, null);
  await expect(panel.getByText('Phones joined: 3')).toBeVisible();

  const opener = readinessOpener(panel);
  await expect(opener.getByLabel('Round')).toHaveValue(/.+/);
  await opener.getByLabel('Round').selectOption({ label: 'Spring check (2026-03-10)' });
  await opener.getByRole('button', { name: 'Put this round on the phones' }).click();
  for (const phone of [english, spanish, arabic]) await phone.waitForQuestion('Spring check');

  // Each phone reads the items in its own language; the Arabic page runs right to left.
  await expect(readinessOn(arabic).item(first.ar)).toBeVisible();
  await expect(arabic.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(readinessOn(spanish).item(first.es)).toBeVisible();
  const axe = await new AxeBuilder({ page: arabic.page }).analyze();
  expect(axe.violations.map((violation) => `Arabic round: ${violation.id}: ${violation.help}`)).toEqual([]);

  await readinessOn(english).answer({
    sector: 'health',
    livedExperience: false,
    ratings: { [first.en]: { level: 2, importance: 5 }, [second.en]: { level: 3, importance: 4 } },
  });
  await readinessOn(spanish).answer({
    sector: 'education',
    livedExperience: false,
    ratings: { [first.es]: { level: 3, importance: 5 } },
  });
  await readinessOn(arabic).answer({
    sector: 'community',
    livedExperience: true,
    ratings: { [first.ar]: { level: 1, importance: 5 } },
  });
  // The Arabic rater changes their mind: still one answer from that phone.
  await readinessOn(arabic).answer({
    sector: 'community',
    livedExperience: true,
    ratings: { [first.ar]: { level: 2, importance: 5 } },
  });
  await expect(panel.getByText('Answers so far: 3 · open')).toBeVisible();
  await expect(
    panel.getByText("The answers are not counted here. Close the round, then save them as the round's sheets."),
  ).toBeVisible();

  await panel.getByRole('button', { name: 'Close the question' }).click();
  for (const phone of [english, spanish, arabic]) await expect(phone.page.getByText(phone.say('closed'))).toBeVisible();
  await panel.getByRole('button', { name: "Save the answers as the round's sheets" }).click();
  await expect(
    panel.getByText('Sheets saved in the round: 3. See the results in the Readiness section.'),
  ).toBeVisible();
  // The phones were shown the items only: never a count, a result or anyone's sheet.
  await expect(arabic.page.locator('body')).not.toContainText(english.say('readiness.sectors.health'));

  const readiness = new ReadinessPage(page);
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  await new AppPage(page).section('Readiness and phases').click();
  await readiness.openRound('Self-assessment of the five conditions', /^Spring check, 2026-03-10 · sheets: 3/);
  const sheets = page.getByRole('region', { name: 'Sheets typed in' });
  // Sheets saved in the same second come in no set order: each is looked for on its own.
  await expect(sheets.getByRole('listitem')).toHaveCount(3);
  for (const line of [
    /: Health, 2 items rated/,
    /: Education, 1 items rated/,
    /: Community \/ residents, 1 items rated · lived experience/,
  ])
    await expect(sheets.getByRole('listitem').filter({ hasText: line })).toHaveCount(1);
  // One resident among three raters: the groups are too small to be shown apart.
  await expect(readiness.results.getByText(/^Sheets: 3\. Residents and agencies are not counted apart/)).toBeVisible();

  for (const phone of [english, spanish, arabic]) await phone.close();
});
