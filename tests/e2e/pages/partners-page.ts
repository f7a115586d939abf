import { expect, type Locator, type Page } from '@playwright/test';

export class PartnersPage {
  readonly quickAdd: Locator;
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.quickAdd = page.getByRole('form', { name: 'Add a partner' });
    this.table = page.getByRole('table');
    this.search = page.getByRole('searchbox', { name: 'Search partners' });
  }

  async add(name: string, sector: string, kind = 'Organisation'): Promise<void> {
    await this.quickAdd.getByLabel('Kind').selectOption({ label: kind });
    await this.quickAdd.getByLabel('Sector').selectOption({ label: sector });
    await this.quickAdd.getByLabel('Name').fill(name);
    await this.quickAdd.getByLabel('Name').press('Enter');
    await expect(this.row(name)).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  names(): Promise<string[]> {
    return this.table.locator('tbody .cell--name').allTextContents();
  }
}
