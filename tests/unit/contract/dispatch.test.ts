import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, channels, type Channel } from '../../../src-main/contract/channels';
import { limits } from '../../../src-main/contract/models';
import { expectWellFormedResult, openContractFixture, type ContractFixture } from './contract-fixture';
import { seedAll, validInputFor, type SeededIds } from './core-cases';
import { isMeetingChannel, meetingBadInputs, type MeetingIds } from './meeting-cases';
import { hardeningBadInputs, isHardeningChannel, type HardeningIds } from './hardening-cases';
import { isSummaryChannel, summaryBadInputs, type SummaryIds } from './summary-cases';
import { isSyncChannel, syncBadInputs, type SyncIds } from './sync-cases';
import { voiceBadInputs, type VoiceIds } from './voice-cases';
import { isMeasuresChannel, measuresBadInputs } from './measures-cases';
import { dataItemBadInputs, isDataItemChannel } from './data-items-cases';
import { isRoomChannel, roomBadInputs } from './room-cases';
import { isReadinessChannel, readinessBadInputs } from './readiness-cases';

let fixture: ContractFixture;
let initiativeId: string;
let partnerId: string;
let deletedPartnerId: string;
let secondPartnerId: string;
let groupId: string;
let relationshipId: string;
let voice: VoiceIds;
let meeting: MeetingIds;
let hardening: HardeningIds;
let sync: SyncIds;
let summary: SummaryIds;
let seeded: SeededIds;

beforeEach(async () => {
  fixture = openContractFixture();
  seeded = await seedAll(fixture);
  ({ initiativeId, partnerId, deletedPartnerId, secondPartnerId, groupId, relationshipId } = seeded.core);
  ({ voice, meeting, hardening, sync, summary } = seeded);
});

afterEach(() => fixture.close());

const tooLongName = 'n'.repeat(limits.name + 1);
const tooLongText = 'p'.repeat(limits.longText + 1);
const notIds = [
  '',
  'abc',
  '123',
  'not-a-uuid',
  '../../etc/passwd',
  `${randomUUID()}x`,
  ` ${randomUUID()}`,
  randomUUID().replace(/-/g, ''),
];

/** Inputs every channel must refuse, whatever its schema: none of them is an object of the right shape. */
const notObjects: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'initiativeId'],
  ['an array', []],
  ['an array holding a valid input', [{ name: 'x' }]],
  ['a boolean', true],
];

