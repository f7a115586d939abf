import type { Locator, Page } from '@playwright/test';

/** Settings → Sync with your team. */
export class SyncPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Sync with your team' });
  }

  field(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  button(name: string): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  bundleInput(): Locator {
    return this.panel.getByText('Open a bundle').locator('input[type=file]');
  }
}
