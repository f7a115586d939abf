import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../src-main/contract/summary';
import { dispatch, type HandlerMap } from '../../../src-main/features/handlers';
import type { InitiativeLibrary } from '../../../src-main/store/library';
import { openExportHandlers, value } from '../../fixtures/export-handlers';
import { makeTempDir } from '../../fixtures/temp-dir';

/**
 * The redaction list tells the reader how many notes were held back. A note cited by two decisions
 * and by a data item is still one note: counting each citation made the list claim three.
 */
const temp = makeTempDir('common-ground-summary-held-once-');
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId: string;
let sessionId: string;

const call = (channel: string, input: Record<string, unknown>) =>
  value<{ id: string } & Record<string, unknown>>(dispatch(handlers, channel, input));

beforeAll(() => {
  ({ library, handlers } = openExportHandlers(temp.dir));
  initiativeId = call('initiatives.create', { name: 'Westside Health Together' }).id;
  const focusGroupId = call('groups.create', { initiativeId, group: { kind: 'focus_group', name: 'Carers' } }).id;
  const participant = (consent: string, pseudonym: string) =>
    call('participants.create', { initiativeId, participant: { focusGroupId, consent, pseudonym } }).id;
  const note = (text: string, participantId: string) => {
    const draft = call('voice.saveDraft', { initiativeId, draft: { focusGroupId, participantId, text } });
    return call('voice.capture', { initiativeId, noteId: draft.id }).id;
  };
  const open = participant('named', 'Odile');
  const leaving = participant('named', 'Farewell');
  const anonymous = note('The clinic letters never reach us.', participant('anonymous', 'Shyname'));
  const inside = note('What happened at the shelter stays here.', open);
  const gone = note('I was told to wait a year.', leaving);
  const cited = [anonymous, inside, gone];

  sessionId = call('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Clinic access', startsAt: '2026-11-30T18:00', endsAt: '2026-11-30T20:00' },
  }).id;
  call('voice.carry', { initiativeId, sessionId, noteIds: cited });
  const dimension = call('measures.dimensions.create', {
    initiativeId,
    dimension: { name: 'Age', categories: ['Under 65', '65 and over'] },
  }).id;
  const indicatorId = call('measures.indicators.create', {
    initiativeId,
    indicator: { name: 'Checkups on time', unit: '%', reportingPeriod: 'year', dimensionIds: [dimension] },
  }).id;
  const itemId = call('agenda.add', { initiativeId, sessionId, item: { title: 'Checkups', indicatorId } }).id;
  for (const noteId of cited) call('dataItems.linkVoice', { initiativeId, itemId, noteId, period: null });
  for (const text of ['Send letters by text message too', 'Hold a walk-in morning'])
    call('decisions.record', {
      initiativeId,
      decision: { sessionId, agendaItemId: itemId, text, method: 'consensus', noteIds: cited },
    });
  // Consent changed after the room cited them: both are held back wherever they were cited.
  call('voice.update', { initiativeId, noteId: inside, patch: { consent: 'internal' } });
  call('participants.withdraw', { initiativeId, participantId: leaving });
});

afterAll(() => {
  library.close();
  temp.cleanup();
});

describe('what a summary held back', () => {
  it('counts each note once, however many decisions and data items cite it', () => {
    const { summary } = value<{ summary: SessionSummary }>(
      dispatch(handlers, 'summary.preview', { initiativeId, sessionId, partnerId: null }),
    );
    // The note shown without its pseudonym is still shown wherever it is cited.
    expect(summary.decisions.map((decision) => decision.voices.length)).toEqual([1, 1]);
    expect(summary.dataItems[0].voices).toHaveLength(1);
    expect(Object.fromEntries(summary.redactions.map((entry) => [entry.reason, entry.count]))).toEqual({
      voice_pseudonym: 1,
      voice_internal: 1,
      voice_withdrawn: 1,
    });
  });
});
