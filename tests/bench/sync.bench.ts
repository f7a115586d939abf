import * as Automerge from '@automerge/automerge';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/store/connection';
import type { RowChange } from '../../src-main/store/write-path';
import { WritePath } from '../../src-main/store/write-path';
import { syncKeyFromBytes } from '../../src-main/sync/crypto';
import { HubPeer } from '../../src-main/sync/hub-client';
import { syncWith } from '../../src-main/sync/protocol';
import { LocalReplica } from '../../src-main/sync/replica';
import { startHub } from '../unit/sync/hub-process';
import { formatMs, type Figure } from './measure';

const partners = Number(process.env.SYNC_BENCH_PARTNERS ?? 10_000);
const fieldValues = (i: number): Record<string, string | number> => ({
  name: `Partner ${i}`,
  kind: 'organisation',
  sector: ['health', 'education', 'housing'][i % 3],
  engagement_stage: 'engaged',
  email: `contact${i}@example.org`,
  phone: `+1 555 ${String(i).padStart(6, '0')}`,
  tags: 'food,youth',
  notes: `Met at the spring fair; follow up about the pantry hours (${i}).`,
  influence: i % 5,
  interest: (i * 7) % 5,
});

function replica(dir: string, name: string, node: string) {
  const db = openDatabase(join(dir, name), { create: true });
  const writePath = new WritePath(db, node);
  return { db, writePath, replica: new LocalReplica(db, writePath, key) };
}

/**
 * CPU time in ms of one thread (a task of this process) or of another process, from Linux's /proc:
 * what the wall time on a shared machine hides. Null where /proc is not there.
 */
