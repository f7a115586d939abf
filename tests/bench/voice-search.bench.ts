import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { createHandlers, dispatch } from '../../src-main/features/handlers';
import { InitiativeLibrary } from '../../src-main/store/library';
import type { RowChange } from '../../src-main/store/write-path';
import { formatMs, medianMs, type Figure } from './measure';

function percentile(values: number[], at: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * at))];
}

const notes = 100_000;
const queries = 200;
const keystrokes = 500;
const focusGroups = 10;
const topicWords = [
  'bus',
  'childcare',
  'rent',
  'clinic',
  'school',
  'library',
  'pantry',
  'interpreter',
  'sidewalk',
  'evening',
  'parents',
  'elders',
  'youth',
  'jobs',
  'housing',
  'safety',
  'park',
  'lights',
  'guardería',
  'vivienda',
];

function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  // xorshift32: integer-exact, unlike an LCG in floating point, which loses its low bits.
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/**
 * A vocabulary shaped like speech: 3,000 made-up words (two to four syllables) plus the topic words
 * spread among them, drawn with Zipf's law (the word of rank r is used in proportion to 1/r). So a
 * few words occur in most notes, as "the" would, and most words in a few hundred, as "childcare"
 * would; the first version drew on 20 words, each in more than half of all notes.
 */
const vocabulary = (() => {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'tu',
    'sa',
    'vel',
    'do',
    'ni',
    'ra',
    'pe',
    'gor',
    'li',
    'an',
    'se',
    'tro',
  ];
  const next = xorshift(7);
  const made = new Set<string>();
  while (made.size < 3_000) {
    const length = 2 + (next() % 3);
    made.add(Array.from({ length }, () => syllables[next() % syllables.length]).join(''));
  }
  const list = [...made];
  topicWords.forEach((word, index) => list.splice(40 + index * 60, 0, word));
  return list;
})();
const zipfTotals = (() => {
  const totals: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= vocabulary.length; rank++) totals.push((sum += 1 / rank));
  return totals;
})();

function zipfWord(random: number): string {
  const target = (random / 2 ** 32) * zipfTotals[zipfTotals.length - 1];
  let low = 0;
  let high = zipfTotals.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (zipfTotals[middle] < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low];
}

/** A sentence of 8 to 27 words, seeded so every run searches the same text. */
function sentence(seed: number): string {
  const next = xorshift(seed + 1);
  next();
  const length = 8 + (next() % 20);
  return Array.from({ length }, () => zipfWord(next())).join(' ') + '.';
}

/**
 * Full-text search over 100,000 voice notes in ten focus groups, and the capture line's per-keystroke save, through dispatch as the renderer
 * calls it. Baseline in the same run: a LIKE scan of the same table, which is what search would
 * cost without the FTS5 index. The voice issue asks for results "in milliseconds"; 100 ms is where a reply stops feeling instant.
 */
