import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Result } from '../../../src-main/contract/result';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { createHandlers, dispatchAsync } from '../../../src-main/features/handlers';
import { InitiativeLibrary } from '../../../src-main/store/library';
import { domainTables } from '../../../src-main/store/schema';
import { bundleFormat, type BundleFile } from '../../../src-main/sync/bundle';
import { deriveSyncKey } from '../../../src-main/sync/crypto';
import { MerkleDelta } from '../../../src-main/sync/merkle';
import { LocalReplica } from '../../../src-main/sync/replica';
import { startHostProcess, type HostProcess } from '../../e2e/host-process';
import { startHub, type HubProcess } from '../sync/hub-process';
import { parseRowClock } from '../../../src-main/store/row-clock';

/**
 * Kills the real host (SIGKILL) at a random moment while writes, imports and syncs are in flight,
 * then checks the file: every write the host acknowledged is there, every import (CSV or sync
 * bundle) is there whole or not at all, the change log and the domain tables agree (no half-applied
 * page), the merkle trie matches the log, and SQLite's integrity check passes. After each restart
 * the killed host syncs with a real hub process and a second replica, and all three converge. Used
 * by kill.test.ts (a few kills, in npm test) and by `npm run test:soak` (CRASH_KILLS=100).
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
  /** Sync bundle label -> partners in it, from sync.importBundle answers. */
  bundles: Map<string, number>;
  /** Every bundle sent, acknowledged or not: label -> partners. */
  bundlesSent: Map<string, number>;
  /** Syncs with the hub that answered "ok" during the bursts. */
  syncs: number;
}

/** What the run did besides the acknowledged writes, for the report. */
export interface Tally {
  syncsStarted: number;
  bundleMessages: number;
  remotePartners: number;
  convergences: number;
  /** Kills that found a pull from the hub partly applied (some pages in), or all of it in. */
  pullsCut: number;
  pullsDone: number;
}

/** The second replica: the app's real handlers in this process, on its own data folder and node. */
interface Replica {
  library: InitiativeLibrary;
  call<T>(channel: string, input: unknown): Promise<T>;
}

export interface KillRun {
  dataDir: string;
  initiativeId: string;
  typistId: string;
  acknowledged: Acknowledged;
  tally: Tally;
  hub: HubProcess;
  other: Replica;
  /** The other replica's side of sync, to seal bundles of only what it wrote since a moment. */
  otherReplica: LocalReplica;
  close(): Promise<void>;
}

const passphrase = 'kill harness team passphrase';

