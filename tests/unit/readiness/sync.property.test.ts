import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InitiativeStore } from '../../../src-main/store/initiative-store';
import { builtinBenchmarks, builtinInstruments, selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import type { ChangeMessage } from '../../../src-main/sync/messages';
import { makeTempDir } from '../../fixtures/temp-dir';

const initiativeId = '01a20958-f994-7589-b2d8-4c08e329c448';
const nodes = ['00000000000000a1', '00000000000000b2', '00000000000000c3'];
const base = Date.parse('2026-11-23T09:00:00.000Z');
const items = builtinInstruments[1].sections.flatMap((section) => section.items.map((item) => item.id));
const roundId = '01a20958-f994-7589-b2d8-4c08e329c449';

function logOf(store: InitiativeStore): ChangeMessage[] {
  return store.db
    .prepare('SELECT timestamp, tbl AS "table", row_id AS row, col AS column, value, base FROM change_log')
    .all() as ChangeMessage[];
}

const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    item: fc.nat(items.length - 1),
    words: fc.constantFrom('A', 'B', 'C'),
  }),
  fc.record({ kind: fc.constant('remove' as const), item: fc.nat(items.length - 1) }),
  fc.record({
    kind: fc.constant('sheet' as const),
    level: fc.integer({ min: 1, max: 4 }),
    lived: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('mark' as const), benchmark: fc.nat(builtinBenchmarks.length - 1), met: fc.boolean() }),
  fc.record({ kind: fc.constant('review' as const), words: fc.constantFrom('On time', 'Ran late', 'Moved the venue') }),
  fc.record({ kind: fc.constant('story' as const), consent: fc.constantFrom('named' as const, 'internal' as const) }),
);
const sessionId = '01a20958-f994-7589-b2d8-4c08e329c44a';

describe('readiness on several devices', () => {
  it('converges to the same instruments, sheets, benchmarks, reviews and stories, with no built-in seeded twice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(stepArb, { maxLength: 6 }), { minLength: 2, maxLength: 3 }),
        fc.array(fc.integer({ min: -3_600_000, max: 3_600_000 }), { minLength: 3, maxLength: 3 }),
        (stepsPerDevice, skews) => {
          const temp = makeTempDir('common-ground-readiness-sync-');
          const devices = stepsPerDevice.map((_, i) =>
            InitiativeStore.open(initiativeId, join(temp.dir, `${i}.sqlite`), nodes[i], {
              create: true,
              now: () => base + skews[i],
            }),
          );
          try {
            devices[0].initiative.save({ name: 'Eastside' });
            devices[0].readiness.rounds.create(
              { instrumentId: selfAssessmentId, title: 'Spring', heldOn: '2026-03-10' },
              roundId,
            );
            devices[0].sessions.create({ kind: 'roundtable', title: 'March roundtable' }, sessionId);
            for (const device of devices.slice(1)) device.writePath.receive(logOf(devices[0]));
            stepsPerDevice.forEach((steps, i) => {
              const readiness = devices[i].readiness;
              for (const step of steps) {
                try {
                  if (step.kind === 'edit') readiness.instruments.updateItem(items[step.item], step.words);
                  if (step.kind === 'remove') readiness.instruments.removeItem(items[step.item]);
                  if (step.kind === 'sheet')
                    readiness.rounds.saveSheet(roundId, {
                      sector: 'health',
                      livedExperience: step.lived,
                      answers: { [items[0]]: { level: step.level, importance: 4 } },
                    });
                  if (step.kind === 'mark')
                    readiness.phases.mark(
                      builtinBenchmarks[step.benchmark].id,
                      step.met
                        ? { met: true, metOn: '2026-05-01', evidenceKind: 'note', evidenceText: 'Minutes' }
                        : { met: false },
                    );
                  if (step.kind === 'review') readiness.reviews.save(sessionId, { happened: step.words });
                  if (step.kind === 'story') {
                    const story = readiness.stories.add({
                      title: 'Bus stop',
                      story: 'Parents walk together.',
                      consent: step.consent,
                      collectedOn: '2026-03-01',
                    });
                    readiness.stories.choose({
                      storyId: story.id,
                      roundTitle: 'April',
                      reason: 'Residents led',
                      chosenOn: '2026-04-01',
                    });
                  }
                } catch {
                  // An item already removed on this device cannot be edited here: a person would not see it.
                }
              }
            });
            const everything = devices.flatMap(logOf);
            for (const device of devices) device.writePath.receive(everything);
            const states = devices.map((device) => ({
              instruments: device.readiness.instruments.list(),
              sheets: device.readiness.rounds.sheets(roundId),
              tracker: device.readiness.phases.tracker(),
              review: device.readiness.reviews.get(sessionId),
              stories: device.readiness.stories.list(),
              itemRows: device.db.prepare('SELECT * FROM readiness_items ORDER BY id').all(),
            }));
            for (const state of states.slice(1)) expect(state).toEqual(states[0]);
            const listed = states[0].instruments.flatMap((one) =>
              one.sections.flatMap((s) => s.items.map((i) => i.id)),
            );
            expect(new Set(listed).size).toBe(listed.length);
          } finally {
            for (const device of devices) device.close();
            temp.cleanup();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps a built-in item removed on one device when another, not yet told, edits its words', () => {
    const temp = makeTempDir('common-ground-readiness-sync-');
    const [first, second] = nodes.slice(0, 2).map((node, i) =>
      InitiativeStore.open(initiativeId, join(temp.dir, `${i}.sqlite`), node, {
        create: true,
        now: () => base + i * 1000,
      }),
    );
    try {
      first.initiative.save({ name: 'Eastside' });
      second.writePath.receive(logOf(first));
      first.readiness.instruments.removeItem(items[1]);
      // The edit is stamped later than the removal, so it wins its own field, but not the tombstone.
      second.readiness.instruments.updateItem(items[1], 'Everyone can say the goal in one sentence.');
      first.writePath.receive(logOf(second));
      second.writePath.receive(logOf(first));
      for (const device of [first, second]) {
        const listed = device.readiness.instruments.get(selfAssessmentId).sections[0].items.map((item) => item.id);
        expect(listed).not.toContain(items[1]);
      }
    } finally {
      first.close();
      second.close();
      temp.cleanup();
    }
  });
});
