import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Locators for a session's Summary panel, in the words an organiser sees. */
export class SummaryPage {
  readonly panel: Locator;
  readonly preview: Locator;
  readonly redactions: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('.summary-panel');
    this.preview = page.locator('.summary-doc');
    this.redactions = page.getByRole('region', { name: 'What is withheld and why' });
  }

  async openFor(sessionTitle: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(sessionTitle) })
      .first()
      .click();
    await expect(this.page.getByRole('heading', { level: 2, name: sessionTitle })).toBeVisible();
    await this.page.getByRole('button', { name: 'Summary', exact: true }).click();
    await expect(this.preview).toBeVisible();
  }

  async chooseLanguage(label: string): Promise<void> {
    await this.panel.getByLabel('Language of the summary').selectOption({ label });
  }

  /** Clicks a format button and returns the downloaded file's name and bytes. */
  async export(button: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.panel.getByRole('group').getByRole('button', { name: button, exact: true }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await savedPath(download)) };
  }

  /** "Export for every partner" with the format chosen; returns the zip the browser downloads. */
  async exportForEveryPartner(format: string): Promise<{ name: string; bytes: Buffer }> {
    const batch = this.page.getByRole('region', { name: 'One summary per partner' });
    await batch.getByRole('combobox', { name: 'Export' }).selectOption({ label: format });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      batch.getByRole('button', { name: 'Export for every partner' }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await savedPath(download)) };
  }

  get batchSavedIn(): Locator {
    return this.page.getByRole('region', { name: 'One summary per partner' }).getByText(/^Saved in /);
  }
}

async function savedPath(download: Download): Promise<string> {
  const path = await download.path();
  if (!path) throw new Error(`the download of ${download.suggestedFilename()} failed`);
  return path;
}
