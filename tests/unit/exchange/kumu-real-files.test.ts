import ExcelJS from 'exceljs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { importRequest, workbookBytes } from '../../fixtures/exchange/build';
import { comparableRelationships, openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

/*
 * What Kumu files from real projects hold, and what a facilitator's CSV holds: odd cells are kept
 * and told about per row (a notice, translated in the renderer), never a reason to refuse a file.
 */

let fixture: ExchangeFixture;
let initiativeId: string;
const open: ExchangeFixture[] = [];
beforeEach(() => {
  fixture = openExchangeFixture();
  open.push(fixture);
  initiativeId = fixture.initiativeId;
});
afterAll(() => open.forEach((each) => each.close()));

const xlsx = async (sheets: Record<string, (string | number | null)[][]>) =>
  importRequest(initiativeId, 'kumu-xlsx', await workbookBytes(sheets));
const json = (data: unknown) => importRequest(initiativeId, 'kumu-json', JSON.stringify(data));
const codes = (preview: { notices: { where: string; code: string }[] }) =>
  preview.notices.map(({ where, code }) => `${where}: ${code}`);

describe('Kumu cells a partner field cannot hold', () => {
  it('keeps "High" in Influence and an over-long tag in the notes, with a notice, and imports', async () => {
    const longTag = 'Community health worker network, north district';
    const request = await xlsx({
      Elements: [
        ['Label', 'Influence', 'Tags', 'Description'],
        ['Harbour Clinic', 'High', `health|${longTag}`, 'Walk-in clinic'],
        ['Food Bank', 3, 'food', ''],
      ],
    });
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual([
      { where: 'Elements row 2', code: 'kept_in_notes', params: { field: 'influence', value: 'High' } },
      { where: 'Elements row 2', code: 'kept_in_notes', params: { field: 'tags', value: longTag } },
    ]);
    fixture.ok('partners.import.commit', request);
    const clinic = fixture.partners().find((partner) => partner.name === 'Harbour Clinic');
    expect(clinic).toMatchObject({
      influence: null,
      tags: ['health'],
      notes: `Walk-in clinic\nInfluence: High\nTag: ${longTag}`,
    });
  });

  it('reads date cells as ISO dates, and says when a formula was saved without its result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Elements');
    sheet.addRow(['Label', 'Description', 'Tags']);
    sheet.addRow(['Harbour Clinic', new Date(Date.UTC(2024, 2, 15)), 'health']);
    sheet.addRow(['Food Bank', 'Pantry', '']);
    sheet.getCell('C3').value = { formula: 'C2&"|food"' } as ExcelJS.CellFormulaValue;
    const request = importRequest(initiativeId, 'kumu-xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(codes(preview)).toEqual(['Elements row 3: formula_without_value']);
    expect(preview.notices[0].params).toEqual({ column: 'Tags' });
    fixture.ok('partners.import.commit', request);
    expect(fixture.partners().find((partner) => partner.name === 'Harbour Clinic')?.notes).toBe('2024-03-15');
  });
});

describe('Kumu connections', () => {
  it('creates the element a connection names when the file lacks it, with a notice', async () => {
    const request = await xlsx({
      Elements: [['Label'], ['Harbour Clinic']],
      Connections: [
        ['From', 'To', 'Type'],
        ['Harbour Clinic', 'City Council', 'reports to'],
        ['City Council', 'Harbour Clinic', 'funds'],
      ],
    });
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ partners: 2, relationships: 2 });
    expect(codes(preview)).toEqual(['Connections row 2: element_created']);
    fixture.ok('partners.import.commit', request);
    expect(comparableRelationships(fixture.relationships(), fixture.partners())).toEqual([
      { from: 'City Council', to: 'Harbour Clinic', kind: 'funds', strength: 2, note: '', direction: 'directed' },
      { from: 'Harbour Clinic', to: 'City Council', kind: 'reports_to', strength: 2, note: '', direction: 'directed' },
    ]);
  });

  it('a word in Strength goes to the note, and a label two elements share joins the first', async () => {
    const request = await xlsx({
      Elements: [['Label'], ['Youth Council'], ['Youth Council'], ['Food Bank']],
      Connections: [
        ['From', 'To', 'Strength'],
        ['Food Bank', 'Youth Council', 'strong'],
      ],
    });
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual([
      { where: 'Elements row 3', code: 'duplicate_name', params: { name: 'Youth Council', first: 'Elements row 2' } },
      {
        where: 'Connections row 2',
        code: 'ambiguous_end',
        params: { name: 'Youth Council', first: 'Elements row 2' },
      },
      { where: 'Connections row 2', code: 'kept_in_notes', params: { field: 'strength', value: 'strong' } },
    ]);
    fixture.ok('partners.import.commit', request);
    expect(fixture.relationships()).toMatchObject([{ strength: 2, note: 'Strength: strong' }]);
  });

  it('an attribute named from or to does not move the real end of a connection', () => {
    const request = json({
      elements: [
        { _id: 'e1', attributes: { label: 'Harbour Clinic', id: 'not-the-id' } },
        { _id: 'e2', attributes: { label: 'Food Bank' } },
      ],
      connections: [{ _id: 'c1', from: 'e1', to: 'e2', attributes: { from: 'Somewhere else', To: 'e1' } }],
    });
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(codes(preview)).toEqual([
      'Elements item 1: reserved_attribute',
      'Connections item 1: reserved_attribute',
      'Connections item 1: reserved_attribute',
    ]);
    fixture.ok('partners.import.commit', request);
    expect(comparableRelationships(fixture.relationships(), fixture.partners())).toEqual([
      { from: 'Harbour Clinic', to: 'Food Bank', kind: 'partners_with', strength: 2, note: '', direction: 'directed' },
    ]);
  });

  it("keeps each connection's direction as Kumu gives it, and reads a word it does not use as directed", async () => {
    const request = await xlsx({
      Elements: [['Label'], ['A'], ['B'], ['C'], ['D']],
      Connections: [
        ['From', 'To', 'Connection Direction'],
        ['A', 'B', 'mutual'],
        ['B', 'C', 'Undirected'],
        ['C', 'A', 'directed'],
        ['D', 'A', ''],
        ['D', 'B', 'sideways'],
      ],
    });
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual([
      { where: 'Connections row 6', code: 'unknown_direction', params: { value: 'sideways' } },
    ]);
    fixture.ok('partners.import.commit', request);
    const ways = () =>
      comparableRelationships(fixture.relationships(), fixture.partners()).map(
        (r) => `${r.from}>${r.to} ${r.direction}`,
      );
    expect(ways()).toEqual(['A>B mutual', 'B>C undirected', 'C>A directed', 'D>A directed', 'D>B directed']);
    // Importing it again changes nothing: one relationship per connection, matched by its ends.
    expect(fixture.ok('partners.import.commit', request)).toMatchObject({ relationshipsAdded: 0 });
    expect(ways()).toHaveLength(5);
  });
});

