import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';

const initiativeId = '01a20958-f994-7589-b2d8-4c08e329c450';
const benchmarkId = '01a20958-f994-7589-b2d8-4c08e329c451';

function logOf(store: InitiativeStore): ChangeMessage[] {
  return store.db
    .prepare('SELECT timestamp, tbl AS "table", row_id AS row, col AS column, value, base FROM change_log')
    .all() as ChangeMessage[];
}

describe('benchmarks of our own', () => {
  it('are added to a phase, marked met with evidence like a built-in one, and reach another device', () => {
    const temp = makeTempDir('common-ground-custom-benchmarks-');
    const [first, second] = ['00000000000000a1', '00000000000000b2'].map((node, i) =>
      InitiativeStore.open(initiativeId, join(temp.dir, `${i}.sqlite`), node, { create: true }),
    );
    try {
      first.initiative.save({ name: 'Eastside' });
      const words = 'A resident co-chairs the steering committee.';
      const added = first.readiness.phases.addBenchmark('initiate_action', words, benchmarkId);
      const builtins = added.benchmarks.filter((one) => one.phase === 'initiate_action');
      expect(builtins.map((one) => one.text.en).at(-1)).toBe(words);
      expect(builtins.at(-1)?.text).toEqual({ en: words, es: words, fr: words, ar: words });
      // The same request again (a retry) adds nothing.
      expect(first.readiness.phases.addBenchmark('initiate_action', words, benchmarkId).benchmarks).toEqual(
        added.benchmarks,
      );
      first.readiness.phases.mark(benchmarkId, {
        met: true,
        metOn: '2026-04-02',
        evidenceKind: 'note',
        evidenceText: 'Elected at the April meeting',
      });
      second.writePath.receive(logOf(first));
      const there = second.readiness.phases.tracker().benchmarks.find((one) => one.id === benchmarkId);
      expect(there).toMatchObject({
        phase: 'initiate_action',
        met: true,
        evidenceText: 'Elected at the April meeting',
      });
      expect(second.readiness.phases.tracker()).toEqual(first.readiness.phases.tracker());
    } finally {
      first.close();
      second.close();
      temp.cleanup();
    }
  });

  it('refuses to mark a benchmark nobody added', () => {
    const temp = makeTempDir('common-ground-custom-benchmarks-');
    const store = InitiativeStore.open(initiativeId, join(temp.dir, 'one.sqlite'), '00000000000000a1', {
      create: true,
    });
    try {
      expect(() =>
        store.readiness.phases.mark(benchmarkId, {
          met: true,
          metOn: '2026-04-02',
          evidenceKind: 'note',
          evidenceText: 'x',
        }),
      ).toThrow(/No benchmark/);
    } finally {
      store.close();
      temp.cleanup();
    }
  });
});
