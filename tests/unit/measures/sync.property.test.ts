import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';
import { seedIndicator } from './measures-fixture';

const initiativeId = '01a20958-f994-7589-b2d8-4c08e329c448';
const nodes = ['00000000000000a1', '00000000000000b2', '00000000000000c3'];
const base = Date.parse('2026-11-23T09:00:00.000Z');

function logOf(store: InitiativeStore): ChangeMessage[] {
  return store.db
    .prepare('SELECT timestamp, tbl AS "table", row_id AS row, col AS column, value, base FROM change_log')
    .all() as ChangeMessage[];
}

const cellArb = fc.record({
  period: fc.constantFrom('2023/24', '2024/25'),
  /** Index into [total, low, high, north, low+north]. */
  combination: fc.integer({ min: 0, max: 4 }),
  value: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null)),
  count: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(null)),
});

describe('readings entered on several devices', () => {
  it('converge to the same cells on every device, one row per cell, whatever each typed and however logs arrive', () => {
    const scenario = fc.tuple(
      fc.array(fc.array(cellArb, { maxLength: 8 }), { minLength: 2, maxLength: 3 }),
      fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 3, maxLength: 3 }),
      fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    );
    fc.assert(
      fc.property(scenario, ([typedPerDevice, skews, seeds]) => {
        const temp = makeTempDir('common-ground-measures-sync-');
        const devices = typedPerDevice.map((_, i) =>
          InitiativeStore.open(initiativeId, join(temp.dir, `${i}.sqlite`), nodes[i], {
            create: true,
            now: () => base + skews[i],
          }),
        );
        try {
          // The first device defines the indicator; the others start from its log, as after a first sync.
          devices[0].initiative.save({ name: 'Eastside' });
          const seeded = seedIndicator(devices[0]);
          for (const device of devices.slice(1)) device.writePath.receive(logOf(devices[0]));
          const combinations = [[], [seeded.low], [seeded.high], [seeded.north], [seeded.low, seeded.north]];
          typedPerDevice.forEach((typed, i) => {
            for (const cell of typed) {
              devices[i].measures.readings.save(seeded.indicator.id, [
                {
                  period: cell.period,
                  categoryIds: combinations[cell.combination],
                  value: cell.value,
                  count: cell.count,
                },
              ]);
            }
          });
          const everything = devices.flatMap(logOf);
          devices.forEach((device, i) => {
            const offset = seeds[i] % everything.length || 0;
            device.writePath.receive([...everything.slice(offset), ...everything.slice(0, offset)]);
          });
          const states = devices.map((device) => ({
            readings: device.measures.readings.list(seeded.indicator.id),
            rows: device.db.prepare('SELECT * FROM readings ORDER BY id').all(),
          }));
          for (const state of states.slice(1)) expect(state).toEqual(states[0]);
          // One row per cell anyone typed, never two for the same cell.
          const typedCells = typedPerDevice.flat().filter((cell) => cell.value !== null);
          const cells = new Set(typedCells.map((cell) => `${cell.period}/${cell.combination}`));
          expect(states[0].rows).toHaveLength(cells.size);
        } finally {
          for (const device of devices) device.close();
          temp.cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});