/** Bad inputs per channel, built from real ids so only the bad part can be the reason for refusal. */
function badInputs(channel: Channel): [string, unknown][] {
  const strictExtra: [string, unknown][] = [['an unknown extra field', { ...validInput(channel), unexpected: 1 }]];
  const idCases = (field: 'initiativeId' | 'partnerId'): [string, unknown][] => [
    [`${field} missing`, omit(validInput(channel), field)],
    [`${field} a number`, { ...validInput(channel), [field]: 7 }],
    [`${field} null`, { ...validInput(channel), [field]: null }],
    ...notIds.map((id): [string, unknown] => [
      `${field} ${JSON.stringify(id).slice(0, 30)}`,
      { ...validInput(channel), [field]: id },
    ]),
  ];
  switch (channel) {
    case 'app.info':
    case 'initiatives.list':
    case 'initiatives.createSample':
      return [...strictExtra, ['an inherited-looking key', JSON.parse('{"__proto__": {"x": 1}}')]];
    case 'initiatives.create':
      return [
        ...strictExtra,
        ['no name', {}],
        ['name a number', { name: 5 }],
        ['name an array', { name: ['a'] }],
        ['empty name', { name: '' }],
        ['blank name', { name: '   \t' }],
        ['name over the limit', { name: tooLongName }],
        ['problem statement over the limit', { name: 'ok', problemStatement: tooLongText }],
        ['vision over the limit', { name: 'ok', vision: tooLongText }],
        ['population goal over the limit', { name: 'ok', populationGoal: tooLongText }],
        ['unknown phase', { name: 'ok', phase: 'finished' }],
        ['unknown locale', { name: 'ok', defaultLocale: 'de' }],
        ['caller-chosen id', { name: 'ok', id: randomUUID() }],
      ];
    case 'initiatives.get':
    case 'partners.list':
      return [...strictExtra, ...idCases('initiativeId')];
    case 'initiatives.update':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['no patch', { initiativeId }],
        ['patch null', { initiativeId, patch: null }],
        ['patch a string', { initiativeId, patch: 'name' }],
        ['patch with unknown field', { initiativeId, patch: { colour: 'red' } }],
        ['patch with id', { initiativeId, patch: { id: randomUUID() } }],
        ['empty name', { initiativeId, patch: { name: ' ' } }],
        ['name null', { initiativeId, patch: { name: null } }],
        ['name over the limit', { initiativeId, patch: { name: tooLongName } }],
        ['problem statement over the limit', { initiativeId, patch: { problemStatement: tooLongText } }],
        ['vision a number', { initiativeId, patch: { vision: 3 } }],
        ['unknown phase', { initiativeId, patch: { phase: 'done' } }],
      ];
    case 'partners.create':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['no partner', { initiativeId }],
        ['a new id that is not an id', { initiativeId, partner: { name: 'x' }, id: 'twice' }],
        ['partner without name', { initiativeId, partner: {} }],
        ['partner name over the limit', { initiativeId, partner: { name: tooLongName } }],
        ['unknown kind', { initiativeId, partner: { name: 'ok', kind: 'robot' } }],
        ['empty sector', { initiativeId, partner: { name: 'ok', sector: ' ' } }],
        ['sector over the limit', { initiativeId, partner: { name: 'ok', sector: 's'.repeat(limits.sector + 1) } }],
        ['partner with extra field', { initiativeId, partner: { name: 'ok', favourite: 'tea' } }],
        ['influence out of range', { initiativeId, partner: { name: 'ok', influence: 6 } }],
        ['interest not whole', { initiativeId, partner: { name: 'ok', interest: 2.5 } }],
        ['unknown stage', { initiativeId, partner: { name: 'ok', stage: 'sleeping' } }],
        ['tags not a list', { initiativeId, partner: { name: 'ok', tags: 'a,b' } }],
        [
          'too many tags',
          { initiativeId, partner: { name: 'ok', tags: Array.from({ length: 31 }, (_, i) => `t${i}`) } },
        ],
        ['organisation not an id', { initiativeId, partner: { name: 'ok', organisationId: 'acme' } }],
        ['email over the limit', { initiativeId, partner: { name: 'ok', email: 'e'.repeat(limits.shortText + 1) } }],
        ['lived experience a string', { initiativeId, partner: { name: 'ok', livedExperience: 'yes' } }],
        ['partner with caller-chosen id', { initiativeId, partner: { name: 'ok', id: randomUUID() } }],
      ];
    case 'partners.update':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ...idCases('partnerId'),
        ['no patch', { initiativeId, partnerId }],
        ['patch with unknown field', { initiativeId, partnerId, patch: { tombstone: 1 } }],
        ['name over the limit', { initiativeId, partnerId, patch: { name: tooLongName } }],
        ['empty name', { initiativeId, partnerId, patch: { name: '' } }],
        ['unknown kind', { initiativeId, partnerId, patch: { kind: 'group' } }],
      ];
    case 'partners.delete':
    case 'partners.restore':
      return [...strictExtra, ...idCases('initiativeId'), ...idCases('partnerId')];
    case 'partners.import.preview':
    case 'partners.import.commit':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['unknown format', { ...validInput(channel), format: 'docx' }],
        ['content not a string', { ...validInput(channel), contentBase64: 5 }],
        ['file name over the limit', { ...validInput(channel), fileName: 'f'.repeat(261) }],
        ['mapping to an unknown field', { ...validInput(channel), mapping: { Name: 'favourite' } }],
      ];
    case 'partners.export':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['unknown format', { initiativeId, format: 'pdf' }],
        ['contacts flag a string', { initiativeId, format: 'csv', includeContacts: 'yes' }],
      ];
    case 'groups.list':
    case 'relationships.list':
    case 'map.positions':
    case 'map.resetLayout':
    case 'representation.report':
      return [...strictExtra, ...idCases('initiativeId')];
    case 'groups.create':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['no group', { initiativeId }],
        ['a new id that is not an id', { initiativeId, group: { kind: 'focus_group', name: 'x' }, id: 'twice' }],
        ['unknown kind', { initiativeId, group: { kind: 'club', name: 'x' } }],
        ['no name', { initiativeId, group: { kind: 'working_group' } }],
        ['name over the limit', { initiativeId, group: { kind: 'working_group', name: tooLongName } }],
        ['colour not a colour', { initiativeId, group: { kind: 'working_group', name: 'x', colour: 'red' } }],
      ];
    case 'groups.update':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['group id not an id', { initiativeId, groupId: 'g1', patch: { name: 'x' } }],
        ['patch with unknown field', { initiativeId, groupId, patch: { members: [] } }],
        ['empty name', { initiativeId, groupId, patch: { name: ' ' } }],
      ];
    case 'groups.delete':
    case 'groups.restore':
      return [...strictExtra, ...idCases('initiativeId'), ['group id not an id', { initiativeId, groupId: 'g1' }]];
    case 'groups.setMember':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ...idCases('partnerId'),
        ['unknown role', { initiativeId, groupId, partnerId, role: 'boss' }],
        ['no role', { initiativeId, groupId, partnerId }],
      ];
    case 'groups.removeMember':
      return [...strictExtra, ...idCases('initiativeId'), ...idCases('partnerId')];
    case 'relationships.create':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        [
          'a partner related to itself',
          { initiativeId, relationship: { fromId: partnerId, toId: partnerId, kind: 'funds' } },
        ],
        [
          'strength out of range',
          { initiativeId, relationship: { fromId: partnerId, toId: secondPartnerId, kind: 'funds', strength: 4 } },
        ],
        ['empty kind', { initiativeId, relationship: { fromId: partnerId, toId: secondPartnerId, kind: ' ' } }],
        ['from not an id', { initiativeId, relationship: { fromId: 'a', toId: secondPartnerId, kind: 'funds' } }],
      ];
    case 'relationships.update':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['moving the ends', { initiativeId, relationshipId, patch: { fromId: secondPartnerId } }],
        ['strength zero', { initiativeId, relationshipId, patch: { strength: 0 } }],
      ];
    case 'relationships.delete':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['relationship id not an id', { initiativeId, relationshipId: 'r' }],
      ];
    case 'map.savePositions':
      return [
        ...strictExtra,
        ...idCases('initiativeId'),
        ['positions not a list', { initiativeId, positions: {} }],
        ['a coordinate not a number', { initiativeId, positions: [{ nodeId: partnerId, x: '1', y: 2 }] }],
        [
          'an infinite coordinate',
          { initiativeId, positions: [{ nodeId: partnerId, x: Number.POSITIVE_INFINITY, y: 2 }] },
        ],
        ['a coordinate far away', { initiativeId, positions: [{ nodeId: partnerId, x: 1e7, y: 2 }] }],
        ['node not an id', { initiativeId, positions: [{ nodeId: 'n', x: 1, y: 2 }] }],
        [
          'too many positions',
          { initiativeId, positions: Array.from({ length: 10_001 }, () => ({ nodeId: partnerId, x: 0, y: 0 })) },
        ],
      ];
    default:
      if (isMeetingChannel(channel)) return meetingBadInputs(channel, meeting);
      if (isHardeningChannel(channel)) return hardeningBadInputs(channel, hardening);
      if (isSyncChannel(channel)) return syncBadInputs(channel, sync);
      if (isSummaryChannel(channel)) return summaryBadInputs(channel, summary);
      if (isMeasuresChannel(channel)) return measuresBadInputs(channel, seeded.measures);
      if (isDataItemChannel(channel)) return dataItemBadInputs(channel, seeded.dataItems);
      if (isRoomChannel(channel)) return roomBadInputs(channel, seeded.room);
      if (isReadinessChannel(channel)) return readinessBadInputs(channel, seeded.readiness);
      return voiceBadInputs(channel, voice);
  }
}

