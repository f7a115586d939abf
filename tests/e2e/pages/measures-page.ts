import { expect, type Locator, type Page } from '@playwright/test';

/** Locators for the Measures section, in the words a facilitator sees. */
export class MeasuresPage {
  readonly indicator: Locator;
  readonly grid: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByRole('region', { name: /^About / });
    this.grid = page.getByRole('region', { name: 'Readings' });
  }

  async addDimension(name: string, categories: string[]): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New dimension' });
    await form.getByLabel('Dimension name').fill(name);
    await form.getByLabel('Categories').fill(categories.join(', '));
    await form.getByRole('button', { name: 'Add dimension' }).click();
    // Names are fields (renamed in place), so the last category shows as a field's value.
    const last = categories.at(-1) ?? name;
    await expect(this.page.getByRole('group', { name, exact: true }).getByLabel(`Name of “${last}”`)).toHaveValue(last);
  }

  async addIndicator(name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New indicator' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Name').press('Enter');
    await expect(this.page.getByRole('heading', { name: `About ${name}` })).toBeVisible();
  }

  async openIndicator(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Indicators' }).getByRole('button', { name }).click();
    await expect(this.page.getByRole('heading', { name: `About ${name}` })).toBeVisible();
  }

  period(name: string): Locator {
    return this.grid.getByRole('group', { name: 'Periods' }).getByRole('button', { name });
  }

  async openPeriod(name: string): Promise<void> {
    await this.grid.getByLabel('Another period').fill(name);
    await this.grid.getByLabel('Another period').press('Enter');
    await expect(this.table(name)).toBeVisible();
  }

  table(period: string): Locator {
    return this.grid.getByRole('table', { name: `Readings for ${period}` });
  }

  value(group: string): Locator {
    return this.grid.getByLabel(`Value, ${group}`, { exact: true });
  }

  count(group: string): Locator {
    return this.grid.getByLabel(`People counted, ${group}`, { exact: true });
  }

  /** What a spreadsheet puts on the clipboard: rows by line, cells by tab, pasted into one cell. */
  async paste(cell: Locator, rows: string[][]): Promise<void> {
    await cell.focus();
    await cell.evaluate(
      (element, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      rows.map((row) => row.join('\t')).join('\n') + '\n',
    );
  }
}
