import { expect, test } from './fixtures';
import { readinessOn } from './pages/phone-readiness';
import { phoneOnRound } from './pages/room-setup';
import { lanAddressesEnv } from '../../src-main/sync/lan-hub';

// The host process inherits this: room mode binds and offers loopback only, never a real network.
process.env[lanAddressesEnv] = '127.0.0.1';

test('a rater who skips the lived-experience question is asked for it at the question, and nothing is sent until they answer', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(120_000);
  const { items, panel, phone } = await phoneOnRound(page, host, browser, 'es');
  const [first] = items;

  const sheet = readinessOn(phone);
  await sheet.fill({ sector: 'health', livedExperience: null, ratings: { [first.es]: { level: 3, importance: 4 } } });
  await phone.page.getByRole('button', { name: phone.say('send'), exact: true }).click();
  // Told at the question, whose first answer takes the focus, so a screen reader hears why.
  const yes = sheet.livedChoice(true);
  const no = sheet.livedChoice(false);
  await expect(yes).toBeFocused();
  await expect(sheet.lived).toHaveAccessibleDescription(phone.say('readiness.pickLived'));
  for (const choice of [yes, no]) {
    await expect(choice).toHaveAttribute('aria-invalid', 'true');
    await expect(choice).toHaveAccessibleDescription(phone.say('readiness.pickLived'));
  }
  await expect(sheet.lived.getByText(phone.say('readiness.pickLived'))).toBeVisible();
  await expect(panel.getByText('Answers so far: 0 · open')).toBeVisible();

  await no.check();
  await expect(no).not.toHaveAttribute('aria-invalid', 'true');
  await expect(sheet.lived.getByText(phone.say('readiness.pickLived'))).toBeHidden();
  await phone.send();
  await expect(panel.getByText('Answers so far: 1 · open')).toBeVisible();
  await phone.close();
});
