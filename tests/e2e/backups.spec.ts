import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { damageIndexEntry } from '../fixtures/damaged-index';
import { startHostProcess } from './host-process';
import { AppPage } from './pages/app-page';
import { BackupsPage } from './pages/backups-page';
import { PartnersPage } from './pages/partners-page';

/** Garbage over most of the first two pages, keeping the header, as a failing disk might leave it. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(8000, 0xa5), 0, 8000, 100);
  } finally {
    closeSync(fd);
  }
}

test('back up, restore after a mistake, export, and recover a damaged file from its newest good backup', async ({
  page,
  host,
  dataDir,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const backups = new BackupsPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Riverside Youth');
  await partners.add('Riverside Library', 'Education');

  await app.goTo('Settings');
  await backups.button('Back up now').click();
  await expect(backups.status).toContainText('Backup taken at');

  // A mistake after the backup...
  await app.goTo('Partners');
  await partners.add('Added by mistake', 'Health');
  // ...undone by restoring the newest backup, after confirming.
  await app.goTo('Settings');
  await backups.list.getByRole('listitem').first().getByRole('button', { name: 'Restore' }).click();
  await expect(backups.panel.getByText(/Later changes are set aside/)).toBeVisible();
  await backups.button('Yes, restore').click();
  await expect(backups.status).toContainText('Restored the backup of');
  await app.goTo('Partners');
  await expect(partners.row('Riverside Library')).toBeVisible();
  await expect(partners.row('Added by mistake')).toHaveCount(0);

  // The whole initiative as one file; importing it on the same computer is refused, not duplicated.
  // It leaves sealed with a passphrase; a short one is refused in plain words before anything is saved.
  await app.goTo('Settings');
  await backups.passphrase().fill('short');
  await backups.button('Export this initiative').click();
  await expect(backups.panel.getByRole('alert')).toContainText('at least 10 characters');
  // Typed twice: a slip in the second says so at once, and nothing is exported; a lost one is gone.
  await expect(backups.panel.getByText('a lost passphrase cannot be recovered')).toBeVisible();
  await backups.passphrase().fill('river walk at dawn');
  await backups.repeatPassphrase().fill('river walk at dusk');
  await expect(backups.panel.getByRole('alert').filter({ hasText: 'The two passphrases differ' })).toBeVisible();
  await expect(backups.repeatPassphrase()).toHaveAttribute('aria-invalid', 'true');
  await backups.button('Export this initiative').click();
  await expect(backups.status).toHaveCount(0);
  await backups.repeatPassphrase().fill('river walk at dawn');
  await expect(backups.repeatPassphrase()).not.toHaveAttribute('aria-invalid', 'true');
  const download = page.waitForEvent('download');
  await backups.button('Export this initiative').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Riverside Youth.cground');
  const exported = readFileSync(await saved.path());
  expect(exported.includes(Buffer.from('SQLite format 3'))).toBe(false);
  expect(exported.includes(Buffer.from('Riverside Library'))).toBe(false);
  await backups.importInput().setInputFiles({
    name: 'Riverside Youth.cground',
    mimeType: 'application/octet-stream',
    buffer: exported,
  });
  await expect(backups.panel.getByRole('alert')).toContainText('already on this device');

  // The disk damages the file while the app is closed.
  const initiativeId = await page.evaluate(() => localStorage.getItem('commonground.currentInitiative'));
  await host.stop();
  const live = join(dataDir, 'initiatives', `${initiativeId}.sqlite`);
  damage(live);
  const damagedBytes = readFileSync(live);
  const restarted = await startHostProcess(dataDir);
  try {
    await app.open(restarted.openUrl);
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: `${initiativeId}.sqlite` })).toBeVisible();
    expect(readFileSync(live).equals(damagedBytes)).toBe(true);
    await backups.restoreNewestGood().click();
    await expect(page.locator('.topbar__initiative')).toHaveText('Riverside Youth');
    await expect(partners.row('Riverside Library')).toBeVisible();
    await expect(backups.restoreNewestGood()).toHaveCount(0);
  } finally {
    await restarted.stop();
  }
});

test('a new computer opens an initiative exported from another one, from the first-start screen', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const backups = new BackupsPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Lakeside Early Years');
  await partners.add('Lakeside Family Centre', 'Health');
  await app.goTo('Settings');
  await backups.sealWith('lakeside family passphrase');
  const download = page.waitForEvent('download');
  await backups.button('Export this initiative').click();
  const exported = readFileSync(await (await download).path());

  const newLaptop = mkdtempSync(join(tmpdir(), 'cg-e2e-new-laptop-'));
  const fresh = await startHostProcess(newLaptop);
  try {
    await app.open(fresh.openUrl);
    await page.reload();
    const card = page.getByRole('region', { name: 'From another computer' });
    const file = { name: 'Lakeside Early Years.cground', mimeType: 'application/octet-stream', buffer: exported };
    // A wrong passphrase says so and adds nothing; the right one opens the initiative.
    await card.getByLabel('File passphrase').fill('not the passphrase');
    await card.locator('input[type=file]').setInputFiles(file);
    await expect(card.getByRole('alert')).toContainText('does not open this file');
    await card.getByLabel('File passphrase').fill('lakeside family passphrase');
    await card.locator('input[type=file]').setInputFiles(file);
    await expect(page.locator('.topbar__initiative')).toHaveText('Lakeside Early Years');
    await expect(partners.row('Lakeside Family Centre')).toBeVisible();
  } finally {
    await fresh.stop();
    rmSync(newLaptop, { recursive: true, force: true });
  }
});

test('a file found damaged while in use shows the damaged-file notice, and its newest good backup brings it back', async ({
  page,
  host,
  dataDir,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  const backups = new BackupsPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Northside Health');
  await partners.add('Northside Clinic', 'Health');
  await app.goTo('Settings');
  await backups.button('Back up now').click();
  await expect(backups.status).toContainText('Backup taken at');

  // Damage that the check at open (quick_check) does not see: it opens, and is found while in use.
  const initiativeId = await page.evaluate(() => localStorage.getItem('commonground.currentInitiative'));
  await host.stop();
  damageIndexEntry(join(dataDir, 'initiatives', `${initiativeId}.sqlite`), 'partners_by_name', 'Northside Clinic');
  const restarted = await startHostProcess(dataDir);
  try {
    await app.open(restarted.openUrl);
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: `${initiativeId}.sqlite` })).toBeVisible();
    await backups.restoreNewestGood().click();
    await expect(backups.restoreNewestGood()).toHaveCount(0);
    await app.goTo('Partners');
    await expect(partners.row('Northside Clinic')).toBeVisible();
  } finally {
    await restarted.stop();
  }
});
