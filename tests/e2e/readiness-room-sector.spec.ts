import { expect, test } from './fixtures';
import { readinessOn } from './pages/phone-readiness';
import { phoneOnRound } from './pages/room-setup';
import { lanAddressesEnv } from '../../src-main/sync/lan-hub';

// The host process inherits this: room mode binds and offers loopback only, never a real network.
process.env[lanAddressesEnv] = '127.0.0.1';

test('a rater who skips the sector is asked for it at the field, and nothing is sent until they choose', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(120_000);
  const { items, panel, phone } = await phoneOnRound(page, host, browser, 'fr');
  const [first] = items;

  // The sector starts on a question, not on a blank, and the question cannot be picked as an answer.
  const sheet = readinessOn(phone);
  const ask = sheet.sector.getByRole('option', { name: phone.say('sectorChoice.ask') });
  await expect(sheet.sector.locator('option:checked')).toHaveText(phone.say('sectorChoice.ask'));
  await expect(ask).toBeDisabled();

  await sheet.fill({ sector: null, livedExperience: true, ratings: { [first.fr]: { level: 2, importance: 5 } } });
  await phone.page.getByRole('button', { name: phone.say('send'), exact: true }).click();
  // Told beside the field, which takes the focus (on a long sheet it is far above the button).
  await expect(sheet.sector).toBeFocused();
  await expect(sheet.sector).toHaveAttribute('aria-invalid', 'true');
  await expect(sheet.sector).toHaveAccessibleDescription(phone.say('readiness.pickSector'));
  await expect(panel.getByText('Answers so far: 0 · open')).toBeVisible();

  await sheet.sector.selectOption({ label: phone.say('readiness.sectors.education') });
  await expect(sheet.sector).not.toHaveAttribute('aria-invalid', 'true');
  await phone.send();
  await expect(panel.getByText('Answers so far: 1 · open')).toBeVisible();
  await phone.close();
});
