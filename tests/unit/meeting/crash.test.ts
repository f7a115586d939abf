import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from '../../e2e/host-process';
import { makeTempDir } from '../../fixtures/temp-dir';

/** A seeded generator, so a failing round can be replayed: where each kill lands is random but fixed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

async function call<T>(host: HostProcess, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.value;
}

const rounds = 20;
const temp = makeTempDir('common-ground-crash-');
let initiativeId = '';
let sessionId = '';
let itemId = '';

beforeAll(async () => {
  const host = await startHostProcess(temp.dir);
  initiativeId = (await call<{ id: string }>(host, 'initiatives.create', { name: 'Crash' })).id;
  sessionId = (
    await call<{ id: string }>(host, 'sessions.create', {
      initiativeId,
      session: { kind: 'roundtable', title: 'Basement roundtable' },
    })
  ).id;
  itemId = (await call<{ id: string }>(host, 'agenda.add', { initiativeId, sessionId, item: { title: 'Hours' } })).id;
  await call(host, 'meeting.start', { initiativeId, sessionId });
  await host.stop();
}, 60_000);

afterAll(() => temp.cleanup());

describe('a host killed with SIGKILL in the middle of typing notes', () => {
  it(`keeps every acknowledged keystroke and a sound file, ${rounds} times`, async () => {
    const random = seeded(20261123);
    const file = join(temp.dir, 'initiatives', `${initiativeId}.sqlite`);
    let saved = '';
    for (let round = 0; round < rounds; round++) {
      const host = await startHostProcess(temp.dir);
      const view = await call<{ items: { notes: string }[]; live: { currentItemId: string } }>(host, 'meeting.get', {
        initiativeId,
        sessionId,
      });
      // What the last round acknowledged is there, or the save in flight when it died landed too.
      expect(view.items[0].notes.startsWith(saved), `round ${round}`).toBe(true);
      expect(view.live.currentItemId).toBe(itemId);
      let notes = view.items[0].notes;
      saved = notes;
      const keystrokes = 1 + Math.floor(random() * 40);
      for (let key = 0; key < keystrokes; key++) {
        notes += String.fromCharCode(97 + Math.floor(random() * 26));
        await call(host, 'agenda.update', { initiativeId, itemId, patch: { notes } });
        saved = notes;
      }
      // One more keystroke on its way when the process dies: it may or may not have landed.
      notes += '!';
      const inFlight = call(host, 'agenda.update', { initiativeId, itemId, patch: { notes } }).catch(() => null);
      await host.stop('SIGKILL');
      await inFlight;
      const db = new Database(file);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const stored = db.prepare('SELECT notes FROM agenda_items WHERE id = ?').pluck().get(itemId) as string;
        expect([saved, notes]).toContain(stored);
      } finally {
        db.close();
      }
    }
  }, 240_000);
});
