import type { Channel } from '../../../src-main/contract/channels';
import { builtinBenchmarks, builtinInstruments, selfAssessmentId } from '../../../src-main/store/readiness-builtins';
import type { ContractFixture } from './contract-fixture';

/** The channels of readiness, phases and learning. */
export type ReadinessChannel = Extract<Channel, `readiness.${string}`>;

export function isReadinessChannel(channel: Channel): channel is ReadinessChannel {
  return channel.startsWith('readiness.');
}

export interface ReadinessIds {
  initiativeId: string;
  indicatorId: string;
  roundId: string;
  sheetId: string;
  itemId: string;
  sectionId: string;
  customItemId: string;
  benchmarkId: string;
  sessionId: string;
  partnerId: string;
  collaborationId: string;
  storyId: string;
}

const selfAssessment = builtinInstruments[1];

/** A round of the self-assessment with one sheet, and an item added by hand, made through the channels. */
/** `partnerId`: a partner the core seed already made (the dispatch suite counts the partners it made). */
export function seedReadiness(
  fixture: ContractFixture,
  initiativeId: string,
  indicatorId: string,
  partnerId: string,
): ReadinessIds {
  const itemId = selfAssessment.sections[0].items[0].id;
  const sectionId = selfAssessment.sections[0].id;
  const roundId = fixture.ok('readiness.rounds.create', {
    initiativeId,
    round: { instrumentId: selfAssessmentId, title: 'Spring check', heldOn: '2026-03-10' },
  }).id;
  const sheetId = fixture.ok('readiness.sheets.save', {
    initiativeId,
    roundId,
    sheet: { sector: 'health', livedExperience: false, answers: { [itemId]: { level: 2, importance: 5 } } },
  }).id;
  const added = fixture.ok('readiness.items.add', {
    initiativeId,
    sectionId,
    text: 'We meet in places residents reach.',
  });
  const customItemId = added.sections[0].items[added.sections[0].items.length - 1].id;
  const sessionId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'March roundtable', startsAt: '2026-03-10T18:00' },
  }).id;
  fixture.ok('readiness.reviews.save', { initiativeId, sessionId, patch: { planned: 'Agree the agenda' } });
  const collaborationId = fixture.ok('readiness.tables.create', {
    initiativeId,
    collaboration: {
      name: 'Healthy Northside',
      goal: 'Healthier children in every neighbourhood',
      partnerIds: [partnerId],
    },
  }).id;
  const storyId = fixture.ok('readiness.stories.add', {
    initiativeId,
    story: {
      title: 'The bus stop meeting',
      story: 'Parents started walking children to school together.',
      consent: 'anonymous',
      collectedOn: '2026-03-01',
    },
  }).id;
  return {
    initiativeId,
    storyId,
    sessionId,
    partnerId,
    collaborationId,
    indicatorId,
    roundId,
    sheetId,
    itemId,
    sectionId,
    customItemId,
    benchmarkId: builtinBenchmarks[0].id,
  };
}

export function readinessValidInput(channel: ReadinessChannel, ids: ReadinessIds): Record<string, unknown> {
  const { initiativeId, roundId, sheetId, itemId, sectionId, customItemId, benchmarkId, indicatorId } = ids;
  switch (channel) {
    case 'readiness.instruments.list':
    case 'readiness.rounds.list':
    case 'readiness.phases.get':
    case 'readiness.evidence.choices':
      return { initiativeId };
    case 'readiness.instruments.create':
      return {
        initiativeId,
        instrument: { name: 'Trust check', sections: [{ title: 'Trust', items: ['People speak openly.'] }] },
      };
    case 'readiness.items.update':
      return { initiativeId, itemId, text: 'Partners agree on what the problem is.' };
    case 'readiness.items.add':
      return { initiativeId, sectionId, text: 'Residents helped define the problem.' };
    case 'readiness.items.delete':
      return { initiativeId, itemId: customItemId };
    case 'readiness.rounds.create':
      return { initiativeId, round: { instrumentId: selfAssessment.id, title: 'Autumn check', heldOn: '2026-10-01' } };
    case 'readiness.sheets.list':
    case 'readiness.results':
      return { initiativeId, roundId };
    case 'readiness.sheets.save':
      return {
        initiativeId,
        roundId,
        sheet: { sector: 'community', livedExperience: true, answers: { [itemId]: { level: 1, importance: 4 } } },
      };
    case 'readiness.sheets.delete':
      return { initiativeId, sheetId };
    case 'readiness.phases.move':
      return { initiativeId, phase: 'initiate_action', enteredOn: '2026-04-01', note: 'Steering committee formed.' };
    case 'readiness.report':
      return { initiativeId, roundId, format: 'docx', locale: 'fr' };
    case 'readiness.stories.list':
      return { initiativeId };
    case 'readiness.stories.add':
      return {
        initiativeId,
        story: {
          title: 'A new reading club',
          story: 'Teenagers now read to toddlers.',
          consent: 'named',
          collectedOn: '2026-04-02',
        },
      };
    case 'readiness.stories.choose':
      return {
        initiativeId,
        choice: {
          storyId: ids.storyId,
          roundTitle: 'Steering committee, April',
          reason: 'It shows residents leading.',
          chosenOn: '2026-04-10',
        },
      };
    case 'readiness.tables.list':
    case 'readiness.tables.report':
      return { initiativeId };
    case 'readiness.tables.create':
      return {
        initiativeId,
        collaboration: {
          name: 'Ready by Five',
          goal: 'Every child ready for kindergarten',
          convener: 'United Way',
          partnerIds: [ids.partnerId],
        },
      };
    case 'readiness.tables.delete':
      return { initiativeId, collaborationId: ids.collaborationId };
    case 'readiness.reviews.get':
      return { initiativeId, sessionId: ids.sessionId };
    case 'readiness.reviews.save':
      return { initiativeId, sessionId: ids.sessionId, patch: { happened: 'We ran out of time on item three.' } };
    case 'readiness.rounds.delete':
    case 'readiness.rounds.restore':
      return { initiativeId, roundId: ids.roundId };
    case 'readiness.sheets.restore':
      return { initiativeId, sheetId: ids.sheetId };
    case 'readiness.stories.update':
      return { initiativeId, storyId: ids.storyId, patch: { consent: 'internal' } };
    case 'readiness.stories.delete':
    case 'readiness.stories.restore':
      return { initiativeId, storyId: ids.storyId };
    case 'readiness.benchmarks.add':
      return { initiativeId, phase: 'initiate_action', text: 'A resident co-chairs the steering committee.' };
    case 'readiness.tables.update':
      return { initiativeId, collaborationId: ids.collaborationId, patch: { goal: 'Every child healthy by ten' } };
    case 'readiness.tables.restore':
      return { initiativeId, collaborationId: ids.collaborationId };
    case 'readiness.reviews.addAction':
      return { initiativeId, sessionId: ids.sessionId, action: { text: 'Send the agenda a week ahead' } };
    case 'readiness.benchmarks.mark':
      return {
        initiativeId,
        benchmarkId,
        mark: { met: true, metOn: '2026-03-01', evidenceKind: 'indicator', evidenceId: indicatorId },
      };
  }
}

