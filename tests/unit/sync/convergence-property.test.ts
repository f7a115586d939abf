import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBundle, importBundle } from '../../../src-main/sync/bundle';
import type { SealedMessage } from '../../../src-main/sync/crypto';
import { syncWith } from '../../../src-main/sync/protocol';
import type { SyncPeer } from '../../../src-main/sync/replica';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openReplica, syncedState, type TestReplica } from './replica-fixture';
import { parseRowClock } from '../../../src-main/store/row-clock';

/**
 * Three to five replicas on real SQLite files edit, delete and type over the same long texts,
 * then meet in random pairs over a network that drops, repeats and reorders, and swap bundle
 * files. After everyone has finally synced without faults, all hold the same rows, change log,
 * conflict copies and merkle trie. SYNC_RUNS=5000 for a soak; fast-check prints the seed and the
 * shrunk counterexample on failure.
 */
const runs = Number(process.env.SYNC_RUNS ?? 200);
const base = Date.parse('2026-11-23T09:00:00.000Z');

const fields = [
  { table: 'partners', column: 'name', long: false },
  { table: 'partners', column: 'notes', long: true },
  { table: 'decisions', column: 'text', long: true },
  { table: 'decisions', column: 'outcome', long: false },
  { table: 'voice_notes', column: 'text', long: true },
] as const;
const rows = ['r1', 'r2'];
const words = ['pantry', 'clinic', 'bus pass', 'école', 'rent', ''];

type Fault = 'none' | 'drop' | 'lose-reply' | 'repeat' | 'shuffle';

type Step =
  | { kind: 'edit'; replica: number; field: number; row: number; text: string }
  | { kind: 'delete'; replica: number; field: number; row: number }
  | { kind: 'erase'; replica: number; row: number }
  | { kind: 'concurrent'; replicas: [number, number]; field: number; row: number; texts: [string, string] }
  | { kind: 'tick'; replica: number; ms: number }
  | { kind: 'sync'; from: number; to: number; faults: Fault[]; pageSize: number }
  | { kind: 'bundle'; from: number; to: number; everything: boolean; twice: boolean };

const textArb = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 6 }));
const faultArb = fc.constantFrom<Fault>('none', 'none', 'drop', 'lose-reply', 'repeat', 'shuffle');

function stepArb(count: number): fc.Arbitrary<Step> {
  const replica = fc.nat(count - 1);
  const field = fc.nat(fields.length - 1);
  const row = fc.nat(rows.length - 1);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica, field, row, text: textArb }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), replica, field, row }) },
    // A voice note's words erased (withdrawal): older versions blank on every replica that hears.
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), replica, row }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('concurrent' as const),
        replicas: fc.tuple(replica, replica),
        field: fc.constantFrom(1, 2, 4),
        row,
        texts: fc.tuple(textArb, textArb),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('tick' as const),
        replica,
        // Mostly seconds, sometimes a laptop whose clock jumps hours either way.
        ms: fc.oneof(fc.integer({ min: 0, max: 90_000 }), fc.integer({ min: -7_200_000, max: 7_200_000 })),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        from: replica,
        to: replica,
        faults: fc.array(faultArb, { minLength: 1, maxLength: 6 }),
        pageSize: fc.integer({ min: 1, max: 12 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('bundle' as const),
        from: replica,
        to: replica,
        everything: fc.boolean(),
        twice: fc.boolean(),
      }),
    },
  );
}

const scenarioArb = fc
  .integer({ min: 3, max: 5 })
  .chain((count) =>
    fc.record({ count: fc.constant(count), steps: fc.array(stepArb(count), { minLength: 5, maxLength: 40 }) }),
  );

/** A network between two replicas that drops requests, loses replies, repeats and reorders. */
function faultyPeer(peer: SyncPeer, faults: Fault[]): SyncPeer {
  let call = 0;
  const next = () => faults[call++ % faults.length];
  const shuffled = (messages: SealedMessage[]) => [...messages].reverse();
  return {
    merkle: () => peer.merkle(),
    erase: (messages) => peer.erase(messages),
    async pull(after, limit) {
      const fault = next();
      if (fault === 'drop') throw new Error('network: request dropped');
      const page = await peer.pull(after, limit);
      if (fault === 'lose-reply') throw new Error('network: reply lost');
      if (fault === 'shuffle') return { ...page, messages: shuffled(page.messages) };
      if (fault === 'repeat') return { ...page, messages: [...page.messages, ...page.messages] };
      return page;
    },
    async push(messages) {
      const fault = next();
      if (fault === 'drop') throw new Error('network: request dropped');
      const sent = fault === 'shuffle' ? shuffled(messages) : messages;
      const reply = await peer.push(sent);
      if (fault === 'repeat') await peer.push(sent);
      if (fault === 'lose-reply') throw new Error('network: reply lost');
      return reply;
    },
  };
}

/** Timestamps of every non-blank long text typed, to check none vanished. */
type Typed = string[];

function remember(typed: Typed, messages: readonly { timestamp: string; value: unknown }[], long: boolean): void {
  if (!long) return;
  for (const { timestamp, value } of messages)
    if (typeof value === 'string' && value.trim() !== '') typed.push(timestamp);
}

