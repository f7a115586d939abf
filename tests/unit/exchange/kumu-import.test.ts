import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRequest, workbookBytes } from '../../fixtures/exchange/build';
import { comparableRelationships, openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

let fixture: ExchangeFixture;
beforeAll(() => {
  fixture = openExchangeFixture();
});
afterAll(() => fixture.close());

const elements = [
  ['Label', 'Type', 'Description', 'Tags', 'Shoe size', 'Email'],
  ['Eastside Clinic', 'Organization', 'Runs the "walk-in" clinic', 'health|north', '', 'clinic@example.org'],
  ['Ana Ruiz', 'person', '', 'parent | youth', '38', ''],
  ['First Baptist', 'Faith', '', '', '', ''],
  ['Youth League', 'Youth Sports', '', '', '', ''],
];

const connections = [
  ['From', 'To', 'Type', 'Label', 'Strength'],
  ['First Baptist', 'Eastside Clinic', 'Funds', '', 5],
  ['Ana Ruiz', 'Youth League', 'partners with', 'coach', 0],
  ['Eastside Clinic', 'Ana Ruiz', 'Refers to', '', 2.6],
  ['Youth League', 'First Baptist', 'mentors', '', null],
];

describe('Kumu XLSX', () => {
  it('imports elements and connections, skipping (ignore) sheets and finding sheets whatever their case', async () => {
    const bytes = await workbookBytes({
      'Read me (ignore)': [['Label'], [''], ['no label above would be an error']],
      elements,
      CONNECTIONS: connections,
    });
    const request = importRequest(fixture.initiativeId, 'kumu-xlsx', bytes);
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ partners: 4, relationships: 4 });
    expect(preview.warnings).toEqual(['Elements column "Shoe size" is not a partner field and is ignored.']);
    expect(preview.sample).toEqual([
      { name: 'Eastside Clinic', kind: 'organisation', sector: 'other', tags: ['health', 'north'] },
      { name: 'Ana Ruiz', kind: 'person', sector: 'other', tags: ['parent', 'youth'] },
      { name: 'First Baptist', kind: 'organisation', sector: 'faith', tags: [] },
      { name: 'Youth League', kind: 'organisation', sector: 'Youth Sports', tags: [] },
    ]);

    const outcome = fixture.ok('partners.import.commit', request);
    expect(outcome).toEqual({ partnersAdded: 4, partnersUpdated: 0, relationshipsAdded: 4 });
    const partners = fixture.partners();
    expect(partners.find((p) => p.name === 'Eastside Clinic')).toMatchObject({
      notes: 'Runs the "walk-in" clinic',
      email: 'clinic@example.org',
    });
    expect(comparableRelationships(fixture.relationships(), partners)).toEqual([
      {
        from: 'Ana Ruiz',
        to: 'Youth League',
        kind: 'partners_with',
        strength: 1,
        note: 'coach',
        direction: 'directed',
      },
      { from: 'Eastside Clinic', to: 'Ana Ruiz', kind: 'refers_to', strength: 3, note: '', direction: 'directed' },
      { from: 'First Baptist', to: 'Eastside Clinic', kind: 'funds', strength: 3, note: '', direction: 'directed' },
      { from: 'Youth League', to: 'First Baptist', kind: 'mentors', strength: 2, note: '', direction: 'directed' },
    ]);

    // The same file again matches by name and kind: nothing new.
    expect(fixture.ok('partners.import.commit', request)).toEqual({
      partnersAdded: 0,
      partnersUpdated: 4,
      relationshipsAdded: 0,
    });
    expect(fixture.partners()).toHaveLength(4);
    expect(fixture.relationships()).toHaveLength(4);
  });

  it('names the row of each problem: missing label, duplicate ID, a loop', async () => {
    const bytes = await workbookBytes({
      Elements: [
        ['ID', 'Label', 'Type'],
        ['e1', 'A', 'person'],
        ['e2', '', 'person'],
        ['E1', 'C', 'person'],
        ['e4', 'D', 'robot'],
      ],
      Connections: [
        ['From', 'To', 'Strength'],
        ['e1', 'e4', 1],
        ['e1', 'nobody', 1],
        ['e4', 'A', 'strong'],
        ['e1', 'e1', 1],
      ],
    });
    const preview = fixture.preview(importRequest(fixture.initiativeId, 'kumu-xlsx', bytes));
    expect(preview.errors).toEqual([
      { where: 'Elements row 3', message: 'The name is missing.' },
      { where: 'Elements row 4', message: expect.stringMatching(/"E1" is used by an earlier row/) },
      { where: 'Connections row 5', message: 'A connection needs two different elements.' },
    ]);
    // "robot" is neither a kind nor a known sector: a custom sector.
    expect(preview.sample.find((row) => row.name === 'D')?.sector).toBe('robot');
    const before = fixture.fullDump();
    expect(
      fixture.call('partners.import.commit', importRequest(fixture.initiativeId, 'kumu-xlsx', bytes)),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/3 problems.*Elements row 3/) },
    });
    expect(fixture.fullDump()).toEqual(before);
  });

  it('refuses a workbook without an Elements sheet, and bytes that are no workbook', async () => {
    const noElements = await workbookBytes({ 'Elements (ignore)': elements, Sheet1: [['x']] });
    expect(fixture.preview(importRequest(fixture.initiativeId, 'kumu-xlsx', noElements)).errors).toEqual([
      { where: 'workbook', message: 'The workbook has no sheet named Elements.' },
    ]);
    for (const junk of [
      'Label,Type\nA,person\n',
      Buffer.from([0x50, 0x4b, 0x05, 0x06, 1, 2, 3]),
      Buffer.alloc(400, 7),
    ]) {
      const preview = fixture.preview(importRequest(fixture.initiativeId, 'kumu-xlsx', junk));
      expect(preview.errors).toEqual([{ where: 'file', message: expect.stringMatching(/not an XLSX workbook/) }]);
    }
    const good = Buffer.from(await workbookBytes({ Elements: elements }));
    const truncated = good.subarray(0, good.length - 300);
    expect(fixture.preview(importRequest(fixture.initiativeId, 'kumu-xlsx', truncated)).errors[0].where).toBe('file');
    // Damage inside the Elements sheet's compressed data (the first copy of its name is its local header).
    const corrupted = Buffer.from(good);
    const sheetAt = corrupted.indexOf('xl/worksheets/sheet1.xml');
    corrupted.fill(0x41, sheetAt + 30, sheetAt + 200);
    expect(fixture.preview(importRequest(fixture.initiativeId, 'kumu-xlsx', corrupted)).errors).toEqual([
      { where: 'file', message: 'This is not an XLSX workbook (damaged entry).' },
    ]);
  });
});

