import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type HubProcess } from '../unit/sync/hub-process';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { PartnersPage } from './pages/partners-page';
import { SyncPage } from './pages/sync-page';

let hubDir: string;
let hub: HubProcess;

test.beforeEach(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'cg-e2e-header-hub-'));
  hub = await startHub({ DATABASE_URL: '', HUB_DB: join(hubDir, 'hub.sqlite') });
});

test.afterEach(async () => {
  await hub.stop();
  rmSync(hubDir, { recursive: true, force: true });
});

test('the header says when the initiative last synced, also after a reload', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Lakeside Housing Table');
  await expect(app.syncStatus).toHaveText('Sync not set up: everything stays on this computer');
  await new PartnersPage(page).add('Lakeside Tenants Union', 'Education');

  await app.goTo('Settings');
  const sync = new SyncPage(page);
  await sync.field('Hub address').fill(hub.url);
  await sync.field('Team passphrase').fill('lakeside lanterns by the water');
  await sync.field('Enrolment key').fill(hub.enrolmentKey);
  await sync.button('Save sync settings').click();
  await expect(sync.panel.getByText('Sync settings saved.')).toBeVisible();
  await expect(app.syncStatus).toHaveText('Sync set up, not synced yet');
  await sync.button('Sync now').click();
  await expect(sync.panel.getByText(/^Last synced /)).toBeVisible();
  await expect(app.syncStatus).toHaveText(/^Synced /);

  // Opened again: the header reads the saved status, as Settings does, before any new sync.
  await page.reload();
  await expect(page.locator('.topbar__initiative')).toHaveText('Lakeside Housing Table');
  await expect(app.syncStatus).toHaveText(/^Synced /);
  await app.goTo('Partners');
  await expect(app.syncStatus).toHaveText(/^Synced /);

  // The hub goes away: the next sync says so in the header too.
  await hub.stop();
  await app.goTo('Settings');
  await sync.button('Sync now').click();
  await expect(sync.panel.getByText(/^Offline: the hub could not be reached/)).toBeVisible();
  await expect(app.syncStatus).toHaveText('Hub out of reach: changes will sync later');
});

test('Settings → Sync says plainly why the hub will not take a new initiative', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Lakeside Housing Table');
  await app.goTo('Settings');
  const sync = new SyncPage(page);
  await sync.field('Hub address').fill(hub.url);
  await sync.field('Team passphrase').fill('lakeside lanterns by the water');
  await sync.button('Save sync settings').click();
  await expect(sync.panel.getByRole('alert')).toHaveText(/This hub takes a new initiative only with an enrolment key/);
  await expect(app.syncStatus).toHaveText('Sync not set up: everything stays on this computer');
  // Typed as a person might: small letters and spaces.
  await sync.field('Enrolment key').fill('abcde fghjk mnpqr stvwx yz012');
  await sync.button('Save sync settings').click();
  await expect(sync.panel.getByRole('alert')).toHaveText(/The hub does not know that enrolment key/);
  await sync.field('Enrolment key').fill(hub.enrolmentKey.toLowerCase().replaceAll('-', ' '));
  await sync.button('Save sync settings').click();
  await expect(sync.panel.getByText('Sync settings saved.')).toBeVisible();
  await expect(sync.field('Enrolment key')).toHaveValue('');
});

test('a hub address typed before Settings → Sync has read the saved settings is kept', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Lakeside Housing Table');
  // A slow host: the saved settings arrive after the person has typed the address.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sync.status', async (route) => {
    await released;
    await route.continue();
  });
  await app.goTo('Settings');
  const sync = new SyncPage(page);
  await sync.field('Hub address').fill(hub.url);
  release();
  await expect(sync.panel.getByText('Sync is not set up for this initiative yet.')).toBeVisible();
  await expect(sync.field('Hub address')).toHaveValue(hub.url);
});
