import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, dispatchAsync, type HandlerMap } from '../../../src-main/features/handlers';
import type { InitiativeLibrary } from '../../../src-main/store/library';
import { makeTempDir } from '../../fixtures/temp-dir';
import { created, openExportHandlers, value } from '../../fixtures/export-handlers';

/**
 * The formula canary: a cell that starts with = + - @, a tab or a carriage return is run as a
 * formula by some spreadsheet program. Such text is planted in every field that reaches a CSV, every
 * CSV the app can write is made through the real handlers, and no cell of any of them may start
 * with one of those characters unguarded.
 */
const payloads = ['=HYPERLINK("x")', '+SUM(1,1)', '-2+3', '@cmd', '\tTAB=1', '\rCR=1'];
const formulaStart = /^[=+\-@\t\r]/;
const srcMain = join(import.meta.dirname, '..', '..', '..', 'src-main');

const temp = makeTempDir('common-ground-csv-');
let library: InitiativeLibrary;
let handlers: HandlerMap;
let initiativeId = '';
let sessionId = '';

const call = (channel: string, input: Record<string, unknown>) => created(handlers, channel, input);

beforeAll(() => {
  ({ library, handlers } = openExportHandlers(temp.dir));
  initiativeId = call('initiatives.create', { name: 'Formula canary' }).id;
  const owners = payloads.map(
    (payload) =>
      call('partners.create', {
        initiativeId,
        partner: { name: `${payload} org`, sector: 'health', notes: payload, tags: [payload] },
      }).id,
  );
  const { id: focusGroupId } = call('groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: '=focus group' },
  });
  const { id: participantId } = call('participants.create', {
    initiativeId,
    participant: { focusGroupId, consent: 'named', pseudonym: 'Maribel' },
  });
  const notes = payloads.map((text) => {
    const draft = call('voice.saveDraft', { initiativeId, draft: { focusGroupId, participantId, text } });
    return call('voice.capture', { initiativeId, noteId: draft.id }).id;
  });
  sessionId = call('sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'Canary table', startsAt: '2026-11-23T18:00' },
  }).id;
  call('voice.carry', { initiativeId, sessionId, noteIds: notes });
  payloads.forEach((payload, index) => {
    const item = call('agenda.add', { initiativeId, sessionId, item: { title: payload, purpose: 'decide' } });
    call('decisions.record', {
      initiativeId,
      decision: {
        sessionId,
        agendaItemId: item.id,
        text: payload,
        method: 'consensus',
        rationale: payload,
        noteIds: [notes[index]],
      },
    });
    call('actions.add', {
      initiativeId,
      action: { text: payload, ownerId: owners[index], dueDate: '2026-12-01', sessionId },
    });
  });
});

afterAll(() => {
  library.close();
  temp.cleanup();
});

async function everyCsv(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const decode = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64').toString('utf8');
  for (const includeContacts of [false, true])
    files.set(
      `partners (contacts ${includeContacts})`,
      decode(value(dispatch(handlers, 'partners.export', { initiativeId, format: 'csv', includeContacts }))),
    );
  files.set('voice notes', decode(value(dispatch(handlers, 'voice.exportCsv', { initiativeId }))));
  for (const format of ['decisions-csv', 'actions-csv'])
    for (const language of ['en', 'ar'])
      files.set(
        `${format} ${language}`,
        decode(value(await dispatchAsync(handlers, 'summary.export', { initiativeId, sessionId, format, language }))),
      );
  return files;
}

describe('every CSV the app writes', () => {
  it('guards every cell that a spreadsheet would run as a formula', async () => {
    const files = await everyCsv();
    for (const [name, text] of files) {
      expect(text.startsWith('\ufeff'), `${name} starts with a BOM`).toBe(true);
      const rows = Papa.parse<string[]>(text.slice(1)).data;
      const cells = rows.flat();
      for (const cell of cells) expect(formulaStart.test(cell), `${name}: ${JSON.stringify(cell)}`).toBe(false);
      // The planted text is there, behind its quote: guarded, not dropped.
      for (const payload of payloads.slice(0, 4))
        expect(cells.includes(`'${payload}`), `${name} holds '${payload}`).toBe(true);
    }
    // Tab- and CR-first text survives in the notes and the decisions (other fields are trimmed).
    for (const name of ['voice notes', 'decisions-csv en'])
      for (const payload of payloads.slice(4))
        expect(Papa.parse<string[]>(files.get(name)!.slice(1)).data.flat(), name).toContain(`'${payload}`);
  });

  it('are all written by the one guarded writer', () => {
    const writers: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && /\bunparse\(/.test(readFileSync(path, 'utf8')))
          writers.push(relative(srcMain, path));
      }
    };
    walk(srcMain);
    expect(writers).toEqual([join('features', 'csv', 'spreadsheet-csv.ts')]);
  });
});
