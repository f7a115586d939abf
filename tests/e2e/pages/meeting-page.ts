import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { HostProcess } from '../host-process';

/** Calls a channel on the host the way the renderer does, for setting up what a test needs. */
export async function api<T>(
  request: APIRequestContext,
  host: HostProcess,
  channel: string,
  data: unknown,
): Promise<T> {
  const response = await request.post(`${host.url}/api/${channel}`, {
    data,
    headers: { Authorization: `Bearer ${host.token}` },
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${channel}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

/** Locators for the Sessions section and meeting mode, in the words a facilitator sees. */
export class MeetingPage {
  readonly meeting: Locator;
  readonly currentItem: Locator;
  readonly timer: Locator;
  readonly agenda: Locator;

  constructor(readonly page: Page) {
    this.meeting = page.locator('.meeting');
    this.currentItem = page.locator('.meeting__current');
    this.timer = page.getByRole('timer');
    this.agenda = page.getByRole('list', { name: 'Agenda items' });
  }

  async planSession(title: string, startsAt: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Plan a session' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Starts').fill(startsAt);
    await form.getByRole('button', { name: 'Plan session' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }

  async addAgendaItem(title: string): Promise<void> {
    const count = await this.agenda.getByRole('listitem').count();
    await this.page.getByLabel('New agenda item').fill(title);
    await this.page.getByLabel('New agenda item').press('Enter');
    await expect(this.agenda.getByRole('listitem')).toHaveCount(count + 1);
  }

  async agendaTitles(): Promise<string[]> {
    return this.agenda
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  }

  async dialog(name: string): Promise<Locator> {
    const dialog = this.page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
