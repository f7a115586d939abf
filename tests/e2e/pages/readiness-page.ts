import { expect, type Locator, type Page } from '@playwright/test';

/** Locators for the Readiness and phases section, in the words a facilitator sees. */
export class ReadinessPage {
  readonly sheet: Locator;
  readonly gapTable: Locator;
  readonly differTable: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.sheet = page.getByRole('form', { name: 'Type in a rating sheet' });
    this.results = page.getByRole('region', { name: 'Results' });
    this.gapTable = page.getByRole('table', { name: /^How much it matters against how well it is done/ });
    this.differTable = page.getByRole('table', { name: 'Where residents and agencies see it differently' });
  }

  async openRound(instrument: string, round: RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Instruments' }).getByRole('button', { name: instrument }).click();
    await this.page.getByRole('navigation', { name: 'Rounds' }).getByRole('button', { name: round }).click();
    await expect(this.sheet).toBeVisible();
  }

  levelOf(item: string): Locator {
    return this.sheet.getByLabel(`How well: ${item}`, { exact: true });
  }

  importanceOf(item: string): Locator {
    return this.sheet.getByLabel(`Importance: ${item}`, { exact: true });
  }

  row(table: Locator, item: string): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: item, exact: true }) });
  }

  benchmark(text: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: text });
  }

  /** Marks a benchmark met, on a date, with a linked record of the kind given. */
  async markMet(text: string, date: string, kind: string, record: string): Promise<void> {
    await this.page.getByRole('button', { name: `Mark met: ${text}` }).click();
    const form = this.page.getByRole('form', { name: 'Evidence that the benchmark is met' });
    await form.getByLabel('Met on', { exact: true }).fill(date);
    await form.getByLabel('Evidence', { exact: true }).selectOption({ label: kind });
    await form.getByLabel('Which one', { exact: true }).selectOption({ label: record });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(this.benchmark(text)).toContainText(`Met on ${date}. ${kind}: ${record}`);
  }
}
