import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../fixtures/temp-dir';
import { finalConvergence, killRound, prepare, seeded } from './harness';

/** A few kills in npm test; `npm run test:soak` runs a hundred (CRASH_KILLS). */
const kills = Number(process.env.CRASH_KILLS ?? 5);
const seed = Number(process.env.CRASH_SEED ?? 20261123);

const temp = makeTempDir('common-ground-kill-');
afterAll(() => temp.cleanup());

describe('the host killed with SIGKILL during bursts of writes, imports and syncs', () => {
  it(
    `keeps every acknowledged write, never half an import or bundle, a sound file, and converges after (${kills} kills, seed ${seed})`,
    async () => {
      const run = await prepare(temp.dir);
      try {
        const random = seeded(seed);
        for (let round = 0; round < kills; round++) await killRound(run, round, random);
        await finalConvergence(run, kills);
      } finally {
        await run.close();
      }
      const { partners, imports, importsSent, notes, bundles, bundlesSent, syncs } = run.acknowledged;
      const { syncsStarted, bundleMessages, remotePartners, convergences, pullsCut, pullsDone } = run.tally;
      const lost = [...importsSent.keys()].filter((label) => !imports.has(label)).length;
      const bundlesLost = [...bundlesSent.keys()].filter((label) => !bundles.has(label)).length;
      console.log(
        `${kills} kills: ${partners.size} partners, ${imports.size} imports and ${notes.length} keystrokes acknowledged; ` +
          `${lost} imports cut off by a kill; ${bundles.size} of ${bundlesSent.size} bundles acknowledged ` +
          `(${bundlesLost} cut off, ${bundleMessages} messages made); ${syncs} of ${syncsStarted} syncs answered ok; ` +
          `${remotePartners} partners synced in from the other replica, the pull cut between pages by ${pullsCut} kills ` +
          `and finished before ${pullsDone}; ${convergences} convergences after restart`,
      );
      // The harness must have done real work for its checks to mean anything.
      expect(imports.size).toBeGreaterThan(0);
      expect(partners.size).toBeGreaterThan(kills);
      expect(bundles.size).toBeGreaterThan(0);
      // Every round started a sync before its kill, so every kill lands during or after one.
      expect(syncsStarted).toBeGreaterThanOrEqual(kills);
      expect(convergences).toBe(kills);
    },
    60_000 + kills * 30_000,
  );
});