function validInput(channel: Channel): Record<string, unknown> {
  return validInputFor(channel, seeded);
}

function omit(input: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: _dropped, ...rest } = input;
  return rest;
}

function expectRefusedWithoutChange(channel: string, input: unknown, code: string): void {
  const before = fixture.dump();
  const result = fixture.call(channel, input);
  expectWellFormedResult(result);
  expect(result.ok ? 'ok' : result.error.code, `${channel} with ${JSON.stringify(input)?.slice(0, 120)}`).toBe(code);
  if (!result.ok && code === 'invalid_input') expect(result.error.issues?.length).toBeGreaterThan(0);
  expect(fixture.dump()).toEqual(before);
}

describe.each(channelNames)('%s', (channel) => {
  it('accepts its valid input (so the refusals below are about the bad part only)', async () => {
    const result = await fixture.callAsync(channel, validInput(channel));
    expectWellFormedResult(result);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(() => channels[channel].output.parse(result.value)).not.toThrow();
  });

  it.each(notObjects)('refuses %s as invalid_input and changes nothing', (_label, input) => {
    expectRefusedWithoutChange(channel, input, 'invalid_input');
  });

  it('refuses each bad input as invalid_input with issues, changing nothing', () => {
    for (const [label, input] of badInputs(channel)) {
      const before = fixture.dump();
      const result = fixture.call(channel, input);
      expectWellFormedResult(result);
      expect(result.ok ? 'ok' : result.error.code, `${channel}: ${label}`).toBe('invalid_input');
      if (!result.ok) expect(result.error.issues?.length, label).toBeGreaterThan(0);
      expect(fixture.dump(), label).toEqual(before);
    }
  });

  it('treats null and undefined like an empty object', () => {
    const before = fixture.dump();
    const outcomes = [{}, null, undefined].map((input) => {
      const result = fixture.call(channel, input);
      expectWellFormedResult(result);
      return result.ok ? 'ok' : result.error.code;
    });
    expect(new Set(outcomes)).toEqual(new Set([outcomes[0]]));
    if (outcomes[0] !== 'ok') expect(fixture.dump()).toEqual(before);
    else
      expect([
        'app.info',
        'initiatives.list',
        'initiatives.createSample',
        'lanHub.status',
        'lanHub.stop',
        // Room mode's facilitator steps act on the one running room: they take no input.
        'room.status',
        'room.stop',
        'room.close',
        'room.reveal',
      ]).toContain(channel);
  });
});

