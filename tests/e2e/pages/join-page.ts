import type { Locator, Page } from '@playwright/test';

/** The "Join from a hub" card of the initiatives (first-start) screen. */
export class JoinPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Join from a hub' });
  }

  async join(hubUrl: string, syncId: string, passphrase: string): Promise<void> {
    await this.form.getByLabel('Hub address or roundtable code', { exact: true }).fill(hubUrl);
    await this.form.getByLabel('Sync id', { exact: true }).fill(syncId);
    await this.form.getByLabel('Team passphrase', { exact: true }).fill(passphrase);
    await this.form.getByRole('button', { name: 'Join', exact: true }).click();
  }

  error(): Locator {
    return this.form.getByRole('alert');
  }
}
