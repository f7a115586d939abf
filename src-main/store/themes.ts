import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../contract/result';
import type { SharedQuote, Theme, ThemePatch, ThemeReport } from '../contract/voice';
import type { Db } from './connection';
import { oneOf, text, toColumns } from './rows';
import { linkId } from './voice-notes';
import type { RowChange, WritePath } from './write-path';

interface ThemeRow {
  id: string;
  name: string | null;
  colour: string | null;
  description: string | null;
  parent_id: string | null;
  category: number;
  qdc_guid: string | null;
  note_count: number;
}

/** A theme as the codebook file holds it. */
export interface CodebookEntry {
  id: string;
  guid: string;
  name: string;
  colour: string;
  description: string;
  parentId: string | null;
  codable: boolean;
}

const columnOf: Record<keyof ThemePatch, string> = { name: 'name', colour: 'colour', description: 'description' };
export const defaultThemeColour = '#8a5a00';

/** How many quotes the theme view shows per theme. */
const quotesPerTheme = 3;

function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    name: text(row.name),
    colour: /^#[0-9a-f]{6}$/i.test(text(row.colour)) ? text(row.colour) : defaultThemeColour,
    description: text(row.description),
    parentId: row.parent_id || null,
    codable: !row.category,
    noteCount: row.note_count,
  };
}