describe('well-formed ids that name nothing', () => {
  const unknownInitiative = (): [Channel, Record<string, unknown>][] => [
    ['initiatives.get', { initiativeId: randomUUID() }],
    ['initiatives.update', { initiativeId: randomUUID(), patch: { name: 'x' } }],
    ['partners.list', { initiativeId: randomUUID() }],
    ['partners.create', { initiativeId: randomUUID(), partner: { name: 'x' } }],
    ['partners.update', { initiativeId: randomUUID(), partnerId, patch: { name: 'x' } }],
    ['partners.delete', { initiativeId: randomUUID(), partnerId }],
    ['partners.restore', { initiativeId: randomUUID(), partnerId }],
  ];

  it('an unknown initiative is not_found on every channel that takes one, and no file appears', () => {
    for (const [channel, input] of unknownInitiative()) expectRefusedWithoutChange(channel, input, 'not_found');
  });

  it('an unknown partner is not_found for update, delete and restore', () => {
    const missing = randomUUID();
    expectRefusedWithoutChange(
      'partners.update',
      { initiativeId, partnerId: missing, patch: { name: 'x' } },
      'not_found',
    );
    expectRefusedWithoutChange('partners.delete', { initiativeId, partnerId: missing }, 'not_found');
    expectRefusedWithoutChange('partners.restore', { initiativeId, partnerId: missing }, 'not_found');
  });

  it('a deleted partner cannot be deleted again or updated', () => {
    expectRefusedWithoutChange('partners.delete', { initiativeId, partnerId: deletedPartnerId }, 'not_found');
    expectRefusedWithoutChange(
      'partners.update',
      { initiativeId, partnerId: deletedPartnerId, patch: { name: 'x' } },
      'not_found',
    );
  });

  it('a partner id from another initiative is not_found', () => {
    const other = fixture.ok('initiatives.create', { name: 'Other' }).id;
    expectRefusedWithoutChange(
      'partners.update',
      { initiativeId: other, partnerId, patch: { name: 'x' } },
      'not_found',
    );
  });

  // Found by this suite: an upper-case id used to write a second initiative row. Ids are now
  // folded to lower case at the contract edge.
  it('an upper-case spelling of an initiative id updates that initiative', () => {
    const result = fixture.call('initiatives.update', {
      initiativeId: initiativeId.toUpperCase(),
      patch: { name: 'Renamed' },
    });
    expect(result.ok).toBe(true);
    expect(fixture.ok('initiatives.get', { initiativeId }).name).toBe('Renamed');
    expect(fixture.dump()[`${initiativeId}.sqlite`].initiative).toHaveLength(1);
  });
});

