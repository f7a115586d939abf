import { expect, type Locator, type Page } from '@playwright/test';

/** Locators for the first-start screen and the app frame, in the words a facilitator sees. */
export class AppPage {
  readonly saveStatus: Locator;
  /** The header's line about sync of the open initiative. */
  readonly syncStatus: Locator;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByTestId('save-status');
    this.syncStatus = page.getByTestId('sync-status');
  }

  async open(openUrl: string): Promise<void> {
    await this.page.goto(openUrl);
  }

  /** Opens the app and waits until it shows an initiative: a shortcut pressed before that is lost. */
  async openInitiative(openUrl: string, name?: string): Promise<void> {
    await this.page.goto(openUrl);
    const shown = this.page.locator('.topbar__initiative');
    await (name === undefined ? expect(shown).not.toBeEmpty() : expect(shown).toHaveText(name));
  }

  async createInitiative(name: string, problem = '', phase?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Start a new initiative' });
    await form.getByLabel('Name').fill(name);
    if (problem) await form.getByLabel('Problem statement').fill(problem);
    if (phase) await form.getByLabel('Current phase').selectOption({ label: phase });
    await form.getByRole('button', { name: 'Create initiative' }).click();
    await expect(this.page.locator('.topbar__initiative')).toHaveText(name);
  }

  section(name: string): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name });
  }

  async goTo(name: string): Promise<void> {
    await this.section(name).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText(/All changes saved/);
  }
}
