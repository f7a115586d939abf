import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import type { HostProcess } from '../host-process';
import { AppPage } from './app-page';
import { api } from './meeting-page';
import { PhonePage } from './phone-page';

type Language = 'en' | 'es' | 'fr' | 'ar';
interface InstrumentView {
  id: string;
  builtinName: Record<Language, string> | null;
  sections: { items: { id: string; builtinText: Record<Language, string> | null }[] }[];
}

/**
 * A roundtable with one agenda item and a readiness round ("Spring check") of the built-in
 * self-assessment, made through the host. Returns the first section's item texts in each language,
 * and a way to make more rounds of the same instrument.
 */
export async function roundtableWithRound(request: APIRequestContext, host: HostProcess) {
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Library basement roundtable' },
  });
  await api(request, host, 'agenda.add', { initiativeId, sessionId, item: { title: 'How ready are we?' } });
  const instruments = await api<InstrumentView[]>(request, host, 'readiness.instruments.list', { initiativeId });
  const selfAssessment = instruments.find((one) => one.builtinName?.en === 'Self-assessment of the five conditions');
  if (!selfAssessment) throw new Error('the built-in self-assessment is missing');
  const createRound = (title: string, heldOn: string) =>
    api<{ id: string }>(request, host, 'readiness.rounds.create', {
      initiativeId,
      round: { instrumentId: selfAssessment.id, title, heldOn },
    });
  const { id: roundId } = await createRound('Spring check', '2026-03-10');
  const items = selfAssessment.sections[0].items.map((item) => item.builtinText!);
  return { initiativeId, sessionId, roundId, items, createRound };
}

/** Opens the roundtable in meeting mode and turns room mode on: the panel, and where phones join. */
export async function turnOnRoomMode(
  page: Page,
  host: HostProcess,
): Promise<{ panel: Locator; address: string; code: string }> {
  const app = new AppPage(page);
  await app.openInitiative(host.openUrl);
  await app.section('Sessions').click();
  await page.getByRole('button', { name: /^Library basement roundtable/ }).click();
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  const panel = page.getByRole('region', { name: 'Room mode: phones at the table' });
  await panel.getByRole('button', { name: 'Turn on room mode' }).click();
  const codeText = panel.getByTestId('room-code');
  await expect(codeText).toHaveText(/^[2-9A-Z]{6}$/);
  const code = (await codeText.textContent())!;
  const address = (await panel.locator('.room__address').textContent())!;
  return { panel, address, code };
}

/** The panel's form that puts a readiness round on the phones. */
export const readinessOpener = (panel: Locator) =>
  panel.getByRole('form', { name: 'Rate a readiness round on the phones' });

/**
 * The roundtable with its round, room mode on, one phone in `language` joined and the round put on
 * the phones: the first section's item texts, the room panel, and the phone showing the round.
 */
export async function phoneOnRound(page: Page, host: HostProcess, browser: Browser, language: Language) {
  const { items } = await roundtableWithRound(page.request, host);
  const { panel, address, code } = await turnOnRoomMode(page, host);
  const phone = await PhonePage.open(browser, language);
  await phone.join(`${address}#${code}`, null, null);
  await readinessOpener(panel).getByRole('button', { name: 'Put this round on the phones' }).click();
  await phone.waitForQuestion('Spring check');
  return { items, panel, phone };
}
