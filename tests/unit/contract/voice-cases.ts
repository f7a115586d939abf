import { randomUUID } from 'node:crypto';
import type { Channel } from '../../../src-main/contract/channels';
import { limits } from '../../../src-main/contract/models';
import type { ContractFixture } from './contract-fixture';

/** The channels of sessions, participants, voice notes and themes. */
export type VoiceChannel = Extract<Channel, `${'sessions' | 'participants' | 'voice' | 'themes'}.${string}`>;

export interface VoiceIds {
  initiativeId: string;
  focusGroupId: string;
  participantId: string;
  noteId: string;
  internalNoteId: string;
  deletedNoteId: string;
  draftNoteId: string;
  themeId: string;
  secondThemeId: string;
  deletedThemeId: string;
  focusSessionId: string;
  roundtableId: string;
  deletedSessionId: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const smallCodebook = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">
  <Codes>
    <Code guid="${'0190a0b1-0000-7000-8000-00000000c0de'}" name="Transport" isCodable="true" color="#3366CC">
      <Description>Getting there and back</Description>
    </Code>
  </Codes>
</CodeBook>`;

/** A focus group with a participant, notes, themes and sessions, made through the channels. */
export function seedVoice(fixture: ContractFixture, initiativeId: string): VoiceIds {
  const focusGroupId = fixture.ok('groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Parents' },
  }).id;
  const participantId = fixture.ok('participants.create', {
    initiativeId,
    participant: { focusGroupId, consent: 'anonymous' },
  }).id;
  const focusSessionId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'focus_group', title: 'Evening circle', groupId: focusGroupId, startsAt: '2026-11-20T18:00' },
  }).id;
  const roundtableId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'November roundtable', startsAt: '2026-11-23T10:00' },
  }).id;
  const deletedSessionId = fixture.ok('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Gone' },
  }).id;
  fixture.ok('sessions.delete', { initiativeId, sessionId: deletedSessionId });
  const themeId = fixture.ok('themes.create', { initiativeId, theme: { name: 'Childcare' } }).id;
  const secondThemeId = fixture.ok('themes.create', { initiativeId, theme: { name: 'Transport' } }).id;
  const deletedThemeId = fixture.ok('themes.create', { initiativeId, theme: { name: 'Old theme' } }).id;
  fixture.ok('themes.delete', { initiativeId, themeId: deletedThemeId });
  const note = (text: string, consent?: string) => {
    const draft = fixture.ok('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, participantId, sessionId: focusSessionId, text, themeIds: [themeId], consent },
    });
    return fixture.ok('voice.capture', { initiativeId, noteId: draft.id }).id;
  };
  const noteId = note('The bus stops running at six, so evening meetings are out for us.');
  const internalNoteId = note('Said privately: worried about immigration status.', 'internal');
  const deletedNoteId = note('A note that was taken by mistake.');
  fixture.ok('voice.delete', { initiativeId, noteId: deletedNoteId });
  fixture.ok('voice.carry', { initiativeId, sessionId: roundtableId, noteIds: [noteId] });
  const draftNoteId = fixture.ok('voice.saveDraft', {
    initiativeId,
    draft: { focusGroupId, text: 'Half typed when the laptop', kind: 'observation' },
  }).id;
  return {
    initiativeId,
    focusGroupId,
    participantId,
    noteId,
    internalNoteId,
    deletedNoteId,
    draftNoteId,
    themeId,
    secondThemeId,
    deletedThemeId,
    focusSessionId,
    roundtableId,
    deletedSessionId,
  };
}

export function voiceValidInput(channel: VoiceChannel, ids: VoiceIds): Record<string, unknown> {
  const { initiativeId, focusGroupId, participantId, noteId } = ids;
  const valid: { [C in VoiceChannel]: () => Record<string, unknown> } = {
    'sessions.list': () => ({ initiativeId, filter: { kind: 'focus_group' } }),
    'sessions.create': () => ({
      initiativeId,
      session: { kind: 'working_group', title: 'Early years', startsAt: '2026-12-01T09:30', place: 'Library' },
    }),
    'sessions.update': () => ({ initiativeId, sessionId: ids.roundtableId, patch: { place: 'Community centre' } }),
    'sessions.delete': () => ({ initiativeId, sessionId: ids.roundtableId }),
    'sessions.restore': () => ({ initiativeId, sessionId: ids.deletedSessionId }),
    'sessions.carriedNotes': () => ({ initiativeId, sessionId: ids.roundtableId }),
    'participants.list': () => ({ initiativeId, focusGroupId }),
    'participants.create': () => ({ initiativeId, participant: { focusGroupId, pseudonym: 'Talimo' } }),
    'participants.update': () => ({ initiativeId, participantId, patch: { consent: 'named' } }),
    'participants.withdraw': () => ({ initiativeId, participantId }),
    'participants.reinstate': () => ({ initiativeId, participantId }),
    'participants.realName': () => ({ initiativeId, participantId }),
    'participants.setRealName': () => ({ initiativeId, participantId, realName: 'Rosa' }),
    'voice.notes': () => ({ initiativeId, focusGroupId }),
    'voice.draft': () => ({ initiativeId, focusGroupId }),
    'voice.saveDraft': () => ({
      initiativeId,
      draft: { focusGroupId, noteId: ids.draftNoteId, text: 'Half typed when' },
    }),
    'voice.capture': () => ({ initiativeId, noteId: ids.draftNoteId }),
    'voice.update': () => ({ initiativeId, noteId, patch: { kind: 'concern' } }),
    'voice.delete': () => ({ initiativeId, noteId }),
    'voice.restore': () => ({ initiativeId, noteId: ids.deletedNoteId }),
    'voice.setThemes': () => ({ initiativeId, noteId, themeIds: [ids.secondThemeId] }),
    'voice.search': () => ({ initiativeId, query: 'bus' }),
    'voice.carry': () => ({ initiativeId, sessionId: ids.roundtableId, noteIds: [noteId] }),
    'voice.uncarry': () => ({ initiativeId, sessionId: ids.roundtableId, noteId }),
    'voice.exportCsv': () => ({ initiativeId }),
    'themes.list': () => ({ initiativeId }),
    'themes.create': () => ({ initiativeId, theme: { name: 'Housing', colour: '#336699' } }),
    'themes.update': () => ({ initiativeId, themeId: ids.themeId, patch: { description: 'Care for young children' } }),
    'themes.delete': () => ({ initiativeId, themeId: ids.themeId }),
    'themes.restore': () => ({ initiativeId, themeId: ids.deletedThemeId }),
    'themes.merge': () => ({ initiativeId, sourceId: ids.secondThemeId, targetId: ids.themeId }),
    'themes.report': () => ({ initiativeId }),
    'themes.exportQdc': () => ({ initiativeId }),
    'themes.importQdc': () => ({ initiativeId, fileName: 'codebook.qdc', contentBase64: base64(smallCodebook) }),
  };
  return valid[channel]();
}

/** Refusals particular to each channel, on top of the id cases the main suite builds. */
export function voiceBadInputs(channel: VoiceChannel, ids: VoiceIds): [string, unknown][] {
  const valid = voiceValidInput(channel, ids);
  const { initiativeId, focusGroupId, participantId, noteId } = ids;
  const longText = 'x'.repeat(limits.longText + 1);
  const cases: Partial<Record<VoiceChannel, [string, unknown][]>> = {
    'sessions.list': [['unknown kind filter', { initiativeId, filter: { kind: 'party' } }]],
    'sessions.create': [
      ['no title', { initiativeId, session: { kind: 'roundtable' } }],
      ['unknown kind', { initiativeId, session: { kind: 'party', title: 'x' } }],
      ['a date that is not a date', { initiativeId, session: { kind: 'roundtable', title: 'x', startsAt: 'Tuesday' } }],
      [
        'the thirtieth of February',
        { initiativeId, session: { kind: 'roundtable', title: 'x', startsAt: '2026-02-30' } },
      ],
      ['unknown status', { initiativeId, session: { kind: 'roundtable', title: 'x', status: 'maybe' } }],
      ['a new id that is not an id', { initiativeId, session: { kind: 'roundtable', title: 'x' }, id: 'again' }],
    ],
    'sessions.update': [['empty title', { initiativeId, sessionId: ids.roundtableId, patch: { title: ' ' } }]],
    'participants.create': [
      ['no focus group', { initiativeId, participant: {} }],
      ['unknown consent', { initiativeId, participant: { focusGroupId, consent: 'maybe' } }],
      ['blank pseudonym', { initiativeId, participant: { focusGroupId, pseudonym: '  ' } }],
      ['pseudonym too long', { initiativeId, participant: { focusGroupId, pseudonym: 'p'.repeat(61) } }],
      ['a withdrawn flag from the caller', { initiativeId, participant: { focusGroupId, withdrawn: true } }],
    ],
    'participants.update': [
      ['unknown consent', { initiativeId, participantId, patch: { consent: 'public' } }],
      ['withdrawal by patch', { initiativeId, participantId, patch: { withdrawn: true } }],
      ['consent date not a date', { initiativeId, participantId, patch: { consentDate: 'yesterday' } }],
    ],
    'participants.setRealName': [['name too long', { initiativeId, participantId, realName: 'n'.repeat(201) }]],
    'voice.saveDraft': [
      ['no focus group', { initiativeId, draft: { text: 'x' } }],
      ['unknown kind', { initiativeId, draft: { focusGroupId, kind: 'rumour' } }],
      ['text too long', { initiativeId, draft: { focusGroupId, text: longText } }],
      ['too many themes', { initiativeId, draft: { focusGroupId, themeIds: Array.from({ length: 51 }, randomUUID) } }],
    ],
    'voice.update': [
      ['unknown consent', { initiativeId, noteId, patch: { consent: 'public' } }],
      ['moving a note to another focus group', { initiativeId, noteId, patch: { focusGroupId } }],
      ['text too long', { initiativeId, noteId, patch: { text: longText } }],
    ],
    'voice.setThemes': [['themes not a list', { initiativeId, noteId, themeIds: ids.themeId }]],
    'voice.search': [
      ['query too long', { initiativeId, query: 'q'.repeat(501) }],
      ['limit zero', { initiativeId, limit: 0 }],
      ['unknown kind', { initiativeId, kind: 'rumour' }],
      ['from not a date', { initiativeId, from: 'last week' }],
    ],
    'voice.carry': [
      ['no notes', { initiativeId, sessionId: ids.roundtableId, noteIds: [] }],
      [
        'too many notes',
        { initiativeId, sessionId: ids.roundtableId, noteIds: Array.from({ length: 501 }, randomUUID) },
      ],
    ],
    'themes.create': [
      ['no name', { initiativeId, theme: {} }],
      ['colour not a colour', { initiativeId, theme: { name: 'x', colour: 'blue' } }],
    ],
    'themes.update': [['name blank', { initiativeId, themeId: ids.themeId, patch: { name: '' } }]],
    'themes.importQdc': [
      ['file name too long', { ...valid, fileName: `${'f'.repeat(260)}.qdc` }],
      ['content not text', { ...valid, contentBase64: 12 }],
    ],
  };
  return [...commonRefusals(valid), ...(cases[channel] ?? [])];
}

/** Refusals every channel owes: an unknown field, and each id field missing, mistyped or not an id. */
export function commonRefusals(valid: Record<string, unknown>): [string, unknown][] {
  const idFields = Object.keys(valid).filter((key) => key.endsWith('Id') && typeof valid[key] === 'string');
  const idCases = idFields.flatMap((field): [string, unknown][] => [
    [`${field} missing`, omitField(valid, field)],
    [`${field} a number`, { ...valid, [field]: 7 }],
    [`${field} not an id`, { ...valid, [field]: 'not-an-id' }],
    [`${field} with a path`, { ...valid, [field]: '../../etc/passwd' }],
  ]);
  return [['an unknown extra field', { ...valid, unexpected: 1 }], ...idCases];
}

function omitField(input: Record<string, unknown>, field: string): Record<string, unknown> {
  const { [field]: _dropped, ...rest } = input;
  return rest;
}

export function isVoiceChannel(channel: Channel): channel is VoiceChannel {
  return /^(sessions|participants|voice|themes)\./.test(channel);
}
