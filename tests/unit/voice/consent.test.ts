import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContractFixture, type ContractFixture } from '../contract/contract-fixture';

/**
 * Consent through the real handlers and a real SQLite file: where a note may appear depends on the
 * stricter of its own level and its participant's, and a withdrawal hides it everywhere but the
 * focus group's own screen.
 */
let fixture: ContractFixture;
let initiativeId: string;
let focusGroupId: string;
let roundtableId: string;

beforeEach(() => {
  fixture = openContractFixture();
  initiativeId = fixture.ok('initiatives.create', { name: 'Voice' }).id;
  focusGroupId = fixture.ok('groups.create', { initiativeId, group: { kind: 'focus_group', name: 'Tenants' } }).id;
  roundtableId = fixture.ok('sessions.create', { initiativeId, session: { kind: 'roundtable', title: 'Table' } }).id;
});
afterEach(() => fixture.close());

function participant(consent: 'named' | 'anonymous' | 'internal', pseudonym?: string) {
  return fixture.ok('participants.create', { initiativeId, participant: { focusGroupId, consent, pseudonym } });
}

function note(text: string, participantId: string | null, extra: Record<string, unknown> = {}) {
  const draft = fixture.ok('voice.saveDraft', { initiativeId, draft: { focusGroupId, participantId, text, ...extra } });
  return fixture.ok('voice.capture', { initiativeId, noteId: draft.id });
}

const sharedTexts = () => ({
  search: fixture.ok('voice.search', { initiativeId, query: '' }).hits.map((hit) => hit.note.text),
  csv: Buffer.from(fixture.ok('voice.exportCsv', { initiativeId }).contentBase64, 'base64').toString('utf8'),
  carried: fixture.ok('sessions.carriedNotes', { initiativeId, sessionId: roundtableId }).map((n) => n.text),
});

describe('undo of a deleted note', () => {
  it('refuses a draft, which was never deleted, with nothing written', () => {
    const draft = fixture.ok('voice.saveDraft', { initiativeId, draft: { focusGroupId, text: 'Half typed' } });
    const before = fixture.dump();
    const result = fixture.call('voice.restore', { initiativeId, noteId: draft.id });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
    expect(fixture.dump()).toEqual(before);
  });
});

