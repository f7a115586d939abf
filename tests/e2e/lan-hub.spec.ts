import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { lanAddressesEnv } from '../../src-main/sync/lan-hub';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { SyncPage } from './pages/sync-page';

// The host process inherits this: its roundtable hub offers and binds loopback only, never a real network.
process.env[lanAddressesEnv] = '127.0.0.1';

const codePattern = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}$/;

test('turn the roundtable hub on, read its code and QR code, join by code, turn it off', async ({ page, host }) => {
  const app = new AppPage(page);
  const sync = new SyncPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Riverside Roundtable');
  await app.goTo('Settings');

  const hostSwitch = sync.panel.getByRole('switch');
  await expect(hostSwitch).not.toBeChecked();
  await expect(hostSwitch).toBeDisabled();
  await expect(sync.panel.getByText('Set the team passphrase above first', { exact: false })).toBeVisible();

  await sync.field('Team passphrase').fill('riverside lanterns at dusk');
  await sync.button('Save sync settings').click();
  await expect(sync.panel.getByText('Sync settings saved.')).toBeVisible();

  await hostSwitch.check();
  await expect(hostSwitch).toBeChecked();
  await expect(sync.panel.getByText('Hub on: other laptops in the room can sync with this one')).toBeVisible();
  const codeText = sync.panel.getByTestId('lan-hub-code');
  await expect(codeText).toHaveText(codePattern);
  const code = (await codeText.textContent())!;
  await expect(sync.panel.getByText(/^Address on this network: 127\.0\.0\.1:\d+$/)).toBeVisible();
  await expect(sync.panel.getByText(/only locked \(encrypted\) data/)).toBeVisible();

  // The QR code as Chromium draws it reads back as the code shown above it.
  const qr = sync.panel.getByRole('img', { name: `QR code of the roundtable code ${code}` });
  await expect(qr).toBeVisible();
  const box = await qr.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(200);
  const png = PNG.sync.read(await qr.screenshot());
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(code);

  // The panel with the hub on passes axe (serious and critical findings), as every screen must.
  const axe = await new AxeBuilder({ page }).include('.lan-hub').analyze();
  const serious = axe.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  // Joining: a typo is caught before anything is sent; the right code (typed loosely) joins.
  const codeField = sync.field('Roundtable code');
  const typo = `${code.slice(0, -1)}${code.endsWith('7') ? '8' : '7'}`;
  await codeField.fill(typo);
  await sync.field('Team passphrase, to join').fill('riverside lanterns at dusk');
  await sync.button('Join').click();
  await expect(sync.panel.getByRole('alert')).toHaveText(/That code is not right/);
  await codeField.fill(code.toLowerCase().replace(/-/g, ' '));
  await sync.field('Team passphrase, to join').fill('riverside lanterns at dusk');
  await sync.button('Join').click();
  await expect(
    sync.panel.getByText(/^Joined\. This initiative now syncs with the roundtable hub at 127\.0\.0\.1:\d+\.$/),
  ).toBeVisible();

  await hostSwitch.uncheck();
  await expect(hostSwitch).not.toBeChecked();
  await expect(sync.panel.getByText('Hub off')).toBeVisible();
  await expect(codeText).toHaveCount(0);
  await expect(qr).toHaveCount(0);
});