/** The codebook. Counts and quotes only ever come from notes that may leave their focus group. */
export function createThemeRepository(db: Db, writePath: WritePath) {
  const select = `SELECT t.id, t.name, t.colour, t.description, t.parent_id, t.category, t.qdc_guid,
      (SELECT count(*) FROM note_themes nt JOIN shared_voice_notes v ON v.id = nt.note_id
       WHERE nt.theme_id = t.id AND nt.tombstone = 0) AS note_count
    FROM themes t`;
  const selectAll = db.prepare(`${select} WHERE t.tombstone = 0 ORDER BY t.name COLLATE NOCASE, t.id`);
  const selectOne = db.prepare(`${select} WHERE t.id = ? AND t.tombstone = 0`);
  const exists = db.prepare('SELECT 1 FROM themes WHERE id = ?').pluck();
  // `IS NOT NULL` lets SQLite use the partial index themes_by_qdc_guid.
  const byGuid = db
    .prepare('SELECT id FROM themes WHERE qdc_guid IS NOT NULL AND lower(qdc_guid) = lower(?) ORDER BY tombstone, id')
    .pluck();
  const nameTaken = db.prepare('SELECT id FROM themes WHERE tombstone = 0 AND lower(name) = lower(?)').pluck();
  const linksOf = db.prepare('SELECT id, note_id FROM note_themes WHERE theme_id = ? AND tombstone = 0');
  const sharedTagged = db.prepare(
    `SELECT nt.theme_id, v.id, v.focus_group_id, v.kind, v.text, v.consent, v.pseudonym
     FROM note_themes nt JOIN shared_voice_notes v ON v.id = nt.note_id
     JOIN themes t ON t.id = nt.theme_id AND t.tombstone = 0
     WHERE nt.tombstone = 0 ORDER BY v.kind = 'quote' DESC, v.captured_at DESC, v.id`,
  );

  function get(id: string): Theme {
    const row = selectOne.get(id) as ThemeRow | undefined;
    if (!row) throw new AppError('not_found', 'No theme with that id in this initiative.');
    return toTheme(row);
  }

  function checkName(name: string, self?: string): void {
    const clash = (nameTaken.all(name) as string[]).some((id) => id !== self);
    if (clash) throw new AppError('invalid_input', `The codebook already has a theme called "${name}".`);
  }

  function create(theme: Required<ThemePatch>, id: string = uuidv7()): Theme {
    checkName(theme.name);
    writePath.write([
      {
        table: 'themes',
        row: id,
        values: { ...toColumns(theme, columnOf), merged_into: null, parent_id: null, category: 0, tombstone: 0 },
      },
    ]);
    return get(id);
  }

  function update(id: string, patch: ThemePatch): Theme {
    get(id);
    if (patch.name !== undefined) checkName(patch.name, id);
    const values = toColumns(patch, columnOf);
    if (Object.keys(values).length > 0) writePath.write([{ table: 'themes', row: id, values }]);
    return get(id);
  }

  /** A deleted theme keeps its links, so restoring it brings its notes back. */
  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'themes', row: id, values: { tombstone: 1 } }]);
  }

  function restore(id: string): Theme {
    if (!exists.get(id)) throw new AppError('not_found', 'No theme with that id in this initiative.');
    writePath.write([{ table: 'themes', row: id, values: { tombstone: 0, merged_into: null } }]);
    return get(id);
  }

  /** Every note of the source moves to the target in one transaction; the source is retired. */
  function merge(sourceId: string, targetId: string): Theme {
    if (sourceId === targetId) throw new AppError('invalid_input', 'A theme cannot be merged into itself.');
    get(sourceId);
    get(targetId);
    const changes: RowChange[] = [];
    for (const link of linksOf.all(sourceId) as { id: string; note_id: string }[]) {
      changes.push({ table: 'note_themes', row: link.id, values: { tombstone: 1 } });
      changes.push({
        table: 'note_themes',
        row: linkId(link.note_id, targetId),
        values: { note_id: link.note_id, theme_id: targetId, tombstone: 0 },
      });
    }
    changes.push({ table: 'themes', row: sourceId, values: { tombstone: 1, merged_into: targetId } });
    writePath.write(changes);
    return get(targetId);
  }

  /** Counts per focus group and a few quotes per theme, as they may be shown at the table. */
  function report(): ThemeReport {
    const byTheme = new Map<string, { total: number; groups: Map<string, number>; quotes: SharedQuote[] }>();
    for (const theme of selectAll.all() as ThemeRow[])
      byTheme.set(theme.id, { total: 0, groups: new Map(), quotes: [] });
    type Tagged = {
      theme_id: string;
      id: string;
      focus_group_id: string;
      kind: string;
      text: string;
      consent: string;
      pseudonym: string | null;
    };
    for (const row of sharedTagged.all() as Tagged[]) {
      const entry = byTheme.get(row.theme_id);
      if (!entry) continue;
      entry.total++;
      entry.groups.set(row.focus_group_id, (entry.groups.get(row.focus_group_id) ?? 0) + 1);
      if (entry.quotes.length < quotesPerTheme) {
        const consent = oneOf(['named', 'anonymous'] as const, row.consent, 'anonymous');
        entry.quotes.push({
          noteId: row.id,
          focusGroupId: row.focus_group_id,
          text: text(row.text),
          kind: oneOf(['quote', 'observation', 'concern', 'idea'] as const, row.kind, 'observation'),
          consent,
          pseudonym: consent === 'named' ? row.pseudonym || null : null,
        });
      }
    }
    return [...byTheme].map(([themeId, entry]) => ({
      themeId,
      total: entry.total,
      perFocusGroup: [...entry.groups].map(([focusGroupId, count]) => ({ focusGroupId, count })),
      quotes: entry.quotes,
    }));
  }

  /**
   * Brings in a codebook: a theme with the same codebook guid, else the same id, else the same name
   * is updated; the rest are created, under their parents. All in one transaction, so a second
   * import of the same file changes nothing.
   */
  function importCodebook(items: readonly CodebookEntry[]) {
    const outcome = { created: 0, updated: 0, unchanged: 0 };
    const changes: RowChange[] = [];
    const rowById = db.prepare('SELECT * FROM themes WHERE id = ?');
    const seen = new Set<string>();
    // The file's ids (new ones for codes seen the first time) to the themes they land on.
    const landed = new Map<string, string>();
    for (const item of items) {
      // A codebook naming one theme twice brings it in once.
      if (seen.has(item.name.toLowerCase()) || seen.has(item.id)) continue;
      seen.add(item.name.toLowerCase()).add(item.id);
      const byName = (nameTaken.all(item.name) as string[])[0];
      const guidMatch = item.guid ? (byGuid.all(item.guid) as string[])[0] : undefined;
      const matchId = guidMatch ?? (exists.get(item.id) ? item.id : byName);
      const existing = (matchId ? rowById.get(matchId) : undefined) as (ThemeRow & { tombstone: number }) | undefined;
      const parentId = item.parentId ? (landed.get(item.parentId) ?? null) : null;
      const values = {
        name: item.name,
        colour: item.colour,
        description: item.description,
        parent_id: parentId,
        category: item.codable ? 0 : 1,
        // A code the file gave no usable guid keeps the one it may have had from an earlier import.
        ...(item.guid ? { qdc_guid: item.guid } : {}),
        tombstone: 0,
      };
      if (!existing) {
        outcome.created++;
        landed.set(item.id, item.id);
        changes.push({ table: 'themes', row: item.id, values: { ...values, merged_into: null } });
        continue;
      }
      landed.set(item.id, existing.id);
      const same =
        !existing.tombstone &&
        text(existing.name) === item.name &&
        text(existing.colour).toLowerCase() === item.colour.toLowerCase() &&
        text(existing.description) === item.description &&
        (existing.parent_id || null) === parentId &&
        !existing.category === item.codable &&
        (!item.guid || (existing.qdc_guid || existing.id) === item.guid);
      if (same) {
        outcome.unchanged++;
        continue;
      }
      if (byName && byName !== existing.id) {
        throw new AppError('invalid_input', `The codebook already has another theme called "${item.name}".`);
      }
      outcome.updated++;
      changes.push({ table: 'themes', row: existing.id, values });
    }
    if (changes.length > 0) writePath.write(changes);
    return outcome;
  }

  /** The codebook as a file holds it: the guid each theme came with, parents and categories. */
  function codebook(): CodebookEntry[] {
    return (selectAll.all() as ThemeRow[]).map((row) => {
      const theme = toTheme(row);
      return {
        id: theme.id,
        guid: row.qdc_guid || theme.id,
        name: theme.name,
        colour: theme.colour,
        description: theme.description,
        parentId: theme.parentId,
        codable: theme.codable,
      };
    });
  }

  return {
    importCodebook,
    codebook,
    list: () => (selectAll.all() as ThemeRow[]).map(toTheme),
    get,
    create,
    update,
    remove,
    restore,
    merge,
    report,
  };
}

export type ThemeRepository = ReturnType<typeof createThemeRepository>;