describe('participants', () => {
  it('get a pronounceable pseudonym nobody else in the group has', () => {
    const names = Array.from({ length: 40 }, () => participant('anonymous').pseudonym);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(40);
    for (const name of names) expect(name).toMatch(/^[A-Z][a-z]+( \d+)?$/);
  });

  it('cannot share a pseudonym, whatever the case', () => {
    participant('anonymous', 'Talimo');
    const result = fixture.call('participants.create', {
      initiativeId,
      participant: { focusGroupId, pseudonym: 'talimo' },
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
  });

  it('belong to a focus group, not to any other kind of group', () => {
    const working = fixture.ok('groups.create', { initiativeId, group: { kind: 'working_group', name: 'W' } }).id;
    const result = fixture.call('participants.create', { initiativeId, participant: { focusGroupId: working } });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });

  it('keep the real name out of every list; only realName answers with it', () => {
    const person = participant('named', 'Renasu');
    fixture.ok('participants.setRealName', { initiativeId, participantId: person.id, realName: 'Rosa Delgado' });
    const listed = fixture.ok('participants.list', { initiativeId, focusGroupId });
    expect(JSON.stringify(listed)).not.toContain('Rosa');
    expect(listed[0].hasRealName).toBe(true);
    expect(fixture.ok('participants.realName', { initiativeId, participantId: person.id }).realName).toBe(
      'Rosa Delgado',
    );
    fixture.ok('participants.setRealName', { initiativeId, participantId: person.id, realName: '' });
    expect(fixture.ok('participants.list', { initiativeId, focusGroupId })[0].hasRealName).toBe(false);
  });
});

describe('a note’s consent', () => {
  it('defaults to its participant’s and can be made stricter but not looser', () => {
    const person = participant('anonymous');
    expect(note('Defaults', person.id).ownConsent).toBe('anonymous');
    expect(note('Stricter', person.id, { consent: 'internal' }).consent).toBe('internal');
    const looser = fixture.call('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, participantId: person.id, text: 'x', consent: 'named' },
    });
    expect(looser.ok ? 'ok' : looser.error.code).toBe('invalid_input');
    const filed = note('Later loosened?', person.id);
    const patched = fixture.call('voice.update', { initiativeId, noteId: filed.id, patch: { consent: 'named' } });
    expect(patched.ok ? 'ok' : patched.error.code).toBe('invalid_input');
  });

  it('follows its participant when their consent becomes stricter', () => {
    const person = participant('named', 'Bodani');
    const filed = note('We need a crossing guard at Elm Street.', person.id);
    expect(filed.consent).toBe('named');
    fixture.ok('participants.update', { initiativeId, participantId: person.id, patch: { consent: 'internal' } });
    expect(fixture.ok('voice.notes', { initiativeId, focusGroupId })[0].consent).toBe('internal');
    expect(sharedTexts().search).toEqual([]);
  });

  it('decides whether the pseudonym goes with the note outside the focus group', () => {
    const named = participant('named', 'Kelavi');
    const anonymous = participant('anonymous', 'Mosuta');
    note('Named words', named.id);
    note('Anonymous words', anonymous.id);
    const hits = fixture.ok('voice.search', { initiativeId, query: 'words' }).hits;
    const byText = new Map(hits.map((hit) => [hit.note.text, hit.note.pseudonym]));
    expect(byText.get('Named words')).toBe('Kelavi');
    expect(byText.get('Anonymous words')).toBeNull();
    const csv = sharedTexts().csv;
    expect(csv).toContain('Kelavi');
    expect(csv).not.toContain('Mosuta');
    // On the focus group's own screen both are shown with their pseudonym.
    const own = fixture.ok('voice.notes', { initiativeId, focusGroupId }).map((n) => n.pseudonym);
    expect(own.sort()).toEqual(['Kelavi', 'Mosuta']);
  });
});

describe('internal-only notes', () => {
  it('stay on the focus group’s own screens and cannot be carried', () => {
    const person = participant('internal');
    const internal = note('Only for us: the landlord threatened eviction.', person.id);
    const open = note('Rents went up twice this year.', null);
    expect(fixture.ok('voice.notes', { initiativeId, focusGroupId }).map((n) => n.id)).toEqual([internal.id, open.id]);
    const scoped = fixture.ok('voice.search', { initiativeId, focusGroupId, query: 'landlord' });
    expect(scoped.total).toBe(1);
    const carry = fixture.call('voice.carry', {
      initiativeId,
      sessionId: roundtableId,
      noteIds: [internal.id, open.id],
    });
    expect(carry.ok ? 'ok' : carry.error.code).toBe('invalid_input');
    fixture.ok('voice.carry', { initiativeId, sessionId: roundtableId, noteIds: [open.id] });
    const shared = sharedTexts();
    for (const place of [shared.search, shared.carried, [shared.csv]]) {
      expect(place.join('\n')).toContain('Rents went up');
      expect(place.join('\n')).not.toContain('landlord');
    }
  });
});

describe('withdrawal', () => {
  it('hides the participant’s notes from search, export, the table and themes; their own screen keeps them', () => {
    const theme = fixture.ok('themes.create', { initiativeId, theme: { name: 'Safety' } });
    const person = participant('named', 'Tirona');
    const other = participant('anonymous');
    const words = note('The park lights have been out since June.', person.id, { themeIds: [theme.id] });
    note('The bus shelter has no roof.', other.id);
    fixture.ok('voice.carry', { initiativeId, sessionId: roundtableId, noteIds: [words.id] });
    expect(sharedTexts().search).toHaveLength(2);

    fixture.ok('participants.withdraw', { initiativeId, participantId: person.id });
    const shared = sharedTexts();
    expect(shared.search).toEqual(['The bus shelter has no roof.']);
    expect(shared.carried).toEqual([]);
    expect(shared.csv).not.toContain('park lights');
    expect(shared.csv).toContain('bus shelter');
    expect(fixture.ok('voice.search', { initiativeId, focusGroupId, query: 'park' }).total).toBe(0);
    const report = fixture.ok('themes.report', { initiativeId });
    expect(report[0].total).toBe(0);
    expect(fixture.ok('themes.list', { initiativeId })[0].noteCount).toBe(0);
    const own = fixture.ok('voice.notes', { initiativeId, focusGroupId });
    expect(own.find((n) => n.id === words.id)?.withdrawn).toBe(true);

    const newNote = fixture.call('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, participantId: person.id, text: 'more' },
    });
    expect(newNote.ok ? 'ok' : newNote.error.code).toBe('invalid_input');

    fixture.ok('participants.reinstate', { initiativeId, participantId: person.id });
    expect(sharedTexts().search).toHaveLength(2);
  });
});

