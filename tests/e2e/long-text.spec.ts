import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { PartnersPage } from './pages/partners-page';

/** A real paste: the text goes on the clipboard and Ctrl+V puts it in the focused field. */
async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

const lengthOf = (field: Locator) => field.evaluate((element) => (element as HTMLTextAreaElement).value.length);

test('a 50,000-character paste is kept whole; past the limit the text stays and a message says why', async ({
  page,
  host,
}) => {
  const app = new AppPage(page);
  const partners = new PartnersPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside Cradle to Career');
  await partners.add('Eastside Library', 'Education');
  await partners.open('Eastside Library');
  const notes = partners.details.getByLabel('Notes');

  const transcript = 'The library stays open late on Thursdays. '.repeat(1200).slice(0, 50_000);
  await paste(page, notes, transcript);
  await expect.poll(() => lengthOf(notes)).toBe(50_000);
  await app.expectSaved();
  await page.reload();
  await partners.open('Eastside Library');
  await expect.poll(() => lengthOf(notes)).toBe(50_000);

  // Too long to save: nothing is cut, the person is told, and what was saved before stays saved.
  await paste(page, notes, 'x'.repeat(100_001));
  await expect.poll(() => lengthOf(notes)).toBe(100_001);
  await expect(partners.details.getByRole('alert')).toContainText('100,001 characters');
  await page.reload();
  await partners.open('Eastside Library');
  await expect.poll(() => lengthOf(notes)).toBe(50_000);
});

test('a paste cut short by a name field says so', async ({ page, host }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Eastside Cradle to Career');
  await page.keyboard.press('Control+4');
  const title = page.getByLabel('Title', { exact: true }).first();
  await paste(page, title, 'Roundtable on the reading gap '.repeat(10));
  // 300 characters pasted into a 200-character field: the field keeps 200 and the window says so.
  await expect.poll(() => lengthOf(title)).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'did not fit' })).toContainText(
    'This field holds 200 characters: the last 100 of what you pasted did not fit',
  );
});
