import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from './host-process';
import { AppPage } from './pages/app-page';
import { api, MeetingPage } from './pages/meeting-page';

/**
 * The crash test: a burst of typing in meeting mode, the host killed with SIGKILL at a
 * random moment, then started again on the same data folder. Every edit the page had shown as
 * saved must be there and the file must be sound. Five kills by default to keep `npm test` short;
 * CRASH_ROUNDS=20 runs the twenty. CRASH_SEED replays a failing run.
 */
const rounds = Number(process.env.CRASH_ROUNDS ?? 5);
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

function seeded(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Watches the save indicator from inside the page: each time it reads "saved", the notes as they
 * stand at that instant are what the facilitator was told is safe. Runs before the app's own code
 * on every load, so no moment is missed.
 */
function watchSaved(): void {
  const record = () => {
    const status = document.querySelector('[data-testid="save-status"]');
    const notes = document.querySelector<HTMLTextAreaElement>('.meeting__notes textarea');
    if (status && notes && /All changes saved/.test(status.textContent ?? '')) {
      (window as unknown as { shownSaved: string }).shownSaved = notes.value;
    }
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
}

const test = base.extend<{ dataDir: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-crash-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

async function shownSaved(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { shownSaved?: string }).shownSaved);
}

test(`typing in meeting mode survives ${rounds} kills of the host`, async ({ page, dataDir }) => {
  test.setTimeout(30_000 + rounds * 10_000);
  const random = seeded(seed);
  const where = (round: number) => `seed ${seed}, round ${round}`;
  const address = { port: await freePort(), token: `crash-test-${seed}-token` };
  let host: HostProcess = await startHostProcess(dataDir, address);
  try {
    const request = page.request;
    const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Basement' });
    const { id: sessionId } = await api<{ id: string }>(request, host, 'sessions.create', {
      initiativeId,
      session: { kind: 'roundtable', title: 'Basement roundtable' },
    });
    const { id: itemId } = await api<{ id: string }>(request, host, 'agenda.add', {
      initiativeId,
      sessionId,
      item: { title: 'Evening hours', timeboxMinutes: 20 },
    });
    const file = join(dataDir, 'initiatives', `${initiativeId}.sqlite`);

    await page.addInitScript(watchSaved);
    const app = new AppPage(page);
    const meeting = new MeetingPage(page);
    const notes = page.getByLabel('Notes on this item');
    await app.open(host.openUrl);
    await expect(page.locator('.topbar__initiative')).toHaveText('Basement');
    await page.keyboard.press('Control+4');
    await page.getByRole('button', { name: /Basement roundtable/ }).click();
    await page.getByRole('button', { name: 'Start meeting mode' }).click();
    await expect(meeting.currentItem).toHaveText('Evening hours');

    for (let round = 0; round < rounds; round++) {
      const before = await notes.inputValue();
      const burst = Array.from({ length: 20 + Math.floor(random() * 40) }, () =>
        String.fromCharCode(97 + Math.floor(random() * 26)),
      ).join('');
      await notes.focus();
      await page.keyboard.press('Control+End');
      // Within the burst: typing takes at least its per-key delay for every key.
      const killAfterMs = Math.floor(random() * burst.length * 8);
      const typing = page.keyboard.type(burst, { delay: 8 });
      await new Promise((resolveWait) => setTimeout(resolveWait, killAfterMs));
      await host.stop('SIGKILL');
      await typing;
      const promised = (await shownSaved(page)) ?? '';

      const db = new Database(file, { readonly: true });
      let stored: string;
      try {
        expect(db.pragma('integrity_check', { simple: true }), where(round)).toBe('ok');
        stored = db.prepare('SELECT notes FROM agenda_items WHERE id = ?').pluck().get(itemId) as string;
      } finally {
        db.close();
      }
      // All that was shown as saved is stored; what is stored is what was typed, nothing else.
      expect(stored.startsWith(promised), `${where(round)}: stored "${stored}", shown saved "${promised}"`).toBe(true);
      expect((before + burst).startsWith(stored), `${where(round)}: stored "${stored}"`).toBe(true);

      host = await startHostProcess(dataDir, address);
      await page.reload();
      await expect(meeting.currentItem, where(round)).toHaveText('Evening hours');
      await expect(notes, where(round)).toHaveValue(stored);
      await app.expectSaved();
    }
  } finally {
    await host.stop();
  }
});