describe('drafts', () => {
  it('are saved on each keystroke, seen nowhere else, and filed by capture', () => {
    let draft = fixture.ok('voice.saveDraft', { initiativeId, draft: { focusGroupId, text: 'Th' } });
    draft = fixture.ok('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, noteId: draft.id, text: 'The clinic' },
    });
    expect(fixture.ok('voice.draft', { initiativeId, focusGroupId })?.text).toBe('The clinic');
    expect(fixture.ok('voice.notes', { initiativeId, focusGroupId })).toEqual([]);
    expect(fixture.ok('voice.search', { initiativeId, focusGroupId, query: 'clinic' }).total).toBe(0);
    fixture.ok('voice.capture', { initiativeId, noteId: draft.id });
    expect(fixture.ok('voice.draft', { initiativeId, focusGroupId })).toBeNull();
    expect(fixture.ok('voice.search', { initiativeId, query: 'clinic' }).total).toBe(1);
    const again = fixture.call('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, noteId: draft.id, text: 'x' },
    });
    expect(again.ok ? 'ok' : again.error.code).toBe('invalid_input');
  });

  it('an empty draft is not filed', () => {
    const draft = fixture.ok('voice.saveDraft', { initiativeId, draft: { focusGroupId, text: '   ' } });
    const result = fixture.call('voice.capture', { initiativeId, noteId: draft.id });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
  });
});

describe('themes', () => {
  it('merge moves every note to the target and retires the source', () => {
    const a = fixture.ok('themes.create', { initiativeId, theme: { name: 'Buses' } });
    const b = fixture.ok('themes.create', { initiativeId, theme: { name: 'Transport' } });
    const one = note('Bus is late', null, { themeIds: [a.id] });
    const two = note('Bus and train', null, { themeIds: [a.id, b.id] });
    const merged = fixture.ok('themes.merge', { initiativeId, sourceId: a.id, targetId: b.id });
    expect(merged.noteCount).toBe(2);
    expect(fixture.ok('themes.list', { initiativeId }).map((theme) => theme.name)).toEqual(['Transport']);
    const notes = fixture.ok('voice.notes', { initiativeId, focusGroupId });
    expect(notes.find((n) => n.id === one.id)?.themeIds).toEqual([b.id]);
    expect(notes.find((n) => n.id === two.id)?.themeIds).toEqual([b.id]);
    const self = fixture.call('themes.merge', { initiativeId, sourceId: b.id, targetId: b.id });
    expect(self.ok ? 'ok' : self.error.code).toBe('invalid_input');
  });

  it('report counts per focus group and picks quotes before other kinds', () => {
    const theme = fixture.ok('themes.create', { initiativeId, theme: { name: 'Food' } });
    note('The pantry closes too early', null, { themeIds: [theme.id], kind: 'observation' });
    note('“I skip meals so my kids can eat.”', null, { themeIds: [theme.id], kind: 'quote' });
    const [entry] = fixture.ok('themes.report', { initiativeId });
    expect(entry.total).toBe(2);
    expect(entry.perFocusGroup).toEqual([{ focusGroupId, count: 2 }]);
    expect(entry.quotes[0].kind).toBe('quote');
  });
});

describe('a carried note', () => {
  it('shows which decisions cite it, and a deleted decision no longer counts', () => {
    const filed = note('Evening meetings are impossible without buses.', null);
    fixture.ok('voice.carry', { initiativeId, sessionId: roundtableId, noteIds: [filed.id] });
    const decision = fixture.ok('decisions.record', {
      initiativeId,
      decision: {
        sessionId: roundtableId,
        text: 'Meet on Saturday mornings',
        method: 'consensus',
        noteIds: [filed.id],
      },
    });
    const cited = fixture.ok('voice.notes', { initiativeId, focusGroupId })[0].citedBy;
    expect(cited).toEqual([{ decisionId: decision.id, text: 'Meet on Saturday mornings', sessionTitle: 'Table' }]);
    expect(fixture.ok('sessions.carriedNotes', { initiativeId, sessionId: roundtableId })[0].citedBy).toHaveLength(1);
    fixture.ok('decisions.delete', { initiativeId, decisionId: decision.id });
    expect(fixture.ok('voice.notes', { initiativeId, focusGroupId })[0].citedBy).toEqual([]);
  });
});