describe('unknown channels', () => {
  const names = [
    '',
    'nope',
    'partners',
    'PARTNERS.LIST',
    'partners.list ',
    'changes',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'partners.list/../app.info',
    'x'.repeat(10_000),
  ];

  it.each(names.map((name) => [name.slice(0, 40), name]))(
    '"%s" is unknown_channel and changes nothing',
    (_label, name) => {
      const before = fixture.dump();
      const result = fixture.call(name, validInput('partners.create'));
      expectWellFormedResult(result);
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown_channel');
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
      expect(fixture.dump()).toEqual(before);
    },
  );
});

describe('happy path through the channels', () => {
  it('the on-disk dump used above does see a committed write (so "changes nothing" can fail)', () => {
    const before = fixture.dump();
    expect(before[`${initiativeId}.sqlite`].partners).toHaveLength(3);
    expect(before[`${initiativeId}.sqlite`].change_log.length).toBeGreaterThan(0);
    fixture.ok('partners.update', { initiativeId, partnerId, patch: { sector: 'health' } });
    const after = fixture.dump();
    expect(after).not.toEqual(before);
    expect(after[`${initiativeId}.sqlite`].change_log.length).toBe(
      before[`${initiativeId}.sqlite`].change_log.length + 1,
    );
  });

  it('creates, lists, updates, deletes and restores, every answer matching its output schema', () => {
    const info = fixture.ok('app.info', {});
    expect(info).toEqual({ version: '0.0.0-test', dataDir: fixture.dataDir, transport: 'host' });

    const created = fixture.ok('initiatives.create', {
      name: '  Northside Roundtable  ',
      problemStatement: 'p'.repeat(limits.longText),
      phase: 'initiate_action',
      defaultLocale: 'es',
    });
    expect(created).toMatchObject({
      name: 'Northside Roundtable',
      phase: 'initiate_action',
      defaultLocale: 'es',
      vision: '',
    });
    expect(created.problemStatement).toHaveLength(limits.longText);
    expect(fixture.ok('initiatives.get', { initiativeId: created.id })).toEqual(created);
    expect(
      fixture
        .ok('initiatives.list', {})
        .map((entry) => entry.id)
        .sort(),
    ).toEqual([initiativeId, created.id].sort());

    const updated = fixture.ok('initiatives.update', {
      initiativeId: created.id,
      patch: { vision: 'Every child thrives', phase: 'sustain_action' },
    });
    expect(updated).toEqual({ ...created, vision: 'Every child thrives', phase: 'sustain_action' });
    expect(fixture.ok('initiatives.update', { initiativeId: created.id, patch: {} })).toEqual(updated);

    const partner = fixture.ok('partners.create', {
      initiativeId: created.id,
      partner: { name: 'n'.repeat(limits.name), kind: 'person' },
    });
    expect(partner).toMatchObject({ kind: 'person', sector: 'other' });
    const renamed = fixture.ok('partners.update', {
      initiativeId: created.id,
      partnerId: partner.id,
      patch: { name: 'Ana', sector: 'health' },
    });
    expect(renamed).toEqual({
      id: partner.id,
      name: 'Ana',
      kind: 'person',
      sector: 'health',
      organisationId: null,
      livedExperience: false,
      influence: null,
      interest: null,
      stage: 'identified',
      email: '',
      phone: '',
      tags: [],
      notes: '',
    });
    expect(fixture.ok('partners.list', { initiativeId: created.id })).toEqual([renamed]);

    expect(fixture.ok('partners.delete', { initiativeId: created.id, partnerId: partner.id })).toEqual({
      partnerId: partner.id,
    });
    expect(fixture.ok('partners.list', { initiativeId: created.id })).toEqual([]);
    expect(fixture.ok('partners.restore', { initiativeId: created.id, partnerId: partner.id })).toEqual(renamed);
    expect(fixture.ok('partners.list', { initiativeId: created.id })).toEqual([renamed]);
  });

  it('opens the sample once and returns the same initiative on a second call', () => {
    const first = fixture.ok('initiatives.createSample', {});
    const before = fixture.dump();
    expect(fixture.ok('initiatives.createSample', {})).toEqual(first);
    expect(fixture.dump()).toEqual(before);
    expect(fixture.ok('partners.list', { initiativeId: first.id }).length).toBeGreaterThan(0);
  });
});
