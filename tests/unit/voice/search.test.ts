import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCap } from '../../../src-main/contract/voice';
import { markMatches, toMatchQuery } from '../../../src-main/store/voice-search';
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
    // Deleting erased the words; the Undo gives them back from the screen.
    fixture.ok('voice.restore', { initiativeId, noteId: edited.id });
    expect(texts({ query: 'clinic' })).toEqual([]);
    fixture.ok('voice.restore', { initiativeId, noteId: edited.id, text: 'Clinic hours are short.' });
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

describe('voice search filters inside the full-text index', () => {
  it('follows tagging, untagging and merging of themes when words and a theme are both asked for', () => {
    const otherTheme = fixture.ok('themes.create', { initiativeId, theme: { name: 'Evenings' } }).id;
    const tagged = note(otherGroupId, 'Quillwort meetings end too late for shift workers.');
    expect(texts({ query: 'quillwort', themeId: otherTheme })).toEqual([]);
    fixture.ok('voice.setThemes', { initiativeId, noteId: tagged.id, themeIds: [otherTheme] });
    expect(texts({ query: 'quillwort', themeId: otherTheme })).toEqual([tagged.text]);
    expect(texts({ query: 'quillwort', themeId })).toEqual([]);
    fixture.ok('voice.setThemes', { initiativeId, noteId: tagged.id, themeIds: [] });
    expect(texts({ query: 'quillwort', themeId: otherTheme })).toEqual([]);
    fixture.ok('voice.setThemes', { initiativeId, noteId: tagged.id, themeIds: [otherTheme] });
    fixture.ok('themes.merge', { initiativeId, sourceId: otherTheme, targetId: themeId });
    expect(texts({ query: 'quillwort', themeId })).toEqual([tagged.text]);
    expect(texts({ query: 'quillwort', themeId: otherTheme })).toEqual([]);
  });

  it('follows a change of kind, participant and text, with words and filters together', () => {
    const changed = note(focusGroupId, 'Marrowfat beans at the pantry again.', { kind: 'observation' });
    expect(texts({ query: 'marrow', kind: 'observation', focusGroupId })).toEqual([changed.text]);
    fixture.ok('voice.update', { initiativeId, noteId: changed.id, patch: { kind: 'concern', participantId } });
    expect(texts({ query: 'marrow', kind: 'observation' })).toEqual([]);
    expect(texts({ query: 'marrow', kind: 'concern', participantId, focusGroupId })).toEqual([changed.text]);
    expect(texts({ query: 'marrow', focusGroupId: otherGroupId })).toEqual([]);
    fixture.ok('voice.update', { initiativeId, noteId: changed.id, patch: { text: 'Runner beans at the pantry.' } });
    expect(texts({ query: 'marrow', participantId, focusGroupId })).toEqual([]);
    expect(texts({ query: 'runner', participantId, focusGroupId })).toEqual(['Runner beans at the pantry.']);
  });

  it('matches what a plain scan of the notes finds, for any notes, tags and query (property)', () => {
    const vocabulary = ['bus', 'busy', 'rent', 'rental', 'clinic', 'école', 'evening', 'park'];
    const kinds = ['quote', 'observation', 'concern', 'idea'] as const;
    // An initiative of its own: the notes the other tests wrote would otherwise match some queries
    // and be missing from the model (this failed about one run in four).
    const ownId = fixture.ok('initiatives.create', { name: 'Search property' }).id;
    const store = fixture.library.open(ownId);
    const themes = [0, 1].map(
      (index) => fixture.ok('themes.create', { initiativeId: ownId, theme: { name: `Facet ${index}` } }).id,
    );
    const model: { id: string; group: string; kind: string; words: string[]; themes: Set<string> }[] = [];
    const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            words: fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 5 }),
            kind: fc.constantFrom(...kinds),
            group: fc.constantFrom(0, 1),
            themes: fc.subarray([0, 1]),
            retag: fc.option(fc.subarray([0, 1]), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(fc.constantFrom(...vocabulary, 'ecole', 'bu', 're', 'ev'), { minLength: 1, maxLength: 2 }),
        fc.record({
          group: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
          kind: fc.option(fc.constantFrom(...kinds), { nil: undefined }),
          theme: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
        }),
        (drafts, query, filter) => {
          const groups = [0, 1].map(() => uuidv7());
          const changes: { table: string; row: string; values: Record<string, string | number | null> }[] = groups.map(
            (id, index) => ({
              table: 'groups',
              row: id,
              values: { kind: 'focus_group', name: `Run ${index}`, tombstone: 0 },
            }),
          );
          const written = drafts.map((draft) => {
            const id = uuidv7();
            changes.push({
              table: 'voice_notes',
              row: id,
              values: {
                focus_group_id: groups[draft.group],
                kind: draft.kind,
                text: `${draft.words.join(' ')}.`,
                consent: 'anonymous',
                captured_at: '2026-11-21T10:00:00',
                draft: 0,
                tombstone: 0,
              },
            });
            for (const theme of draft.themes) {
              changes.push({
                table: 'note_themes',
                row: `${id}.${themes[theme]}`,
                values: { note_id: id, theme_id: themes[theme], tombstone: 0 },
              });
            }
            const entry = {
              id,
              group: groups[draft.group],
              kind: draft.kind,
              words: draft.words,
              themes: new Set(draft.themes.map((theme) => themes[theme])),
            };
            model.push(entry);
            return { draft, entry };
          });
          store.writePath.write(changes);
          // Then some notes are tagged again, in a later transaction, as a person would.
          const retags = written.filter(({ draft }) => draft.retag !== undefined);
          if (retags.length > 0) {
            store.writePath.write(
              retags.flatMap(({ draft, entry }) =>
                [0, 1].map((theme) => ({
                  table: 'note_themes',
                  row: `${entry.id}.${themes[theme]}`,
                  values: {
                    note_id: entry.id,
                    theme_id: themes[theme],
                    tombstone: draft.retag!.includes(theme) ? 0 : 1,
                  },
                })),
              ),
            );
            for (const { draft, entry } of retags) entry.themes = new Set(draft.retag!.map((theme) => themes[theme]));
          }
          const request = {
            query: query.join(' '),
            limit: 500,
            ...(filter.group !== undefined ? { focusGroupId: groups[filter.group] } : {}),
            ...(filter.kind ? { kind: filter.kind } : {}),
            ...(filter.theme !== undefined ? { themeId: themes[filter.theme] } : {}),
          };
          const expected = model
            .filter((entry) => query.every((word) => entry.words.some((token) => fold(token).startsWith(fold(word)))))
            .filter((entry) => filter.group === undefined || entry.group === groups[filter.group])
            .filter((entry) => !filter.kind || entry.kind === filter.kind)
            .filter((entry) => filter.theme === undefined || entry.themes.has(themes[filter.theme]))
            .map((entry) => entry.id)
            .sort();
          const result = fixture.ok('voice.search', { initiativeId: ownId, ...request });
          expect(result.hits.map((hit) => hit.note.id).sort()).toEqual(expected);
          for (const hit of result.hits) {
            const marked = hit.snippet.filter((part) => part.match).map((part) => fold(part.text));
            expect(marked.length).toBeGreaterThan(0);
            for (const word of marked) expect(query.some((term) => word.startsWith(fold(term)))).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('marking matches in a snippet', () => {
  it('marks words that start with a query word, accents and case aside, and keeps the text whole', () => {
    const parts = markMatches('La Guardería abre; guardar sitio.', 'guarderia');
    expect(parts).toEqual([
      { text: 'La ', match: false },
      { text: 'Guardería', match: true },
      { text: ' abre; guardar sitio.', match: false },
    ]);
    expect(markMatches('Nothing here.', 'bus')).toEqual([{ text: 'Nothing here.', match: false }]);
    expect(markMatches('', 'bus')).toEqual([]);
  });

  it('cuts a long note to the 32 words around the most matches, with ellipses where it cut', () => {
    const words = Array.from({ length: 100 }, (_, index) => `w${index}`);
    words[60] = 'lantern';
    words[62] = 'lanterns';
    const parts = markMatches(words.join(' ') + '.', 'lantern');
    const text = parts.map((part) => part.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.match(/[\p{L}\p{N}]+/gu)).toHaveLength(32);
    expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(['lantern', 'lanterns']);
    const end = markMatches(words.join(' ') + '.', 'w99');
    expect(
      end
        .map((part) => part.text)
        .join('')
        .endsWith('w99.'),
    ).toBe(true);
  });
});
