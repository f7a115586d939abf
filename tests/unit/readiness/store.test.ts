import { afterEach, describe, expect, it } from 'vitest';
import { builtinBenchmarks, builtinInstruments, selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import { localTimestamp } from '../../../src-main/store/rows';
import { openReadinessWorld } from './readiness-fixture';

let world: ReturnType<typeof openReadinessWorld>;
afterEach(() => world.close());

const firstItem = builtinInstruments[1].sections[0].items[0];

describe('instruments', () => {
  it('lists the two built-in instruments in every language without writing anything', () => {
    world = openReadinessWorld();
    const before = world.store.db.prepare('SELECT count(*) FROM change_log').pluck().get();
    const instruments = world.store.readiness.instruments.list();
    expect(instruments.map((one) => one.builtinName?.en)).toEqual([
      'Readiness check',
      'Self-assessment of the five conditions',
    ]);
    expect(instruments[0].sections).toHaveLength(3);
    expect(instruments[1].sections).toHaveLength(5);
    for (const instrument of instruments)
      for (const section of instrument.sections)
        for (const item of section.items)
          for (const text of Object.values(item.builtinText ?? {})) expect(text.trim()).not.toBe('');
    expect(world.store.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(before);
  });

  it('keeps an edited built-in item under its own id, as typed, after a restart', () => {
    world = openReadinessWorld();
    world.store.readiness.instruments.updateItem(firstItem.id, 'Partners name the same problem.');
    const item = world.reopen().readiness.instruments.get(selfAssessmentId).sections[0].items[0];
    expect(item).toMatchObject({ id: firstItem.id, text: 'Partners name the same problem.' });
    expect(item.builtinText?.fr).toBe(firstItem.text.fr);
  });

  it('saves a new instrument with its sections and items', () => {
    world = openReadinessWorld();
    const made = world.store.readiness.instruments.create({
      name: 'Trust check',
      sections: [{ title: 'Trust', items: ['People speak openly.', 'Disagreement is safe.'] }],
    });
    const again = world.reopen().readiness.instruments.get(made.id);
    expect(again.sections[0].items.map((item) => item.text)).toEqual(['People speak openly.', 'Disagreement is safe.']);
    expect(again.builtIn).toBe(false);
  });
});

describe('rating sheets', () => {
  it('keep sector, lived experience and answers, and refuse an item the instrument does not have', () => {
    world = openReadinessWorld();
    const { rounds } = world.store.readiness;
    const round = rounds.create({ instrumentId: selfAssessmentId, title: 'Spring', heldOn: '2026-03-10' });
    rounds.saveSheet(round.id, {
      sector: 'community',
      livedExperience: true,
      answers: { [firstItem.id]: { level: 2, importance: 5 } },
    });
    const [sheet] = world.reopen().readiness.rounds.sheets(round.id);
    expect(sheet).toMatchObject({
      sector: 'community',
      livedExperience: true,
      answers: { [firstItem.id]: { level: 2, importance: 5 } },
    });
    expect(() =>
      world.store.readiness.rounds.saveSheet(round.id, {
        sector: 'health',
        livedExperience: false,
        answers: { [builtinInstruments[0].sections[0].items[0].id]: { level: 2 } },
      }),
    ).toThrow(/does not have/);
  });
});

describe('phases', () => {
  it('records each phase change in the history, from the tracker or from the initiative’s own field', () => {
    world = openReadinessWorld();
    // Same day as the first step: the history keeps the order the steps were taken in.
    const today = localTimestamp().slice(0, 10);
    world.store.readiness.phases.move('initiate_action', today, 'Committee formed');
    world.store.initiative.save({ phase: 'organise_for_impact' });
    world.store.initiative.save({ name: 'Eastside' });
    const tracker = world.reopen().readiness.phases.tracker();
    expect(tracker.phase).toBe('organise_for_impact');
    expect(tracker.history.map((step) => step.phase)).toEqual([
      'assess_readiness',
      'initiate_action',
      'organise_for_impact',
    ]);
    expect(tracker.history[1]).toMatchObject({ enteredOn: today, note: 'Committee formed' });
  });

  it('marks a benchmark met with a dated link to its evidence, read by its current title', () => {
    world = openReadinessWorld();
    const indicator = world.store.measures.indicators.create({ name: 'Kindergarten readiness' });
    const benchmark = builtinBenchmarks[0];
    world.store.readiness.phases.mark(benchmark.id, {
      met: true,
      metOn: '2026-02-01',
      evidenceKind: 'indicator',
      evidenceId: indicator.id,
    });
    world.store.measures.indicators.update(indicator.id, { name: 'Ready for kindergarten' });
    const marked = world.store.readiness.phases.tracker().benchmarks.find((one) => one.id === benchmark.id);
    expect(marked).toMatchObject({
      met: true,
      metOn: '2026-02-01',
      evidenceKind: 'indicator',
      evidenceId: indicator.id,
      evidenceText: 'Ready for kindergarten',
    });
    expect(() =>
      world.store.readiness.phases.mark(benchmark.id, {
        met: true,
        metOn: '2026-02-01',
        evidenceKind: 'decision',
        evidenceId: indicator.id,
      }),
    ).toThrow(/not in this initiative/);
  });
});

describe('after-action reviews', () => {
  it('keep one review per session, each question saved on its own, after a restart', () => {
    world = openReadinessWorld();
    const session = world.store.sessions.create({ kind: 'roundtable', title: 'March roundtable' });
    world.store.readiness.reviews.save(session.id, { planned: 'Agree the agenda' });
    world.store.readiness.reviews.save(session.id, { happened: 'We ran out of time' });
    const review = world.reopen().readiness.reviews.get(session.id);
    expect(review).toMatchObject({ planned: 'Agree the agenda', happened: 'We ran out of time', whyDifferent: '' });
    expect(world.store.db.prepare('SELECT count(*) FROM after_action_reviews').pluck().get()).toBe(1);
  });
});

describe('stories of most significant change', () => {
  it('are kept with the teller’s consent and the rounds that chose them, with reasons', () => {
    world = openReadinessWorld();
    const { stories } = world.store.readiness;
    const story = stories.add({
      title: 'The bus stop meeting',
      story: 'Parents started walking children to school together.',
      consent: 'anonymous',
      collectedOn: '2026-03-01',
    });
    stories.choose({
      storyId: story.id,
      roundTitle: 'Working group',
      reason: 'Residents led it.',
      chosenOn: '2026-03-05',
    });
    stories.choose({
      storyId: story.id,
      roundTitle: 'Steering committee',
      reason: 'It changed a school.',
      chosenOn: '2026-04-10',
    });
    const [kept] = world.reopen().readiness.stories.list();
    expect(kept).toMatchObject({ consent: 'anonymous', title: 'The bus stop meeting' });
    expect(kept.choices.map((choice) => [choice.roundTitle, choice.reason])).toEqual([
      ['Working group', 'Residents led it.'],
      ['Steering committee', 'It changed a school.'],
    ]);
    expect(() =>
      world.store.readiness.stories.add({ title: 't', story: 's', collectedOn: '2026-03-01' } as never),
    ).toThrow();
  });
});
