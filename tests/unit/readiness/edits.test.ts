import { afterEach, describe, expect, it } from 'vitest';
import { builtinInstruments, selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import { openReadinessWorld } from './readiness-fixture';

let world: ReturnType<typeof openReadinessWorld>;
afterEach(() => world.close());

const item = builtinInstruments[1].sections[0].items[0];

function roundWithSheets(count: number) {
  const { rounds } = world.store.readiness;
  const round = rounds.create({ instrumentId: selfAssessmentId, title: 'Spring check', heldOn: '2026-03-10' });
  const sheets = Array.from({ length: count }, () =>
    rounds.saveSheet(round.id, { sector: 'health', livedExperience: false, answers: { [item.id]: { level: 2 } } }),
  );
  return { round, sheets };
}

describe('removing a round or a sheet', () => {
  it('takes a sheet off the round and Undo puts it back, after a restart too', () => {
    world = openReadinessWorld();
    const { round, sheets } = roundWithSheets(2);
    world.store.readiness.rounds.removeSheet(sheets[1].id);
    expect(world.store.readiness.rounds.sheets(round.id).map((sheet) => sheet.id)).toEqual([sheets[0].id]);
    const restored = world.reopen().readiness.rounds.restoreSheet(sheets[1].id);
    expect(restored).toEqual(sheets[1]);
    expect(world.store.readiness.rounds.get(round.id).sheets).toBe(2);
  });

  it('takes a round off the list with its sheets, and Undo brings both back', () => {
    world = openReadinessWorld();
    const { round } = roundWithSheets(3);
    world.store.readiness.rounds.removeRound(round.id);
    expect(world.store.readiness.rounds.list()).toEqual([]);
    expect(() => world.store.readiness.rounds.sheets(round.id)).toThrow(/No round/);
    // A removal is a change message like any other, so it syncs.
    const tombstones = world.store.db
      .prepare("SELECT count(*) FROM change_log WHERE tbl = 'readiness_rounds' AND col = 'tombstone'")
      .pluck()
      .get();
    expect(tombstones).toBeGreaterThan(1);
    expect(world.store.readiness.rounds.restoreRound(round.id)).toMatchObject({ id: round.id, sheets: 3 });
  });

  it('will not restore a sheet into a removed round, nor restore what never existed', () => {
    world = openReadinessWorld();
    const { round, sheets } = roundWithSheets(1);
    world.store.readiness.rounds.removeSheet(sheets[0].id);
    world.store.readiness.rounds.removeRound(round.id);
    expect(() => world.store.readiness.rounds.restoreSheet(sheets[0].id)).toThrow(/No round/);
    expect(() => world.store.readiness.rounds.restoreRound('01938c6e-0000-7000-8000-000000000000')).toThrow(/No round/);
  });
});

describe('changing and removing stories and collaborations', () => {
  it('changes a story’s consent and words, and a removed story comes back with Undo', () => {
    world = openReadinessWorld();
    const { stories } = world.store.readiness;
    const story = stories.add({
      title: 'Walking bus',
      story: 'Parents walk the children together.',
      consent: 'named',
      collectedOn: '2026-03-01',
    });
    const changed = stories.update(story.id, { consent: 'internal', story: 'Parents walk the children to school.' });
    expect(changed).toMatchObject({
      consent: 'internal',
      story: 'Parents walk the children to school.',
      title: 'Walking bus',
    });
    expect(() => stories.update(story.id, {})).toThrow();
    stories.remove(story.id);
    expect(stories.list()).toEqual([]);
    expect(world.reopen().readiness.stories.restore(story.id)).toEqual(changed);
  });

  it('brings a removed collaboration back with Undo, and edits one', () => {
    world = openReadinessWorld();
    const { tables } = world.store.readiness;
    const table = tables.create({ name: 'Healthy Northside', goal: 'Healthier children' });
    tables.remove(table.id);
    expect(tables.list()).toEqual([]);
    expect(tables.restore(table.id)).toEqual(table);
    const changed = tables.update(table.id, { goal: 'Every child healthy by ten', convener: 'County health' });
    expect(changed).toEqual({ ...table, goal: 'Every child healthy by ten', convener: 'County health' });
    expect(() => tables.update(table.id, { name: '  ' })).toThrow();
  });
});
