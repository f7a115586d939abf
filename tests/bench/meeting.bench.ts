import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { chromiumArgs, chromiumPath } from '../fixtures/chromium';
import { formatMs, type Figure } from './measure';

/**
 * Opening meeting mode for a live session with 30 agenda items and 200 carried voice notes, in the
 * built renderer (run `npx electron-vite build` first) in headless Chromium, against a session with
 * one item and no notes in the same run as the baseline. Measured from navigation start to the
 * moment the current item and every carried note are in the page.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const itemCount = 30;
const noteCount = 200;
const runs = 5;

function poster(host: RunningHost) {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` };
  return async function post<T>(channel: string, body: unknown): Promise<T> {
    const response = await fetch(`${host.url}/api/${channel}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

async function seed(host: RunningHost) {
  const post = poster(host);
  const { id: initiativeId } = await post<{ id: string }>('initiatives.create', { name: 'Bench roundtable' });
  const { id: focusGroupId } = await post<{ id: string }>('groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Residents' },
  });
  const session = async (title: string, items: number) => {
    const { id } = await post<{ id: string }>('sessions.create', {
      initiativeId,
      session: { kind: 'roundtable', title, startsAt: '2026-11-23T18:00' },
    });
    for (let index = 0; index < items; index++)
      await post('agenda.add', {
        initiativeId,
        sessionId: id,
        item: { title: `Item ${index + 1}`, timeboxMinutes: 5, notes: `Notes for item ${index + 1}. `.repeat(20) },
      });
    await post('meeting.start', { initiativeId, sessionId: id });
    return id;
  };
  const small = await session('Small', 1);
  const big = await session('Big', itemCount);
  const noteIds: string[] = [];
  for (let index = 0; index < noteCount; index++) {
    const draft = await post<{ id: string }>('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, text: `Voice note ${index}: the bus, the clinic, the rent.`, consent: 'anonymous' },
    });
    noteIds.push((await post<{ id: string }>('voice.capture', { initiativeId, noteId: draft.id })).id);
  }
  await post('voice.carry', { initiativeId, sessionId: big, noteIds });
  return { initiativeId, small, big };
}

/** Records when meeting mode shows its current item and the expected number of carried notes. */
const watchMeeting = `
  (() => {
    const expected = Number(localStorage.getItem('bench.notes'));
    const check = () => {
      if (window.meetingOpenAt !== undefined) return;
      if (!document.querySelector('.meeting__current')) return;
      if (document.querySelectorAll('.meeting__voice li').length !== expected) return;
      window.meetingOpenAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    // A click starts a new measurement: from the click to meeting mode drawn again.
    document.addEventListener('click', () => {
      window.clickAt = performance.now();
      window.meetingOpenAt = undefined;
    }, true);
  })();
`;

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (await condition()) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error('meeting mode did not open');
}

export async function benchMeeting(): Promise<Figure[]> {
  if (!readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8')) throw new Error('build the renderer first');
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-bench-meeting-'));
  const host = await startHost({
    dataDir,
    rendererDir: join(root, 'out', 'renderer'),
    resourcesDir: join(root, 'resources'),
    version: 'bench',
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const { initiativeId, small, big } = await seed(host);
    const open = async (sessionId: string, notes: number): Promise<{ load: number; click: number }> => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(
        `localStorage.setItem('commonground.section', 'sessions');
         localStorage.setItem('commonground.currentInitiative', ${JSON.stringify(initiativeId)});
         localStorage.setItem('commonground.session', ${JSON.stringify(sessionId)});
         localStorage.setItem('bench.notes', '${notes}');`,
      );
      await page.addInitScript(watchMeeting);
      await page.goto(host.openUrl);
      const drawn = async () => {
        await until(async () => (await page.evaluate<number | undefined>('window.meetingOpenAt')) !== undefined);
        return page.evaluate<number>('window.meetingOpenAt');
      };
      const load = await drawn();
      // From inside the running app: back to the plan, then open meeting mode again.
      await page.getByRole('button', { name: 'Back to the plan' }).click();
      await page.getByRole('button', { name: 'Open meeting mode' }).click();
      const click = (await drawn()) - (await page.evaluate<number>('window.clickAt'));
      await page.close();
      return { load, click };
    };
    const median = async (sessionId: string, notes: number) => {
      await open(sessionId, notes);
      const times: { load: number; click: number }[] = [];
      for (let run = 0; run < runs; run++) times.push(await open(sessionId, notes));
      const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(runs / 2)];
      return { load: middle(times.map((time) => time.load)), click: middle(times.map((time) => time.click)) };
    };
    const baseline = await median(small, 0);
    const measured = await median(big, noteCount);
    const opened = measured.load;
    return [
      {
        name: `Meeting mode: open a live session with ${itemCount} items and ${noteCount} carried notes`,
        value: formatMs(opened),
        target: '< 300 ms',
        met: opened < 300,
        note: `navigation start to item and every note drawn, page load included; median of ${runs} after a warm-up; baseline (1 item, no notes) ${formatMs(baseline.load)}, ${(opened / baseline.load).toFixed(2)}× the baseline`,
      },
      {
        name: `Meeting mode: open it from the session's plan (${itemCount} items, ${noteCount} notes)`,
        value: formatMs(measured.click),
        target: '< 300 ms',
        met: measured.click < 300,
        note: `click on "Open meeting mode" to item and every note drawn, inside the running app; baseline (1 item, no notes) ${formatMs(baseline.click)}; median of ${runs}`,
      },
    ];
  } finally {
    await browser.close();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/meeting.bench.ts` prints this figure alone, without the slow map bench.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const figure of await benchMeeting()) console.log(`${figure.name}: ${figure.value} (${figure.note})`);
}
