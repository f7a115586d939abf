import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveSyncKey, seal } from '../../src-main/sync/crypto';
import { HubPeer } from '../../src-main/sync/hub-client';
import { startHub } from '../unit/sync/hub-process';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { PartnersPage } from './pages/partners-page';
import { SyncPage } from './pages/sync-page';

const passphrase = 'westside lanterns at dusk';

test('set up sync, hear plainly that the hub is out of reach, and carry a bundle', async ({ page, host }) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const sync = new SyncPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Northside Food Network');
  await partners.add('Northside Pantry', 'Health');

  await app.goTo('Settings');
  await expect(sync.panel.getByText('Sync is not set up for this initiative yet.')).toBeVisible();
  await expect(sync.button('Sync now')).toBeDisabled();
  // Nothing listens on port 9 of this machine: a hub that cannot be reached.
  await sync.field('Hub address').fill('http://127.0.0.1:9');
  await sync.field('Team passphrase').fill('short');
  await expect(sync.button('Save sync settings')).toBeDisabled();
  await sync.field('Team passphrase').fill('northside lanterns at dusk');
  await sync.button('Save sync settings').click();
  await expect(sync.panel.getByText('Sync settings saved.')).toBeVisible();
  await expect(sync.panel.getByText('Not synced yet.')).toBeVisible();
  await expect(sync.panel.getByText(/changes not yet synced/)).toBeVisible();

  await sync.button('Sync now').click();
  await expect(sync.panel.getByText(/^Offline: the hub could not be reached/)).toBeVisible();

  const download = page.waitForEvent('download');
  await sync.button('Save a bundle of everything').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^common-ground-sync-\d{4}-\d{2}-\d{2}\.cgsync$/);
  const bundle = readFileSync(await saved.path());
  expect(bundle.toString('latin1')).not.toContain('Northside Pantry');
  await expect(sync.panel.getByText(/^Saved common-ground-sync-.* with \d+ changes\.$/)).toBeVisible();
  await sync
    .bundleInput()
    .setInputFiles({ name: saved.suggestedFilename(), mimeType: 'application/octet-stream', buffer: bundle });
  await expect(sync.panel.getByText('This computer already had everything in the bundle.')).toBeVisible();
  await expect(sync.panel.getByText('No conflict copies.')).toBeVisible();
});

test('a change on the hub that cannot be read is set aside and counted, and sync goes on', async ({ page, host }) => {
  const hubDir = mkdtempSync(join(tmpdir(), 'cg-e2e-hub-'));
  const hub = await startHub({ DATABASE_URL: '', HUB_DB: join(hubDir, 'hub.sqlite') });
  try {
    const app = new AppPage(page);
    const partners = new PartnersPage(page);
    const sync = new SyncPage(page);
    await app.open(host.openUrl);
    await app.createInitiative('Westside Tenants');
    await partners.add('Westside Legal Aid', 'Health');
    await app.goTo('Settings');
    await sync.field('Hub address').fill(hub.url);
    await sync.field('Team passphrase').fill(passphrase);
    await sync.field('Enrolment key').fill(hub.enrolmentKey);
    await sync.button('Save sync settings').click();
    await expect(sync.panel.getByText('Sync settings saved.')).toBeVisible();
    await sync.button('Sync now').click();
    await expect(sync.panel.getByText(/^Last synced /)).toBeVisible();

    // A change reaches the hub damaged on the way: sealed by the team, one byte changed.
    const key = await deriveSyncKey(await sync.field('Sync id').inputValue(), passphrase);
    const sealed = seal(key, {
      timestamp: '2026-01-05T10:00:00.000Z-0000-00000000000000ee',
      table: 'partners',
      row: 'p-damaged',
      column: 'name',
      value: 'Damaged on the way',
    });
    const bytes = Buffer.from(sealed.payload, 'base64');
    bytes[bytes.length - 1] ^= 0xff;
    await new HubPeer(hub.url, key).push([{ timestamp: sealed.timestamp, payload: bytes.toString('base64') }]);
    await expect(sync.panel.getByText(/could not be read/)).toHaveCount(0);

    await sync.button('Sync now').click();
    await expect(
      sync.panel.getByText(
        '1 synced change could not be read (damaged, or sealed with another passphrase). It was set aside; everything else keeps syncing.',
      ),
    ).toBeVisible();
    await expect(sync.panel.getByText(/^Last synced /)).toBeVisible();
    await expect(sync.panel.getByText(/passphrase does not match/)).toHaveCount(0);
  } finally {
    await hub.stop();
    rmSync(hubDir, { recursive: true, force: true });
  }
});