describe('Kumu JSON', () => {
  it('reads the plain layout, with tags as a list or a | string', () => {
    const json = {
      elements: [
        { label: 'A', type: 'Person', tags: ['x', 'y'], description: 'note' },
        { label: 'B', type: 'Health', tags: 'p|q', 'lived experience': true },
      ],
      connections: [{ from: 'A', to: 'B', type: 'Shares data with', strength: 3 }],
    };
    const preview = fixture.preview(importRequest(fixture.initiativeId, 'kumu-json', JSON.stringify(json)));
    expect(preview.errors).toEqual([]);
    expect(preview.sample).toEqual([
      { name: 'A', kind: 'person', sector: 'other', tags: ['x', 'y'] },
      { name: 'B', kind: 'organisation', sector: 'health', tags: ['p', 'q'] },
    ]);
    expect(preview.relationships).toBe(1);
  });

  it("reads Kumu's own export, with fields under attributes and _id", () => {
    const json = {
      elements: [
        { _id: 'elem-1', attributes: { label: 'A', 'element type': 'Organization' } },
        { _id: 'elem-2', attributes: { label: 'B', 'element type': 'Person' } },
      ],
      connections: [{ _id: 'conn-1', from: 'elem-1', to: 'elem-2', attributes: { 'connection type': 'reports to' } }],
    };
    const preview = fixture.preview(importRequest(fixture.initiativeId, 'kumu-json', JSON.stringify(json)));
    expect(preview.errors).toEqual([]);
    expect(preview.sample.map((row) => row.kind)).toEqual(['organisation', 'person']);
    expect(preview.relationships).toBe(1);
  });

  it('refuses invalid JSON and JSON without elements', () => {
    const where = (text: string) => fixture.preview(importRequest(fixture.initiativeId, 'kumu-json', text)).errors;
    expect(where('{"elements": [')).toEqual([{ where: 'file', message: 'This is not valid JSON.' }]);
    expect(where('[1,2]')[0].message).toMatch(/"elements" list/);
  });
});