describe('Kumu export of relationships that run both ways', () => {
  it('writes each relationship with its own direction, and the import reads the same back', () => {
    const a = fixture.addPartner({ name: 'A' });
    const b = fixture.addPartner({ name: 'B' });
    const c = fixture.addPartner({ name: 'C' });
    // Two one-way relationships that mirror each other stay two: only a mutual one is written mutual.
    fixture.relate(a.id, b.id, 'shares_data_with', 3, 'monthly');
    fixture.relate(b.id, a.id, 'shares_data_with', 3, 'monthly');
    const both = fixture.relate(a.id, c.id, 'funds', 2);
    fixture.ok('relationships.update', {
      initiativeId,
      relationshipId: both.id,
      patch: { direction: 'mutual' },
    });
    const exported = JSON.parse(fixture.exportFile('kumu-json').bytes.toString('utf8')) as {
      connections: { 'connection direction': string }[];
    };
    expect(exported.connections.map((connection) => connection['connection direction']).sort()).toEqual([
      'directed',
      'directed',
      'mutual',
    ]);
    const before = comparableRelationships(fixture.relationships(), fixture.partners());
    const target = fixture.newInitiative('Copy');
    fixture.ok(
      'partners.import.commit',
      importRequest(target, 'kumu-json', fixture.exportFile('kumu-json').bytes.toString('utf8')),
    );
    expect(comparableRelationships(fixture.relationships(target), fixture.partners(target))).toEqual(before);
  });
});

describe('rows that name the same partner', () => {
  it('two Kumu elements with one label are two partners, and re-importing the file updates both', async () => {
    const request = await xlsx({
      Elements: [
        ['Label', 'Description'],
        ['Youth Council', 'North side'],
        ['Youth Council', 'South side'],
      ],
    });
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual([
      {
        where: 'Elements row 3',
        code: 'duplicate_name',
        params: { name: 'Youth Council', first: 'Elements row 2' },
      },
    ]);
    expect(fixture.ok('partners.import.commit', request)).toMatchObject({ partnersAdded: 2 });
    expect(fixture.preview(request).errors).toEqual([]);
    expect(fixture.ok('partners.import.commit', request)).toMatchObject({ partnersAdded: 0, partnersUpdated: 2 });
    expect(
      fixture
        .partners()
        .map((partner) => partner.notes)
        .sort(),
    ).toEqual(['North side', 'South side']);
  });
});

describe('a CSV with things a person would want to know', () => {
  it('warns per row about a repeated name, a sector not in the list and an email that is not one', () => {
    fixture.addPartner({ name: 'Ana Ruiz', sector: 'Mobile health vans' });
    const request = importRequest(
      initiativeId,
      'csv',
      'Name,Sector,Email\nHarbour Clinic,health,clinic@example.org\nHarbour Clinic,Helth,clinic.example.org\nBay Vans,Mobile health vans,\n',
    );
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual([
      { where: 'line 3', code: 'invalid_email', params: { value: 'clinic.example.org' } },
      { where: 'line 3', code: 'duplicate_name', params: { name: 'Harbour Clinic', first: 'line 2' } },
      { where: 'line 3', code: 'unknown_sector', params: { sector: 'Helth' } },
    ]);
    expect(fixture.ok('partners.import.commit', request)).toMatchObject({ partnersAdded: 3 });
  });
});
