import type { Locator, Page } from '@playwright/test';

/** Settings → Backups, and the banner for an initiative whose file will not open. */
export class BackupsPage {
  readonly panel: Locator;
  readonly list: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Backups' });
    this.list = this.panel.getByRole('list', { name: 'Backups, newest first' });
    this.status = this.panel.getByRole('status');
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  passphrase(): Locator {
    return this.panel.getByLabel('File passphrase');
  }

  repeatPassphrase(): Locator {
    return this.panel.getByLabel('Type the passphrase again (for export)');
  }

  /** Both passphrase fields, as a facilitator sealing an export types them. */
  async sealWith(passphrase: string): Promise<void> {
    await this.passphrase().fill(passphrase);
    await this.repeatPassphrase().fill(passphrase);
  }

  importInput(): Locator {
    return this.panel.getByText('Import an initiative').locator('input[type=file]');
  }

  restoreNewestGood(): Locator {
    return this.page.getByRole('alert').getByRole('button', { name: 'Restore the newest good backup' });
  }
}
