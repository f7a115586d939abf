import type { ExportFile } from '../../contract/exchange';
import type { InitiativeStore } from '../../store/initiative-store';
import { spreadsheetCsv } from '../csv/spreadsheet-csv';
import { safeFileName } from '../exchange/export';

const headers = [
  'Focus group',
  'Session',
  'Session date',
  'Captured',
  'Kind',
  'Consent',
  'Participant',
  'Themes',
  'Text',
];

/**
 * Voice notes as CSV for a qualitative-research tool or a spreadsheet. Only notes that may leave
 * their focus group are read (the shared view): internal-only notes and withdrawn participants'
 * notes never reach this code, and anonymous notes carry no pseudonym.
 */
export function exportNotesCsv(store: InitiativeStore, focusGroupId?: string): ExportFile {
  const groups = new Map(store.groups.list().map((group) => [group.id, group.name]));
  const sessions = new Map(store.sessions.list().map((session) => [session.id, session]));
  const themes = new Map(store.themes.list().map((theme) => [theme.id, theme.name]));
  const notes = store.notes.sharedList().filter((note) => !focusGroupId || note.focusGroupId === focusGroupId);
  const rows = notes.map((note) => {
    const session = note.sessionId ? sessions.get(note.sessionId) : undefined;
    return [
      groups.get(note.focusGroupId) ?? '',
      session?.title ?? '',
      session?.startsAt ?? '',
      note.capturedAt,
      note.kind,
      note.consent,
      note.consent === 'named' ? (note.pseudonym ?? '') : '',
      note.themeIds
        .map((id) => themes.get(id) ?? '')
        .filter(Boolean)
        .join('; '),
      note.text,
    ];
  });
  const scope = focusGroupId ? (groups.get(focusGroupId) ?? 'focus group') : store.initiative.get().name;
  const date = new Date().toISOString().slice(0, 10);
  const content = spreadsheetCsv([headers, ...rows]);
  return {
    fileName: `${safeFileName(`${date} ${scope} - voice notes`)}.csv`,
    mimeType: 'text/csv',
    contentBase64: Buffer.from(content, 'utf8').toString('base64'),
  };
}
