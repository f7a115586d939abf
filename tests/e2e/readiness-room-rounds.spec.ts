import { expect, test } from './fixtures';
import { api } from './pages/meeting-page';
import { readinessOpener, roundtableWithRound, turnOnRoomMode } from './pages/room-setup';
import { lanAddressesEnv } from '../../src-main/sync/lan-hub';

// The host process inherits this: room mode binds and offers loopback only, never a real network.
process.env[lanAddressesEnv] = '127.0.0.1';

test('the round picker in room mode follows rounds made and removed while it is open', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { initiativeId, roundId: spring, createRound } = await roundtableWithRound(page.request, host);
  const { panel } = await turnOnRoomMode(page, host);
  const opener = readinessOpener(panel);
  const picker = opener.getByLabel('Round');
  await expect(picker.locator('option:checked')).toHaveText('Spring check (2026-03-10)');

  // Made elsewhere (the Readiness section, another window, a sync) while the panel is open: the
  // picker lists it at once and, as nobody picked another, offers it as the newest.
  const { id: autumn } = await createRound('Autumn check', '2026-10-01');
  await expect(picker.locator('option:checked')).toHaveText('Autumn check (2026-10-01)');
  await expect(picker.getByRole('option')).toHaveText(['Autumn check (2026-10-01)', 'Spring check (2026-03-10)']);

  // A round the facilitator picked stays picked when another one is removed.
  await picker.selectOption({ label: 'Spring check (2026-03-10)' });
  const remove = (roundId: string) => api(page.request, host, 'readiness.rounds.delete', { initiativeId, roundId });
  await remove(autumn);
  await expect(picker.getByRole('option')).toHaveText(['Spring check (2026-03-10)']);
  await remove(spring);
  await expect(
    opener.getByText('There is no readiness round yet. Create one in the Readiness section first.'),
  ).toBeVisible();

  // Brought back with Undo: offered again, and it is the one put on the phones.
  await api(page.request, host, 'readiness.rounds.restore', { initiativeId, roundId: autumn });
  await expect(picker.locator('option:checked')).toHaveText('Autumn check (2026-10-01)');
  await opener.getByRole('button', { name: 'Put this round on the phones' }).click();
  await expect(panel.getByRole('heading', { name: 'Readiness round: Autumn check' })).toBeVisible();
});
