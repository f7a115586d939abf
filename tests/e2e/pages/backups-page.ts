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

  importInput(): Locator {
    return this.panel.getByText('Import an initiative').locator('input[type=file]');
  }

  restoreNewestGood(): Locator {
    return this.page.getByRole('alert').getByRole('button', { name: 'Restore the newest good backup' });
  }
}