function run(replicas: TestReplica[], step: Step, typed: Typed): Promise<unknown> | void {
  switch (step.kind) {
    case 'edit': {
      const { table, column, long } = fields[step.field];
      const written = replicas[step.replica].writePath.write([
        { table, row: rows[step.row], values: { [column]: step.text } },
      ]);
      remember(typed, written, long);
      return;
    }
    case 'delete': {
      const { table } = fields[step.field];
      replicas[step.replica].writePath.write([{ table, row: rows[step.row], values: { tombstone: 1 } }]);
      return;
    }
    case 'erase':
      replicas[step.replica].writePath.write([{ table: 'voice_notes', row: rows[step.row], values: { text: null } }]);
      return;
    case 'concurrent': {
      const { table, column } = fields[step.field];
      step.replicas.forEach((index, i) => {
        const written = replicas[index].writePath.write([
          { table, row: rows[step.row], values: { [column]: step.texts[i] } },
        ]);
        remember(typed, written, true);
      });
      return;
    }
    case 'tick':
      replicas[step.replica].clock.now = Math.max(base - 86_400_000, replicas[step.replica].clock.now + step.ms);
      return;
    case 'sync':
      if (step.from === step.to) return;
      return syncWith(replicas[step.to].replica, faultyPeer(replicas[step.from].replica.asPeer(), step.faults), {
        pageSize: step.pageSize,
      }).catch((error: unknown) => {
        // A cut connection is expected here; anything else is a bug.
        if (!(error instanceof Error) || !error.message.startsWith('network:')) throw error;
      });
    case 'bundle': {
      if (step.from === step.to) return;
      const node = (step.from + 1).toString(16).padStart(16, 'a');
      const bundle = exportBundle(replicas[step.from].replica, node, { everything: step.everything });
      const first = importBundle(replicas[step.to].replica, bundle.bytes);
      if (step.twice) expect(importBundle(replicas[step.to].replica, bundle.bytes).added).toBe(0);
      expect(first.added).toBeLessThanOrEqual(bundle.messages);
      return;
    }
  }
}

async function settle(replicas: TestReplica[]): Promise<void> {
  // Retries over a sound network: everyone with the first replica, twice round.
  for (let round = 0; round < 2; round++) {
    for (let i = 1; i < replicas.length; i++) {
      const report = await syncWith(replicas[i].replica, replicas[0].replica.asPeer(), { pageSize: 7 });
      expect(report.inSync || report.rounds === 4).toBe(true);
    }
  }
}

/** Real files, in memory-backed /dev/shm where there is one: thousands of databases are created. */
function scratchFolder(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'cg-converge-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('sync convergence (property)', () => {
  it('leaves every replica with the same data and merkle trie, whatever the network did', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ count, steps }) => {
        const temp = scratchFolder();
        const replicas = Array.from({ length: count }, (_, i) => openReplica(temp.dir, i + 1, base + i * 1_000));
        try {
          const typed: Typed = [];
          for (const step of steps) await run(replicas, step, typed);
          await settle(replicas);
          const expected = syncedState(replicas[0].db);
          const root = replicas[0].replica.merkle()[''] ?? 0;
          for (const { db, replica } of replicas.slice(1)) {
            expect(replica.merkle()[''] ?? 0).toBe(root);
            expect(syncedState(db)).toEqual(expected);
          }
          // Nothing typed vanished: each long text is its field's value, a conflict copy, or was typed
          // over by someone who saw it.
          const { db } = replicas[0];
          const version = db.prepare('SELECT tbl, row_id, col FROM change_log WHERE timestamp = ?');
          const isCopy = db.prepare('SELECT 1 FROM conflict_copies WHERE timestamp = ?').pluck();
          const typedOver = db.prepare('SELECT 1 FROM change_log WHERE base = ?').pluck();
          const erasedLater = db
            .prepare(
              `SELECT 1 FROM change_log WHERE tbl = ? AND row_id = ? AND col = ? AND timestamp > ? AND value IS NULL`,
            )
            .pluck();
          for (const timestamp of typed) {
            const { tbl, row_id, col } = version.get(timestamp) as { tbl: string; row_id: string; col: string };
            const clock = parseRowClock(
              db.prepare(`SELECT _clock FROM ${tbl} WHERE id = ?`).pluck().get(row_id) as string,
            );
            // Erased words are gone from every log, not only from the row; nothing else may vanish.
            if (tbl === 'voice_notes' && erasedLater.get(tbl, row_id, col, timestamp) === 1) {
              for (const replica of replicas) {
                const value = replica.db.prepare('SELECT value FROM change_log WHERE timestamp = ?').pluck();
                expect(value.get(timestamp), `erased words ${timestamp} kept`).toBeNull();
              }
              continue;
            }
            const kept = clock[col] === timestamp || isCopy.get(timestamp) === 1 || typedOver.get(timestamp) === 1;
            expect(kept, `long text ${timestamp} vanished`).toBe(true);
          }
        } finally {
          for (const { db } of replicas) db.close();
          temp.cleanup();
        }
      }),
      { numRuns: runs },
    );
  }, 600_000);
});
