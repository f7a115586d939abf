import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../fixtures/temp-dir';
import { killRound, prepare, seeded } from './harness';

/** A few kills in npm test; `npm run test:soak` runs a hundred (CRASH_KILLS). */
const kills = Number(process.env.CRASH_KILLS ?? 5);
const seed = Number(process.env.CRASH_SEED ?? 20261123);

const temp = makeTempDir('common-ground-kill-');
afterAll(() => temp.cleanup());

describe('the host killed with SIGKILL during bursts of writes and imports', () => {
  it(
    `keeps every acknowledged write, never half an import, and a sound file (${kills} kills, seed ${seed})`,
    async () => {
      const run = await prepare(temp.dir);
      const random = seeded(seed);
      for (let round = 0; round < kills; round++) await killRound(run, round, random);
      const { partners, imports, importsSent, notes } = run.acknowledged;
      const lost = [...importsSent.keys()].filter((label) => !imports.has(label)).length;
      console.log(
        `${kills} kills: ${partners.size} partners, ${imports.size} imports and ${notes.length} keystrokes acknowledged; ` +
          `${lost} imports cut off by a kill`,
      );
      // The harness must have done real work for its checks to mean anything.
      expect(imports.size).toBeGreaterThan(0);
      expect(partners.size).toBeGreaterThan(kills);
    },
    60_000 + kills * 20_000,
  );
});