export async function benchVoiceSearch(dir: string): Promise<Figure[]> {
  const dataDir = join(dir, 'voice');
  mkdirSync(dataDir, { recursive: true });
  // No automatic backups: the first one would copy and verify the 200 MB file in the middle of the
  // keystrokes below, and this measures capture, not a backup.
  const library = new InitiativeLibrary(dataDir, { node: '00000000000000bc', backups: false });
  try {
    const handlers = createHandlers({ library, resourcesDir: join(dir, 'none'), version: 'bench', transport: 'host' });
    const call = (channel: string, input: unknown) => {
      const result = dispatch(handlers, channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value as { id: string };
    };
    const initiativeId = call('initiatives.create', { name: 'Search bench' }).id;
    const store = library.open(initiativeId);
    const groupIds = Array.from(
      { length: focusGroups },
      (_, index) =>
        call('groups.create', { initiativeId, group: { kind: 'focus_group', name: `Focus group ${index}` } }).id,
    );
    const themeId = call('themes.create', { initiativeId, theme: { name: 'Transport' } }).id;
    // Seeded through the write path in batches, as an import would: one transaction per 1,000 notes.
    for (let start = 0; start < notes; start += 1_000) {
      const changes: RowChange[] = [];
      for (let index = start; index < start + 1_000; index++) {
        const id = uuidv7();
        changes.push({
          table: 'voice_notes',
          row: id,
          values: {
            focus_group_id: groupIds[index % focusGroups],
            kind: ['quote', 'observation', 'concern', 'idea'][index % 4],
            text: sentence(index),
            consent: index % 7 === 0 ? 'internal' : 'anonymous',
            captured_at: `2026-11-${String(1 + (index % 28)).padStart(2, '0')}T10:00:00`,
            draft: 0,
            tombstone: 0,
          },
        });
        if (index % 5 === 0) {
          changes.push({
            table: 'note_themes',
            row: `${id}.${themeId}`,
            values: { note_id: id, theme_id: themeId, tombstone: 0 },
          });
        }
      }
      store.writePath.write(changes);
    }
    // 200 queries as people type them: one to three words of middling frequency (ranks 20 to
    // 2,000), sometimes with a filter; every fifth is a word still being typed (its first two or
    // three letters), which matches thousands of notes, as search-as-you-type does.
    const filters: Record<string, unknown>[] = [{}, { themeId }, { kind: 'concern' }, { focusGroupId: groupIds[3] }];
    const times: number[] = [];
    const pick = xorshift(99);
    for (let index = 0; index < queries; index++) {
      const count = 1 + (index % 3);
      const chosen = Array.from({ length: count }, () => vocabulary[20 + (pick() % 1_980)]);
      const query = index % 5 === 4 ? chosen[0].slice(0, 2 + (index % 2)) : chosen.join(' ');
      const request = { initiativeId, query, ...filters[index % filters.length] };
      const start = performance.now();
      call('voice.search', request);
      times.push(performance.now() - start);
    }
    // The worst case: the five most common words, each in most notes.
    const common = vocabulary.slice(0, 5).map((word) => {
      const start = performance.now();
      call('voice.search', { initiativeId, query: word });
      return performance.now() - start;
    });
    // Capture: each keystroke of a 500-character note saved as a draft, timed to its committed row,
    // then to the moment the background flush has put it on the disk. Then the same keystrokes with
    // synchronous = FULL on the same connection, as the store ran before: the disk wait per keystroke.
    const typeNote = async (focusGroupId: string, waitForDisk: boolean) => {
      const committed: number[] = [];
      const onDisk: number[] = [];
      let draftId: string | undefined;
      let typed = '';
      for (let index = 0; index < keystrokes; index++) {
        typed += 'abcdefghij klmnopqrst'[index % 21];
        const start = performance.now();
        draftId = call('voice.saveDraft', {
          initiativeId,
          draft: { focusGroupId, noteId: draftId, text: typed },
        }).id;
        committed.push(performance.now() - start);
        if (waitForDisk) {
          await store.durable();
          onDisk.push(performance.now() - start);
        }
      }
      return { committed, onDisk };
    };
    const capture = await typeNote(groupIds[0], true);
    store.db.pragma('synchronous = FULL');
    const full = await typeNote(groupIds[1], false);
    store.db.pragma('synchronous = NORMAL');
    const like = medianMs(5, () => {
      store.db
        .prepare("SELECT count(*) FROM voice_notes WHERE text LIKE '%interpreter%' AND text LIKE '%childcare%'")
        .get();
    });
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    const captureP50 = percentile(capture.committed, 0.5);
    const captureP99 = percentile(capture.committed, 0.99);
    const diskP50 = percentile(capture.onDisk, 0.5);
    const diskP99 = percentile(capture.onDisk, 0.99);
    const fullP99 = percentile(full.committed, 0.99);
    console.log(
      `voice search over ${notes} notes: ${queries} queries p50 ${formatMs(p50)}, p95 ${formatMs(p95)}; ` +
        `five most common words max ${formatMs(Math.max(...common))}; capture keystroke to committed row p50 ${formatMs(captureP50)}, p99 ${formatMs(captureP99)}, to on disk p99 ${formatMs(diskP99)}, with synchronous = FULL p99 ${formatMs(fullP99)}; LIKE scan ${formatMs(like)}`,
    );
    return [
      {
        name: `Voice search, ${notes.toLocaleString('en')} notes, ${queries} queries (p95)`,
        value: formatMs(p95),
        target: 'p95 under 10 ms',
        met: p95 < 10,
        note: `p50 ${formatMs(p50)}; notes drawn from a 3,000-word Zipf vocabulary; one to three words (every fifth a two- or three-letter prefix), a quarter each with no filter, a theme, a kind, one focus group; 100 hits with their count (counted up to 1,000); the five most common words (each in most notes) took up to ${formatMs(Math.max(...common))}; a LIKE scan of the same notes (count only, no index) took ${formatMs(like)}`,
      },
      {
        name: 'Capture: keystroke to committed draft row (p99)',
        value: formatMs(captureP99),
        target: 'p99 under 10 ms',
        met: captureP99 < 10,
        note: `p50 ${formatMs(captureP50)}; ${keystrokes} keystrokes of one note through voice.saveDraft, each one write-path transaction (WAL, synchronous = NORMAL); the background flush had each on the disk after p50 ${formatMs(diskP50)}, p99 ${formatMs(diskP99)}; the same keystrokes with synchronous = FULL (each commit waits for the disk, as before): p99 ${formatMs(fullP99)}, ${(fullP99 / captureP99).toFixed(1)}× NORMAL's; the disk wait grows with other load on the machine, which this run measures as it is`,
      },
    ];
  } finally {
    library.close();
  }
}

// Runnable alone: `npx tsx tests/bench/voice-search.bench.ts` (the full bench also runs the map).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-voice-bench-'));
  try {
    for (const figure of await benchVoiceSearch(dir)) console.log(`${figure.name}: ${figure.value} (${figure.target})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
