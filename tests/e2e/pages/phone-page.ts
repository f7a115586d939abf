import { expect, type Browser, type Page } from '@playwright/test';
import { textsOf } from './locale-texts';

/**
 * A phone at the table: its own browser context with a phone's screen, in one of the four
 * languages, on room mode's participant page. Words are read from the locale files, so an Arabic
 * phone is driven by the Arabic labels a person there reads.
 */
export class PhonePage {
  readonly say: (key: string) => string;

  private constructor(
    readonly page: Page,
    readonly language: string,
  ) {
    const texts = textsOf(language);
    this.say = (key) => texts(`roomPhone.${key}`);
  }

  static async open(browser: Browser, language: string): Promise<PhonePage> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: language,
    });
    return new PhonePage(await context.newPage(), language);
  }

  /** Opens the page, picks the language, types the code unless the address brought it, checks in. */
  async join(address: string, code: string | null, name: string | null): Promise<void> {
    await this.page.goto(address);
    await this.page.getByRole('button', { name: this.say('languageName'), exact: true }).click();
    if (code !== null) {
      await this.page.getByLabel(this.say('codeLabel')).fill(code);
      await this.page.getByRole('button', { name: this.say('join') }).click();
    }
    await expect(this.page.getByRole('heading', { name: this.say('checkInTitle') })).toBeVisible();
    if (name === null) await this.page.getByRole('button', { name: this.say('stayAnonymous') }).click();
    else await this.page.getByRole('button', { name: `${this.say('iAm')} ${name}` }).click();
    await expect(this.page.getByRole('heading', { name: this.say('waiting') })).toBeVisible();
  }

  async waitForQuestion(question: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: question })).toBeVisible();
  }

  /** Sends the answer: the button reads "Send my answer" the first time and "Change my answer" after. */
  async send(): Promise<void> {
    const either = [this.say('send'), this.say('change')].map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await this.page.getByRole('button', { name: new RegExp(`^(${either.join('|')})$`) }).click();
    await expect(this.page.getByRole('status')).toHaveText(this.say('counted'));
  }

  async fist(fingers: number): Promise<void> {
    await this.page.getByLabel(this.say(`fist.f${fingers}`)).check();
    await this.send();
  }

  async consent(choice: 'consent' | 'concern' | 'standAside' | 'object', reason = ''): Promise<void> {
    await this.page.getByLabel(this.say(`consent.${choice}`), { exact: true }).check();
    if (reason) await this.page.getByLabel(this.say('reason')).fill(reason);
    await this.send();
  }

  async dots(perChoice: Record<string, number>): Promise<void> {
    for (const [choice, dots] of Object.entries(perChoice)) await this.page.getByLabel(choice).fill(String(dots));
    await this.send();
  }

  async statements(stances: Record<string, 'agree' | 'disagree' | 'pass'>): Promise<void> {
    for (const [statement, stance] of Object.entries(stances))
      await this.page
        .getByRole('group', { name: statement })
        .getByLabel(this.say(`stance.${stance}`), { exact: true })
        .check();
    await this.send();
  }

  async idea(text: string): Promise<void> {
    await this.page.getByLabel(this.say('ideaText')).fill(text);
    await this.page.getByRole('button', { name: this.say('sendIdea'), exact: true }).click();
    await expect(this.page.getByRole('status')).toHaveText(this.say('ideaSent'));
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}
