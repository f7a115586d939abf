import { countCap, type SearchRequest, type SearchResult } from '../contract/voice';
import type { Db } from './connection';
import type { NoteRow, VoiceNoteRepository } from './voice-notes';

/** Marks FTS5 puts around matches; control characters no note text can usefully contain. */
const open = '\u0001';
const close = '\u0002';

/**
 * The person's words as an FTS5 query: each word quoted (so no word is read as an operator) and
 * matched as a prefix, all words required. Null when there is nothing to look for.
 */
export function toMatchQuery(query: string): string | null {
  const words = query.normalize('NFKC').match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 20)
    .map((word) => `"${word}"*`)
    .join(' ');
}

function snippetParts(marked: string): SearchResult['hits'][number]['snippet'] {
  const parts: SearchResult['hits'][number]['snippet'] = [];
  let inside = false;
  let current = '';
  for (const char of marked) {
    if (char !== open && char !== close) {
      current += char;
      continue;
    }
    if (current) parts.push({ text: current, match: inside });
    current = '';
    inside = char === open;
  }
  if (current) parts.push({ text: current, match: inside });
  return parts;
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
    const source = request.focusGroupId ? 'voice_note_view' : 'shared_voice_notes';
    const where: string[] = ['v.withdrawn = 0'];
    const parameters: (string | number)[] = [];
    if (request.focusGroupId) {
      where.push('v.focus_group_id = ?');
      parameters.push(request.focusGroupId);
    }
    if (request.themeId) {
      // One primary-key probe per note (a link's id is `note.theme`). An IN list of the theme's
      // notes cost a build of every link first (18 ms at 20,000 links) even when the words matched
      // three notes; a correlated EXISTS on theme_id walked every link of the theme per note.
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
    if (match === null && request.query.trim() !== '')
      return { hits: [], total: 0, more: false, tookMs: performance.now() - started };
    const from = match ? `voice_notes_fts f JOIN ${source} v ON v.rid = f.rowid` : `${source} v`;
    if (match) {
      where.unshift('voice_notes_fts MATCH ?');
      parameters.unshift(match);
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
    const marked = match ? `snippet(voice_notes_fts, 0, char(1), char(2), '…', 32)` : 'v.text';
    const order = !match ? 'v.captured_at DESC, v.id DESC' : more ? 'f.rowid DESC' : 'f.rank, v.captured_at DESC';
    const rows = db
      .prepare(`SELECT v.*, ${marked} AS marked FROM ${from} WHERE ${condition} ORDER BY ${order} LIMIT ?`)
      .all(...parameters, request.limit) as (NoteRow & { marked: string | null })[];
    const found = notes.toNotes(rows, request.focusGroupId ? 'own' : 'shared');
    const hits = found.map((note, index) => ({ note, snippet: snippetParts(rows[index].marked ?? '') }));
    return { hits, total: Math.min(counted, countCap), more, tookMs: performance.now() - started };
  }

  return { search };
}

export type VoiceSearch = ReturnType<typeof createVoiceSearch>;