export function readinessBadInputs(channel: ReadinessChannel, ids: ReadinessIds): [string, unknown][] {
  const valid = readinessValidInput(channel, ids);
  const common: [string, unknown][] = [
    ['an unknown extra field', { ...valid, unexpected: 1 }],
    ['initiativeId missing', { ...valid, initiativeId: undefined }],
    ['initiativeId not an id', { ...valid, initiativeId: '../../etc/passwd' }],
  ];
  const { initiativeId, roundId, itemId, benchmarkId } = ids;
  switch (channel) {
    case 'readiness.instruments.create':
      return [
        ...common,
        ['no sections', { initiativeId, instrument: { name: 'x', sections: [] } }],
        ['a section without items', { initiativeId, instrument: { name: 'x', sections: [{ title: 't', items: [] }] } }],
        [
          'unknown scale',
          { initiativeId, instrument: { name: 'x', scale: 'stars', sections: [{ title: 't', items: ['i'] }] } },
        ],
      ];
    case 'readiness.items.update':
      return [
        ...common,
        ['blank text', { initiativeId, itemId, text: '   ' }],
        ['item not an id', { initiativeId, itemId: 'a1', text: 'x' }],
      ];
    case 'readiness.rounds.create':
      return [
        ...common,
        [
          'date misspelt',
          { initiativeId, round: { instrumentId: selfAssessment.id, title: 'x', heldOn: '10/03/2026' } },
        ],
        ['no title', { initiativeId, round: { instrumentId: selfAssessment.id, heldOn: '2026-03-10' } }],
      ];
    case 'readiness.sheets.save': {
      const sheet = (answers: unknown, extra: Record<string, unknown> = {}) => ({
        initiativeId,
        roundId,
        sheet: { sector: 'health', livedExperience: false, answers, ...extra },
      });
      return [
        ...common,
        ['level 5 on a four-level scale', sheet({ [itemId]: { level: 5 } })],
        ['level 0', sheet({ [itemId]: { level: 0 } })],
        ['importance 6', sheet({ [itemId]: { level: 2, importance: 6 } })],
        ['level not whole', sheet({ [itemId]: { level: 2.5 } })],
        ['an item key not an id', sheet({ first: { level: 2 } })],
        ['a sector not on the list', sheet({}, { sector: 'aliens' })],
        ['a rater name', sheet({}, { name: 'Maria' })],
      ];
    }
    case 'readiness.phases.move':
      return [
        ...common,
        ['unknown phase', { ...valid, phase: 'celebrate' }],
        ['no date', { ...valid, enteredOn: undefined }],
      ];
    case 'readiness.benchmarks.mark':
      return [
        ...common,
        ['met without evidence', { initiativeId, benchmarkId, mark: { met: true, metOn: '2026-03-01' } }],
        [
          'met without a date',
          { initiativeId, benchmarkId, mark: { met: true, evidenceKind: 'note', evidenceText: 'x' } },
        ],
        [
          'a note with no words',
          { initiativeId, benchmarkId, mark: { met: true, metOn: '2026-03-01', evidenceKind: 'note' } },
        ],
        [
          'unknown evidence kind',
          { initiativeId, benchmarkId, mark: { met: true, metOn: '2026-03-01', evidenceKind: 'rumour' } },
        ],
      ];
    case 'readiness.report':
      return [
        ...common,
        ['unknown format', { ...valid, format: 'odt' }],
        ['unknown language', { ...valid, locale: 'de' }],
      ];
    default:
      return common;
  }
}
