import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startHostProcess, type HostProcess } from '../../e2e/host-process';

/**
 * Kills the real host (SIGKILL) at a random moment while writes and imports are in flight, then
 * checks the file: every write the host acknowledged is there, every import is there whole or not
 * at all, and SQLite's integrity check passes. Used by kill.test.ts (a few kills, in npm test) and
 * by `npm run test:soak` (CRASH_KILLS=100).
 *
 * TODO(sync): when sync lands, add a third stream to `burst` that applies sync bundles from a
 * second data folder (and sends them), and check after each kill that every acknowledged bundle's
 * change messages are all in change_log or none are, and that the merkle root matches the log.
 */

/** A seeded generator, so a failing run can be replayed with the same kill moments. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function call<T>(host: HostProcess, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${host.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel}: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** What the host said was saved, across every round so far. */
export interface Acknowledged {
  /** Partner id -> name, from partners.create answers. */
  partners: Map<string, string>;
  /** Import label -> rows in its file, from partners.import.commit answers. */
  imports: Map<string, number>;
  /** Every import sent, acknowledged or not: label -> rows. */
  importsSent: Map<string, number>;
  /** The notes text last acknowledged for the partner whose notes are typed into. */
  notes: string;
}

export interface KillRun {
  dataDir: string;
  initiativeId: string;
  typistId: string;
  acknowledged: Acknowledged;
}

export async function prepare(dataDir: string): Promise<KillRun> {
  const host = await startHostProcess(dataDir);
  try {
    const initiativeId = (await call<{ id: string }>(host, 'initiatives.create', { name: 'Kill harness' })).id;
    const typistId = (
      await call<{ id: string }>(host, 'partners.create', { initiativeId, partner: { name: 'Typist' } })
    ).id;
    return {
      dataDir,
      initiativeId,
      typistId,
      acknowledged: {
        partners: new Map([[typistId, 'Typist']]),
        imports: new Map(),
        importsSent: new Map(),
        notes: '',
      },
    };
  } finally {
    await host.stop();
  }
}

function importFile(label: string, rows: number): string {
  const lines = ['Name,Sector,Tags'];
  for (let row = 0; row < rows; row++) lines.push(`${label} #${row},health,crash`);
  return Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64');
}

/**
 * One round: a host, three streams of work (creates, typing, imports), a SIGKILL after a random
 * delay, then the checks on the file as the dead process left it.
 */
export async function killRound(run: KillRun, round: number, random: () => number): Promise<void> {
  const host = await startHostProcess(run.dataDir);
  const { initiativeId, typistId, acknowledged } = run;
  let alive = true;
  // Each stream ends when its connection is refused; the error is expected and only ends the stream.
  const stream = (work: () => Promise<void>) => work().catch(() => undefined);
  const creates = stream(async () => {
    for (let index = 0; alive; index++) {
      const name = `r${round} partner ${index}`;
      const created = await call<{ id: string }>(host, 'partners.create', { initiativeId, partner: { name } });
      acknowledged.partners.set(created.id, name);
    }
  });
  const typing = stream(async () => {
    let notes = acknowledged.notes;
    while (alive) {
      notes += String.fromCharCode(97 + Math.floor(random() * 26));
      await call(host, 'partners.update', { initiativeId, partnerId: typistId, patch: { notes } });
      acknowledged.notes = notes;
    }
  });
  const imports = stream(async () => {
    for (let index = 0; alive; index++) {
      const label = `r${round} import ${index}`;
      const rows = 20 + Math.floor(random() * 200);
      acknowledged.importsSent.set(label, rows);
      await call(host, 'partners.import.commit', {
        initiativeId,
        format: 'csv',
        fileName: 'partners.csv',
        contentBase64: importFile(label, rows),
      });
      acknowledged.imports.set(label, rows);
    }
  });
  await new Promise((wait) => setTimeout(wait, 30 + Math.floor(random() * 600)));
  await host.stop('SIGKILL');
  alive = false;
  await Promise.all([creates, typing, imports]);
  checkFile(run, round);
}

/** The file as the killed process left it, opened directly (no app code in between). */
export function checkFile(run: KillRun, round: number): void {
  const db = new Database(join(run.dataDir, 'initiatives', `${run.initiativeId}.sqlite`));
  try {
    expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
    expect(db.pragma('foreign_key_check'), `round ${round}`).toEqual([]);
    const names = new Map(
      (db.prepare('SELECT id, name FROM partners').all() as { id: string; name: string }[]).map((row) => [
        row.id,
        row.name,
      ]),
    );
    for (const [id, name] of run.acknowledged.partners) expect(names.get(id), `round ${round}: ${name}`).toBe(name);
    const notes = db.prepare('SELECT notes FROM partners WHERE id = ?').pluck().get(run.typistId) as string;
    // The keystroke in flight when the process died may have landed too, never less than acknowledged.
    expect(notes.startsWith(run.acknowledged.notes), `round ${round}: notes`).toBe(true);
    expect(notes.length - run.acknowledged.notes.length, `round ${round}: notes`).toBeLessThanOrEqual(1);
    const count = db.prepare('SELECT count(*) FROM partners WHERE name LIKE ?').pluck();
    for (const [label, rows] of run.acknowledged.importsSent) {
      const found = count.get(`${label} #%`) as number;
      if (run.acknowledged.imports.has(label)) expect(found, `round ${round}: ${label}`).toBe(rows);
      else expect([0, rows], `round ${round}: ${label} half imported`).toContain(found);
    }
    // Every row written carries its change messages: a row without any would not sync.
    const orphans = db
      .prepare("SELECT count(*) FROM partners WHERE id NOT IN (SELECT row_id FROM change_log WHERE tbl = 'partners')")
      .pluck()
      .get() as number;
    expect(orphans, `round ${round}: partners without change messages`).toBe(0);
  } finally {
    db.close();
  }
}