function openReplica(dataDir: string): Replica {
  const library = new InitiativeLibrary(dataDir, { node: '00000000000000b2' });
  const handlers = createHandlers({
    library,
    resourcesDir: join(import.meta.dirname, '..', '..', '..', 'resources'),
    version: '0.0.0-test',
    transport: 'host',
  });
  return {
    library,
    async call<T>(channel: string, input: unknown): Promise<T> {
      const result: Result<unknown> = await dispatchAsync(handlers, channel, input);
      if (!result.ok) throw new Error(`other replica ${channel}: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
  };
}

/**
 * The killed host's data folder, a hub process, and a second replica that got the initiative as a
 * file and syncs through the hub: what two devices of one team look like.
 */
export async function prepare(dir: string): Promise<KillRun> {
  const dataDir = join(dir, 'host');
  mkdirSync(join(dir, 'hub'), { recursive: true });
  // The hub's per-address request limit is for the internet; here one address syncs in a tight loop.
  const hub = await startHub({
    DATABASE_URL: '',
    HUB_DB: join(dir, 'hub', 'hub.sqlite'),
    HUB_REQUESTS_PER_MINUTE: '10000000',
  });
  const host = await startHostProcess(dataDir);
  let other: Replica | undefined;
  try {
    const initiativeId = (await call<{ id: string }>(host, 'initiatives.create', { name: 'Kill harness' })).id;
    const typistId = (
      await call<{ id: string }>(host, 'partners.create', { initiativeId, partner: { name: 'Typist' } })
    ).id;
    await call(host, 'sync.configure', { initiativeId, hubUrl: hub.url, passphrase, enrolmentKey: hub.enrolmentKey });
    expect(await call<SyncStatus>(host, 'sync.now', { initiativeId })).toMatchObject({ state: 'ok' });
    const file = await call<{ contentBase64: string }>(host, 'initiatives.exportFile', { initiativeId, passphrase });
    other = openReplica(join(dir, 'other'));
    await other.call('initiatives.importFile', {
      fileName: 'kill-harness.cground',
      contentBase64: file.contentBase64,
      passphrase,
    });
    await other.call('sync.configure', { initiativeId, hubUrl: hub.url, passphrase });
    const store = other.library.open(initiativeId);
    const otherReplica = new LocalReplica(store.db, store.writePath, await deriveSyncKey(initiativeId, passphrase));
    const replica = other;
    return {
      dataDir,
      initiativeId,
      typistId,
      acknowledged: {
        partners: new Map([[typistId, 'Typist']]),
        imports: new Map(),
        importsSent: new Map(),
        notes: '',
        bundles: new Map(),
        bundlesSent: new Map(),
        syncs: 0,
      },
      tally: { syncsStarted: 0, bundleMessages: 0, remotePartners: 0, convergences: 0, pullsCut: 0, pullsDone: 0 },
      hub,
      other,
      otherReplica,
      async close() {
        replica.library.close();
        await hub.stop();
      },
    };
  } catch (error) {
    other?.library.close();
    await hub.stop();
    throw error;
  } finally {
    await host.stop();
  }
}

function importFile(label: string, rows: number): string {
  const lines = ['Name,Sector,Tags'];
  for (let row = 0; row < rows; row++) lines.push(`${label} #${row},health,crash`);
  return Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64');
}

interface Bundle {
  label: string;
  rows: number;
  bytes: Buffer;
  timestamps: string[];
}

/**
 * Work the other replica does while the host is down: partners it syncs to the hub (so the host's
 * next syncs have pages to pull), then partners it does not sync yet but puts in bundle files,
 * each sealed by the app's own replica code and holding only what was written for it.
 */
async function otherReplicaWork(
  run: KillRun,
  round: number,
  random: () => number,
): Promise<{ bundles: Bundle[]; synced: number }> {
  const { other, otherReplica, initiativeId, tally } = run;
  const synced = 10 + Math.floor(random() * 50);
  for (let index = 0; index < synced; index++) {
    await other.call('partners.create', {
      initiativeId,
      partner: { name: `other r${round} #${index}`, notes: `typed on the other device in round ${round}` },
    });
  }
  tally.remotePartners += synced;
  expect(
    await other.call<SyncStatus>('sync.now', { initiativeId }),
    `round ${round}: other replica sync`,
  ).toMatchObject({ state: 'ok' });
  const bundles: Bundle[] = [];
  for (let index = 0; index < 2; index++) {
    const label = `r${round} bundle ${index}`;
    const rows = 10 + Math.floor(random() * 50);
    const mark = otherReplica.db.prepare('SELECT max(timestamp) FROM change_log').pluck().get() as string;
    for (let row = 0; row < rows; row++) {
      await other.call('partners.create', { initiativeId, partner: { name: `${label} #${row}`, sector: 'bundle' } });
    }
    const { messages } = otherReplica.sealedAfter(mark, 1_000_000);
    const file: BundleFile = {
      format: bundleFormat,
      version: 1,
      syncId: otherReplica.key.syncId,
      keyCheck: otherReplica.key.keyCheck,
      node: other.library.node,
      merkle: otherReplica.merkle(),
      messages,
    };
    bundles.push({ label, rows, bytes: gzipSync(JSON.stringify(file)), timestamps: messages.map((m) => m.timestamp) });
    tally.bundleMessages += messages.length;
  }
  return { bundles, synced };
}

/**
 * After a restart, with nothing else running: the host syncs, the other replica syncs, the host
 * syncs again, and then both hold the same messages (same merkle trie) and the same data.
 */
async function converge(run: KillRun, host: HostProcess, round: number): Promise<void> {
  const { initiativeId } = run;
  const label = `after kill ${round}`;
  expect(await call<SyncStatus>(host, 'sync.now', { initiativeId }), `${label}: host sync`).toMatchObject({
    state: 'ok',
  });
  expect(await run.other.call<SyncStatus>('sync.now', { initiativeId }), `${label}: other sync`).toMatchObject({
    state: 'ok',
  });
  expect(await call<SyncStatus>(host, 'sync.now', { initiativeId }), `${label}: host sync`).toMatchObject({
    state: 'ok',
  });
  const hostState = replicaState(join(run.dataDir, 'initiatives', `${initiativeId}.sqlite`));
  const otherState = replicaState(join(run.other.library.dataDir, 'initiatives', `${initiativeId}.sqlite`));
  expect(hostState.merkle, `${label}: merkle tries`).toEqual(otherState.merkle);
  expect(hostState.messages, `${label}: change log size`).toBe(otherState.messages);
  for (const table of Object.keys(domainTables)) {
    expect(hostState.tables[table], `${label}: ${table}`).toEqual(otherState.tables[table]);
  }
  run.tally.convergences++;
}

/** What two converged replicas must share, read from the file by its own read-only connection. */
function replicaState(path: string): { merkle: unknown[]; messages: number; tables: Record<string, unknown[]> } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables: Record<string, unknown[]> = {};
    for (const table of Object.keys(domainTables))
      tables[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
    return {
      merkle: db.prepare('SELECT node, hash FROM merkle WHERE hash <> 0 ORDER BY node').all(),
      messages: db.prepare('SELECT count(*) FROM change_log').pluck().get() as number,
      tables,
    };
  } finally {
    db.close();
  }
}

/**
 * One round: a host (first made to converge with the hub and the other replica, after the previous
 * kill), five streams of work (creates, typing, CSV imports, syncs with the hub, bundle imports), a
 * SIGKILL after a random delay, then the checks on the file as the dead process left it.
 */
export async function killRound(run: KillRun, round: number, random: () => number): Promise<void> {
  const host = await startHostProcess(run.dataDir);
  const { initiativeId, typistId, acknowledged, tally } = run;
  let bundles: Bundle[];
  let synced: number;
  try {
    if (round > 0) await converge(run, host, round - 1);
    ({ bundles, synced } = await otherReplicaWork(run, round, random));
  } catch (error) {
    await host.stop();
    throw error;
  }
  let alive = true;
  let syncedThisRound = false;
  // Each stream ends when its connection is refused; the error is expected and only ends the stream.
  const stream = (work: () => Promise<void>) => work().catch(() => undefined);
  // Syncs start first; the other streams join once the first sync is done or after a random
  // head start, so some kills find a finished sync behind them and most find one under way.
  let firstSyncDone: () => void = () => {};
  const firstSync = new Promise<void>((done) => (firstSyncDone = done));
  const syncs = stream(async () => {
    while (alive) {
      tally.syncsStarted++;
      const status = await call<SyncStatus>(host, 'sync.now', { initiativeId });
      firstSyncDone();
      // "error" here means the host kept writing during all of sync's rounds; the next one goes on.
      if (status.state === 'ok') {
        acknowledged.syncs++;
        syncedThisRound = true;
      }
    }
  });
  const headStart = Promise.race([firstSync, new Promise((wait) => setTimeout(wait, Math.floor(random() * 800)))]);
  const creates = stream(async () => {
    await headStart;
    for (let index = 0; alive; index++) {
      const name = `r${round} partner ${index}`;
      const created = await call<{ id: string }>(host, 'partners.create', { initiativeId, partner: { name } });
      acknowledged.partners.set(created.id, name);
    }
  });
  const typing = stream(async () => {
    await headStart;
    let notes = acknowledged.notes;
    while (alive) {
      notes += String.fromCharCode(97 + Math.floor(random() * 26));
      await call(host, 'partners.update', { initiativeId, partnerId: typistId, patch: { notes } });
      acknowledged.notes = notes;
    }
  });
  const imports = stream(async () => {
    await headStart;
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
  const bundleImports = stream(async () => {
    await headStart;
    for (const bundle of bundles) {
      if (!alive) break;
      acknowledged.bundlesSent.set(bundle.label, bundle.rows);
      await call(host, 'sync.importBundle', { initiativeId, contentBase64: bundle.bytes.toString('base64') });
      acknowledged.bundles.set(bundle.label, bundle.rows);
    }
  });
  await new Promise((wait) => setTimeout(wait, 30 + Math.floor(random() * 1500)));
  await host.stop('SIGKILL');
  alive = false;
  await Promise.all([creates, typing, imports, syncs, bundleImports]);
  checkFile(run, round, { bundles, synced, syncedOk: syncedThisRound });
}

/** After the last kill: one more restart, and the host, the hub and the other replica converge. */
export async function finalConvergence(run: KillRun, rounds: number): Promise<void> {
  const host = await startHostProcess(run.dataDir);
  try {
    await converge(run, host, rounds - 1);
  } finally {
    await host.stop();
  }
}

/**
 * The change log and the domain tables tell the same story: every field named in the log holds the
 * value of its newest message, stamped with that message's timestamp, and no field holds a stamp
 * the log lacks. A page of synced messages, a bundle or an import applied in part would break it.
 */
export function checkLogAgreesWithTables(db: Database.Database, round: number): void {
  const clocks = new Map<string, Map<string, { clock: Record<string, string>; row: Record<string, unknown> }>>();
  let stamped = 0;
  for (const table of Object.keys(domainTables)) {
    const rows = new Map<string, { clock: Record<string, string>; row: Record<string, unknown> }>();
    for (const row of db.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, unknown>>) {
      const clock = parseRowClock(row._clock as string);
      stamped += Object.keys(clock).length;
      rows.set(row.id as string, { clock, row });
    }
    clocks.set(table, rows);
  }
  let fields = 0;
  const problems: string[] = [];
  const newest = db.prepare(
    'SELECT tbl, row_id, col, max(timestamp) AS timestamp, value FROM change_log GROUP BY tbl, row_id, col',
  );
  for (const entry of newest.iterate() as Iterable<{
    tbl: string;
    row_id: string;
    col: string;
    timestamp: string;
    value: unknown;
  }>) {
    fields++;
    const found = clocks.get(entry.tbl)?.get(entry.row_id);
    if (!found) problems.push(`${entry.tbl} ${entry.row_id}: in the log, not in the table`);
    else if (found.clock[entry.col] !== entry.timestamp)
      problems.push(
        `${entry.tbl} ${entry.row_id}.${entry.col}: stamped ${found.clock[entry.col]}, log has ${entry.timestamp}`,
      );
    else if (found.row[entry.col] !== entry.value)
      problems.push(
        `${entry.tbl} ${entry.row_id}.${entry.col}: holds ${String(found.row[entry.col])}, log has ${String(entry.value)}`,
      );
    if (problems.length > 5) break;
  }
  expect(problems, `round ${round}: change log and tables`).toEqual([]);
  expect(stamped, `round ${round}: fields stamped in the tables vs fields in the log`).toBe(fields);
}

/** The stored merkle trie is exactly the one the change log's timestamps make. */
export function checkMerkleMatchesLog(db: Database.Database, round: number): void {
  const delta = new MerkleDelta();
  for (const timestamp of db.prepare('SELECT timestamp FROM change_log').pluck().iterate() as Iterable<string>) {
    delta.add(Date.parse(timestamp.slice(0, 24)), timestamp);
  }
  const expected = [...delta.nodes()].filter(([, hash]) => hash !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const stored = db.prepare('SELECT node, hash FROM merkle WHERE hash <> 0 ORDER BY node').raw().all();
  expect(stored, `round ${round}: merkle trie vs change log`).toEqual(expected);
}

/** The file as the killed process left it, opened directly (no app code in between). */
export function checkFile(
  run: KillRun,
  round: number,
  sent: { bundles: Bundle[]; synced: number; syncedOk: boolean } = { bundles: [], synced: 0, syncedOk: false },
): void {
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
    // Bundles: an acknowledged one whole (in any round); this round's others whole or absent, down
    // to each change message. (Earlier rounds' unacknowledged bundles have since come by sync.)
    for (const [label, rows] of run.acknowledged.bundles) {
      expect(count.get(`${label} #%`), `round ${round}: ${label}`).toBe(rows);
    }
    const logged = db.prepare('SELECT count(*) FROM change_log WHERE timestamp = ?').pluck();
    for (const bundle of sent.bundles) {
      const present = bundle.timestamps.filter((timestamp) => logged.get(timestamp) === 1).length;
      if (run.acknowledged.bundles.has(bundle.label)) {
        expect(present, `round ${round}: ${bundle.label}`).toBe(bundle.timestamps.length);
      } else {
        expect([0, bundle.timestamps.length], `round ${round}: ${bundle.label} half imported`).toContain(present);
        expect([0, bundle.rows], `round ${round}: ${bundle.label} half imported`).toContain(
          count.get(`${bundle.label} #%`),
        );
      }
    }
    // A sync that answered "ok" had pulled everything the other replica pushed before the round;
    // otherwise the kill found the pull not started, done, or between two pages (each kept whole).
    const pulled = count.get(`other r${round} #%`) as number;
    if (sent.syncedOk) expect(pulled, `round ${round}: partners synced from the other replica`).toBe(sent.synced);
    if (pulled > 0 && pulled < sent.synced) run.tally.pullsCut++;
    if (pulled === sent.synced) run.tally.pullsDone++;
    // Every row written carries its change messages: a row without any would not sync.
    const orphans = db
      .prepare("SELECT count(*) FROM partners WHERE id NOT IN (SELECT row_id FROM change_log WHERE tbl = 'partners')")
      .pluck()
      .get() as number;
    expect(orphans, `round ${round}: partners without change messages`).toBe(0);
    checkLogAgreesWithTables(db, round);
    checkMerkleMatchesLog(db, round);
  } finally {
    db.close();
  }
}
