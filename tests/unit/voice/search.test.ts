import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCap } from '../../../src-main/contract/voice';
import { toMatchQuery } from '../../../src-main/store/voice-search';
import { openContractFixture, type ContractFixture } from '../contract/contract-fixture';

/** Full-text search over voice notes, through the handlers, on a real SQLite file with FTS5. */
let fixture: ContractFixture;
let initiativeId: string;
let focusGroupId: string;
let otherGroupId: string;
let themeId: string;
let participantId: string;

function note(groupId: string, text: string, extra: Record<string, unknown> = {}) {
  const draft = fixture.ok('voice.saveDraft', { initiativeId, draft: { focusGroupId: groupId, text, ...extra } });
  return fixture.ok('voice.capture', { initiativeId, noteId: draft.id });
}

const search = (request: Record<string, unknown>) => fixture.ok('voice.search', { initiativeId, ...request });
const texts = (request: Record<string, unknown>) => search(request).hits.map((hit) => hit.note.text);

beforeAll(() => {
  fixture = openContractFixture();
  initiativeId = fixture.ok('initiatives.create', { name: 'Search' }).id;
  focusGroupId = fixture.ok('groups.create', { initiativeId, group: { kind: 'focus_group', name: 'Parents' } }).id;
  otherGroupId = fixture.ok('groups.create', { initiativeId, group: { kind: 'focus_group', name: 'Elders' } }).id;
  themeId = fixture.ok('themes.create', { initiativeId, theme: { name: 'Childcare' } }).id;
  participantId = fixture.ok('participants.create', {
    initiativeId,
    participant: { focusGroupId, consent: 'named', pseudonym: 'Dalimo' },
  }).id;
  note(focusGroupId, 'La guardería cierra a las cinco.', { themeIds: [themeId], kind: 'concern', participantId });
  note(focusGroupId, 'Childcare waiting lists are two years long.', { themeIds: [themeId] });
  note(focusGroupId, 'An idea: a walking school bus.', { kind: 'idea' });
  note(otherGroupId, 'The senior centre bus is always full.');
});

afterAll(() => fixture.close());

describe('voice search', () => {
  it('finds words by prefix and highlights them', () => {
    const result = search({ query: 'wait' });
    expect(result.total).toBe(1);
    const matched = result.hits[0].snippet.filter((part) => part.match).map((part) => part.text);
    expect(matched).toEqual(['waiting']);
    expect(result.hits[0].snippet.map((part) => part.text).join('')).toBe(
      'Childcare waiting lists are two years long.',
    );
  });

  it('ignores accents, so "guarderia" finds "guardería"', () => {
    expect(texts({ query: 'guarderia' })).toEqual(['La guardería cierra a las cinco.']);
  });

  it('needs every word', () => {
    expect(texts({ query: 'bus full' })).toEqual(['The senior centre bus is always full.']);
    expect(texts({ query: 'bus' }).sort()).toEqual(
      ['An idea: a walking school bus.', 'The senior centre bus is always full.'].sort(),
    );
  });

  it('filters by theme, kind, participant, focus group and date', () => {
    expect(texts({ themeId }).sort()).toEqual(
      ['Childcare waiting lists are two years long.', 'La guardería cierra a las cinco.'].sort(),
    );
    expect(texts({ kind: 'idea' })).toEqual(['An idea: a walking school bus.']);
    expect(texts({ participantId })).toEqual(['La guardería cierra a las cinco.']);
    expect(texts({ focusGroupId: otherGroupId })).toEqual(['The senior centre bus is always full.']);
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
    expect(search({ from: date, to: date }).total).toBe(4);
    expect(search({ to: '2000-01-01' }).total).toBe(0);
  });

  it('follows edits and deletions of a note', () => {
    const edited = note(otherGroupId, 'Pharmacy hours are short.');
    fixture.ok('voice.update', { initiativeId, noteId: edited.id, patch: { text: 'Clinic hours are short.' } });
    expect(texts({ query: 'pharmacy' })).toEqual([]);
    expect(texts({ query: 'clinic' })).toEqual(['Clinic hours are short.']);
    fixture.ok('voice.delete', { initiativeId, noteId: edited.id });
    expect(texts({ query: 'clinic' })).toEqual([]);
    fixture.ok('voice.restore', { initiativeId, noteId: edited.id });
    expect(texts({ query: 'clinic' })).toEqual(['Clinic hours are short.']);
  });

  it('reads operators and quotes in the query as plain words, never as FTS syntax', () => {
    for (const query of [
      '"',
      'bus"',
      'NEAR(bus',
      'bus OR',
      '*',
      'AND',
      '^bus',
      'bus -full',
      "'; DROP TABLE voice_notes; --",
    ]) {
      const result = fixture.call('voice.search', { initiativeId, query });
      expect(result.ok, query).toBe(true);
    }
    expect(texts({ query: 'bus -full' })).toEqual(['The senior centre bus is always full.']);
  });

  it('never fails on any query text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (query) => {
        const result = fixture.call('voice.search', { initiativeId, query });
        return result.ok;
      }),
      { numRuns: 300 },
    );
  });

  it('turns words into quoted prefix terms', () => {
    expect(toMatchQuery('  ')).toBeNull();
    expect(toMatchQuery('bus "stop"')).toBe('"bus"* "stop"*');
    expect(toMatchQuery('niño')).toBe('"niño"*');
  });

  it('stops counting past the cap and lists the newest matches first', () => {
    // The best match by rank is written first, so ranked order and newest-first order differ.
    note(otherGroupId, 'Lantern lantern lantern: the lantern walk.');
    const store = fixture.library.open(initiativeId);
    const seeded = Array.from({ length: countCap + 5 }, (_, index) => ({
      table: 'voice_notes',
      row: uuidv7(),
      values: {
        focus_group_id: otherGroupId,
        kind: 'quote',
        text: `Lantern number ${index} by the river path.`,
        consent: 'anonymous',
        captured_at: '2026-11-20T10:00:00',
        draft: 0,
        tombstone: 0,
      },
    }));
    store.writePath.write(seeded);
    const many = search({ query: 'lantern' });
    expect(many.more).toBe(true);
    expect(many.total).toBe(countCap);
    expect(many.hits[0].note.text).toBe(`Lantern number ${countCap + 4} by the river path.`);
    expect(many.hits.map((hit) => hit.note.text)).not.toContain('Lantern lantern lantern: the lantern walk.');
    // Narrowed below the cap, the count is exact again and the best match leads.
    const few = search({ query: 'lantern walk' });
    expect(few).toMatchObject({ more: false, total: 1 });
    const ranked = search({ query: 'lantern', focusGroupId: otherGroupId, kind: 'quote', limit: 5 });
    expect(ranked.more).toBe(true);
    expect(search({ query: 'lantern number 7' }).more).toBe(false);
  });
});
