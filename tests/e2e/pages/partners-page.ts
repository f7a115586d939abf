import { expect, type Locator, type Page } from '@playwright/test';

export class PartnersPage {
  readonly quickAdd: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.quickAdd = page.getByRole('form', { name: 'Add a partner' });
    this.table = page.getByRole('table');
    this.search = page.getByRole('searchbox', { name: 'Search partners' });
    this.details = page.getByRole('complementary', { name: 'Partner details' });
  }

  async add(name: string, sector: string, kind = 'Organisation'): Promise<void> {
    await this.quickAdd.getByLabel('Kind').selectOption({ label: kind });
    await this.quickAdd.getByLabel('Sector', { exact: true }).selectOption({ label: sector });
    await this.quickAdd.getByLabel('Name', { exact: true }).fill(name);
    await this.quickAdd.getByLabel('Name', { exact: true }).press('Enter');
    await expect(this.row(name)).toBeVisible();
  }

  /** Adds a partner whose sector is not on the list, typed through "Custom sector…". */
  async addWithCustomSector(name: string, sector: string): Promise<void> {
    await this.quickAdd.getByLabel('Sector', { exact: true }).selectOption({ label: 'Custom sector…' });
    const typed = this.quickAdd.getByRole('textbox', { name: 'Name of the custom sector' });
    await expect(typed).toBeFocused();
    await typed.fill(sector);
    await this.quickAdd.getByLabel('Name', { exact: true }).fill(name);
    await this.quickAdd.getByLabel('Name', { exact: true }).press('Enter');
    await expect(this.row(name)).toBeVisible();
  }

  /** The labels a list offers, in order. */
  optionsOf(select: Locator): Promise<string[]> {
    return select.locator('option').allTextContents();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  async open(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Edit: ${name}` })
      .click();
    await expect(this.details.getByRole('heading', { name })).toBeVisible();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  names(): Promise<string[]> {
    return this.table.locator('tbody .cell--name').allTextContents();
  }
}