function procCpuMs(path: string): number | null {
  try {
    const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}
const applyingThreadCpu = () => procCpuMs(`/proc/self/task/${process.pid}/stat`);

const key = syncKeyFromBytes('0196f3a0-0000-7000-8000-0000000bench', Buffer.alloc(32, 11));

/**
 * 100,000 field edits (10,000 partners × 10 fields) written on one device and pushed to a hub
 * process; then an empty device syncs them all through the hub: timed end to end (merkle
 * compare, pages over HTTP, decrypt, apply through the write path with synchronous=NORMAL, as the app). Bytes
 * on the wire are compared with the plaintext of the same messages. Automerge applies the same
 * 100,000 field edits as a peer in the same run, for a ratio.
 */
export async function benchSync(dir: string): Promise<Figure[]> {
  const hub = await startHub({
    DATABASE_URL: '',
    HUB_DB: join(dir, 'sync-hub.sqlite'),
    HUB_REQUESTS_PER_MINUTE: '100000',
  });
  try {
    const source = replica(dir, 'sync-source.sqlite', '00000000000000a1');
    const changes: RowChange[] = Array.from({ length: partners }, (_, i) => ({
      table: 'partners',
      row: `p-${String(i).padStart(6, '0')}`,
      values: fieldValues(i),
    }));
    const written = source.writePath.write(changes);
    const plaintextBytes = written.reduce(
      (sum, m) => sum + Buffer.byteLength(JSON.stringify([m.timestamp, m.table, m.row, m.column, m.value])),
      0,
    );
    const uploadStart = performance.now();
    const uploader = new HubPeer(hub.url, key);
    await uploader.register(hub.enrolmentKey);
    await syncWith(source.replica, uploader, { pageSize: 5000 });
    const uploadMs = performance.now() - uploadStart;

    let wireBytes = 0;
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      wireBytes += body.byteLength + (typeof init?.body === 'string' ? Buffer.byteLength(init.body) : 0);
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const empty = replica(dir, 'sync-empty.sqlite', '00000000000000b2');
    // CPU of this process (the receiving one, its opening worker thread included): what other jobs
    // on a shared machine move less than the wall time.
    const cpuStart = process.cpuUsage();
    const threadStart = applyingThreadCpu();
    const hubCpu = () => procCpuMs(`/proc/${hub.child.pid}/stat`);
    const hubStart = hubCpu();
    // The write path's own share of the applying thread (the store's receive, one call per page).
    let storeMs = 0;
    const receiveSound = empty.writePath.receiveSound.bind(empty.writePath);
    empty.writePath.receiveSound = (messages) => {
      const at = performance.now();
      try {
        return receiveSound(messages);
      } finally {
        storeMs += performance.now() - at;
      }
    };
    const start = performance.now();
    const report = await syncWith(empty.replica, new HubPeer(hub.url, key, counting), { pageSize: 5000 });
    const syncMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const threadEnd = applyingThreadCpu();
    const hubEnd = hubCpu();
    const threadMs = threadStart === null || threadEnd === null ? null : threadEnd - threadStart;
    const hubMs = hubStart === null || hubEnd === null ? null : hubEnd - hubStart;
    const rows = empty.db.prepare('SELECT count(*) FROM partners').pluck().get() as number;
    source.db.close();
    empty.db.close();

    // Automerge: one document, the same field edits, then a second peer applies every change.
    let doc = Automerge.init<{ partners: Record<string, Record<string, string | number>> }>();
    doc = Automerge.change(doc, (d) => {
      d.partners = {};
    });
    for (let batch = 0; batch < partners; batch += 1000) {
      doc = Automerge.change(doc, (d) => {
        for (let i = batch; i < batch + 1000; i++) d.partners[changes[i].row] = fieldValues(i);
      });
    }
    const automergeChanges = Automerge.getAllChanges(doc);
    const automergeBytes = automergeChanges.reduce((sum, change) => sum + change.byteLength, 0);
    const amStart = performance.now();
    const [peer] = Automerge.applyChanges(Automerge.init<typeof doc>(), automergeChanges);
    const automergeMs = performance.now() - amStart;
    const amRows = Object.keys(peer.partners).length;
    // The cheapest way in for Automerge: a whole saved document rather than changes.
    const saved = Automerge.save(doc);
    const loadStart = performance.now();
    Automerge.load(saved);
    const automergeLoadMs = performance.now() - loadStart;

    const ok = report.inSync && report.added === written.length && rows === partners && amRows === partners;
    return [
      {
        name: `Sync: ${written.length.toLocaleString('en')} messages from an empty replica through a hub process`,
        value: formatMs(syncMs),
        target: 'under 1.5 s (issue 15; under 5 s before)',
        met: ok ? syncMs < 1500 : false,
        note: `${report.rounds} rounds, pages of 5000 over HTTP, AES-256-GCM open on a worker thread + write path (synchronous=NORMAL, as the app), the next page asked for while one is applied; receiving process CPU ${formatMs(cpuMs)}${threadMs === null ? '' : `, of which the applying thread ${formatMs(threadMs)}`}; the write path's receive ${formatMs(storeMs)} of the wall time; hub on SQLite in its own process${hubMs === null ? '' : `, its CPU ${formatMs(hubMs)}`}; upload of the same messages took ${formatMs(uploadMs)}${ok ? '' : '; DID NOT CONVERGE'}`,
      },
      {
        name: 'Sync: bytes on the wire ÷ plaintext of the same messages',
        value: `${(wireBytes / plaintextBytes).toFixed(2)}×`,
        target: '—',
        met: null,
        note: `${(wireBytes / 1e6).toFixed(1)} MB sent and received vs ${(plaintextBytes / 1e6).toFixed(1)} MB plaintext (JSON of timestamp, table, row, column, value): nonce, tag, base64 and JSON envelope`,
      },
      {
        name: `Automerge applying the same ${written.length.toLocaleString('en')} field edits as a peer`,
        value: formatMs(automergeMs),
        target: '—',
        met: null,
        note: `@automerge/automerge 3.5.0, ${automergeChanges.length} changes, ${(automergeBytes / 1e6).toFixed(1)} MB of change bytes (compressed columnar); applyChanges on an empty document, in memory, no disk, no network, no encryption; loading the saved document (${(saved.byteLength / 1e6).toFixed(1)} MB) instead took ${formatMs(automergeLoadMs)}`,
      },
      {
        name: 'Sync through the hub ÷ Automerge apply',
        value: `${(syncMs / automergeMs).toFixed(2)}×`,
        target: '—',
        met: null,
        note: 'not like for like: ours includes HTTP, decryption and durable SQLite commits',
      },
    ];
  } finally {
    await hub.stop();
  }
}

// `npx tsx tests/bench/sync.bench.ts` prints these figures alone.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-sync-bench-'));
  try {
    for (const figure of await benchSync(dir)) console.log(`${figure.name}: ${figure.value} (${figure.note})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
