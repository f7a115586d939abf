import type { Channel } from '../../../src-main/contract/channels';
import type { ContractFixture } from './contract-fixture';
import type { MeasuresIds } from './measures-cases';
import type { VoiceIds } from './voice-cases';

/** The channels of data items: the story behind the curve, linked voice, and an indicator's trail. */
export type DataItemChannel = Extract<Channel, `dataItems.${string}`>;

export function isDataItemChannel(channel: Channel): channel is DataItemChannel {
  return channel.startsWith('dataItems.');
}

export interface DataItemIds {
  initiativeId: string;
  indicatorId: string;
  sessionId: string;
  itemId: string;
  noteId: string;
  internalNoteId: string;
  factorId: string;
  linkId: string;
}

/**
 * A roundtable of its own (so no other feature's agenda changes) with a data item on the seeded
 * indicator, one note on what helps and the seeded shareable note linked to the indicator.
 */
export function seedDataItems(fixture: ContractFixture, voice: VoiceIds, measures: MeasuresIds): DataItemIds {
  const { initiativeId, indicatorId } = measures;
  const sessionId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Data walk', startsAt: '2027-01-18T10:00' },
  }).id;
  const itemId = fixture.ok('agenda.add', {
    initiativeId,
    sessionId,
    item: { title: 'Readiness by income', indicatorId },
  }).id;
  const factorId = fixture.ok('dataItems.addFactor', {
    initiativeId,
    itemId,
    kind: 'helps',
    text: 'Home visits before school starts',
  }).id;
  const { linkId } = fixture.ok('dataItems.linkVoice', { initiativeId, itemId, noteId: voice.noteId, period: null });
  return {
    initiativeId,
    indicatorId,
    sessionId,
    itemId,
    noteId: voice.noteId,
    internalNoteId: voice.internalNoteId,
    factorId,
    linkId,
  };
}

export function dataItemValidInput(channel: DataItemChannel, ids: DataItemIds): Record<string, unknown> {
  const { initiativeId, itemId } = ids;
  const valid: { [C in DataItemChannel]: () => Record<string, unknown> } = {
    'dataItems.view': () => ({ initiativeId, itemId }),
    'dataItems.addFactor': () => ({ initiativeId, itemId, kind: 'holds_back', text: 'No buses after six' }),
    'dataItems.updateFactor': () => ({ initiativeId, factorId: ids.factorId, text: 'Home visits in August' }),
    'dataItems.deleteFactor': () => ({ initiativeId, factorId: ids.factorId }),
    'dataItems.shareableNotes': () => ({ initiativeId, query: 'bus' }),
    'dataItems.linkVoice': () => ({ initiativeId, itemId, noteId: ids.noteId, period: '2025' }),
    'dataItems.unlinkVoice': () => ({ initiativeId, linkId: ids.linkId }),
    'dataItems.indicatorTrail': () => ({ initiativeId, indicatorId: ids.indicatorId }),
    'dataItems.sources': () => ({ initiativeId }),
    'dataItems.linkVoiceToIndicator': () => ({
      initiativeId,
      indicatorId: ids.indicatorId,
      noteId: ids.noteId,
      period: null,
    }),
  };
  return valid[channel]();
}

export function dataItemBadInputs(channel: DataItemChannel, ids: DataItemIds): [string, unknown][] {
  const valid = dataItemValidInput(channel, ids);
  const idFields = Object.keys(valid).filter((key) => key.endsWith('Id') && key !== 'linkId');
  const common: [string, unknown][] = [
    ['an unknown extra field', { ...valid, unexpected: 1 }],
    ...idFields.flatMap((field): [string, unknown][] => [
      [`${field} missing`, { ...valid, [field]: undefined }],
      [`${field} a number`, { ...valid, [field]: 7 }],
      [`${field} not an id`, { ...valid, [field]: '../../etc/passwd' }],
    ]),
  ];
  const cases: Partial<Record<DataItemChannel, [string, unknown][]>> = {
    'dataItems.addFactor': [
      ['unknown kind', { ...valid, kind: 'blame' }],
      ['empty text', { ...valid, text: '   ' }],
      ['text far too long', { ...valid, text: 'x'.repeat(5000) }],
      ['a new id that is not an id', { ...valid, id: 'twice' }],
    ],
    'dataItems.updateFactor': [
      ['empty text', { ...valid, text: '' }],
      ['text a number', { ...valid, text: 5 }],
    ],
    'dataItems.shareableNotes': [
      ['query a number', { ...valid, query: 5 }],
      ['query far too long', { ...valid, query: 'q'.repeat(201) }],
    ],
    'dataItems.linkVoice': [
      ['period misspelt', { ...valid, period: 'last year' }],
      ['period missing', { ...valid, period: undefined }],
    ],
    'dataItems.linkVoiceToIndicator': [
      ['period misspelt', { ...valid, period: 'next spring' }],
      ['period missing', { ...valid, period: undefined }],
    ],
    'dataItems.unlinkVoice': [
      ['link id empty', { ...valid, linkId: '' }],
      ['link id far too long', { ...valid, linkId: 'l'.repeat(81) }],
      ['link id a number', { ...valid, linkId: 7 }],
    ],
  };
  return [...common, ...(cases[channel] ?? [])];
}
