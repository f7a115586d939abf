import { countCap, type SearchRequest, type SearchResult } from '../contract/voice';
import type { Db } from './connection';
import type { NoteRow, VoiceNoteRepository } from './voice-notes';

/**
 * The person's words as an FTS5 query: each word quoted (so no word is read as an operator) and
 * matched as a prefix, all words required. Null when there is nothing to look for.
 */
export function toMatchQuery(query: string): string | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

function queryWords(query: string): string[] {
  return (query.normalize('NFKC').match(/[\p{L}\p{N}_]+/gu) ?? []).slice(0, 20);
}

/** What the index's tokenizer (unicode61, remove_diacritics 2) makes of a word, near enough to mark it. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Runs of letters, digits and marks: the tokenizer's words. */
const tokenPattern = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
/** As many words as FTS5's snippet() was given: enough for a line of context around a match. */
const snippetTokens = 32;

/**
 * A note's text as snippet parts, the words the query found marked. The index no longer holds the
 * text (see migration 0060), so the marking happens here: a word is marked when it starts with one
 * of the query's words, accents and case aside, as the prefix query matched it. A long note is cut
 * to the 32 words around the most matches, with an ellipsis where it was cut.
 */
export function markMatches(text: string, query: string): SearchResult['hits'][number]['snippet'] {
  const terms = queryWords(query)
    .flatMap((word) => word.split('_'))
    .filter((term) => term !== '')
    .map(fold);
  const tokens = [...text.matchAll(tokenPattern)].map((found) => ({
    start: found.index,
    end: found.index + found[0].length,
    match: terms.some((term) => fold(found[0]).startsWith(term)),
  }));
  let first = 0;
  if (tokens.length > snippetTokens) {
    let inWindow = tokens.slice(0, snippetTokens).filter((token) => token.match).length;
    let best = inWindow;
    for (let start = 1; start + snippetTokens <= tokens.length; start++) {
      inWindow += Number(tokens[start + snippetTokens - 1].match) - Number(tokens[start - 1].match);
      if (inWindow > best) [best, first] = [inWindow, start];
    }
  }
  const last = Math.min(tokens.length, first + snippetTokens) - 1;
  const from = first === 0 ? 0 : tokens[first].start;
  const to = last === tokens.length - 1 || last < 0 ? text.length : tokens[last].end;
  const parts: SearchResult['hits'][number]['snippet'] = [];
  const push = (part: string, match: boolean) => {
    if (part === '') return;
    const previous = parts[parts.length - 1];
    if (previous && previous.match === match) previous.text += part;
    else parts.push({ text: part, match });
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const token of tokens.slice(first, last + 1)) {
    if (!token.match) continue;
    push(text.slice(at, token.start), false);
    push(text.slice(token.start, token.end), true);
    at = token.end;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push('…', false);
  return parts;
}

/** A filter as a term of the index's facets column (migration 0060): ids lose their dashes. */
function facet(prefix: 'g' | 'k' | 'p' | 't', value: string): string {
  return `"${prefix}${value.replaceAll('-', '')}"`;
}

type Parsed = Omit<SearchRequest, 'query' | 'limit'> & { query: string; limit: number };

/**
 * Full-text search over voice notes. Withdrawn participants' notes never show; internal-only
 * notes show only when the search is inside one focus group (that group's own screen).
 */
export function createVoiceSearch(db: Db, notes: VoiceNoteRepository) {
  function search(request: Parsed): SearchResult {
    const started = performance.now();
    const match = toMatchQuery(request.query);
    if (match === null && request.query.trim() !== '')
      return { hits: [], total: 0, more: false, tookMs: performance.now() - started };
    const source = request.focusGroupId ? 'voice_note_view' : 'shared_voice_notes';
    const where: string[] = ['v.withdrawn = 0'];
    const parameters: (string | number)[] = [];
    if (request.focusGroupId) {
      where.push('v.focus_group_id = ?');
      parameters.push(request.focusGroupId);
    }
    if (request.themeId && !match) {
      // One primary-key probe per note (a link's id is `note.theme`). With words to look for, the
      // theme is a term of the full-text query instead (below).
      where.push("EXISTS (SELECT 1 FROM note_themes t WHERE t.id = v.id || '.' || ? AND t.tombstone = 0)");
      parameters.push(request.themeId);
    }
    for (const [column, value] of [
      ['v.kind', request.kind],
      ['v.consent', request.consent],
      ['v.participant_id', request.participantId],
    ] as const) {
      if (value) {
        where.push(`${column} = ?`);
        parameters.push(value);
      }
    }
    if (request.from) {
      where.push('v.captured_at >= ?');
      parameters.push(request.from);
    }
    if (request.to) {
      where.push('v.captured_at < ?');
      parameters.push(`${request.to}T99`);
    }
    const from = match ? `voice_notes_fts f JOIN ${source} v ON v.rid = f.rowid` : `${source} v`;
    if (match) {
      // The words only in the text column; each filter the index knows as one more required term,
      // so the index narrows the matches before any note is read.
      const terms = [`text : (${match})`];
      if (request.focusGroupId) terms.push(`facets : ${facet('g', request.focusGroupId)}`);
      if (request.themeId) terms.push(`facets : ${facet('t', request.themeId)}`);
      if (request.kind) terms.push(`facets : ${facet('k', request.kind)}`);
      if (request.participantId) terms.push(`facets : ${facet('p', request.participantId)}`);
      where.unshift('voice_notes_fts MATCH ?');
      parameters.unshift(terms.join(' AND '));
    }
    const condition = where.join(' AND ');
    // Counting and ranking every match is what made a common word slow (tens of thousands of
    // notes scored to show 100). The count stops past the cap; above it the list is the newest
    // matches, which FTS5 walks in rowid order without scoring the rest.
    const counted = db
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${condition} LIMIT ${countCap + 1})`)
      .pluck()
      .get(...parameters) as number;
    const more = counted > countCap;
    const order = !match ? 'v.captured_at DESC, v.id DESC' : more ? 'f.rowid DESC' : 'f.rank, v.captured_at DESC';
    const rows = db
      .prepare(`SELECT v.* FROM ${from} WHERE ${condition} ORDER BY ${order} LIMIT ?`)
      .all(...parameters, request.limit) as NoteRow[];
    const found = notes.toNotes(rows, request.focusGroupId ? 'own' : 'shared');
    const hits = found.map((note) => ({
      note,
      snippet: match ? markMatches(note.text, request.query) : note.text ? [{ text: note.text, match: false }] : [],
    }));
    return { hits, total: Math.min(counted, countCap), more, tookMs: performance.now() - started };
  }

  return { search };
}

export type VoiceSearch = ReturnType<typeof createVoiceSearch>;
