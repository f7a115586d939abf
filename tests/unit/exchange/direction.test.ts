import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExportRequest } from '../../../src-main/contract/exchange';
import { importRequest, workbookBytes } from '../../fixtures/exchange/build';
import { comparableRelationships, openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

/*
 * Kumu's Connection Direction (directed, undirected, mutual) is kept as the relationship's own
 * direction: one relationship per connection, no notice, and every export writes it back.
 */

let fixture: ExchangeFixture;
const open: ExchangeFixture[] = [];
beforeEach(() => {
  fixture = openExchangeFixture();
  open.push(fixture);
});
afterAll(() => open.forEach((each) => each.close()));

const elements = ['Harbour Clinic', 'Food Bank', 'Youth Council'];
const connections: [string, string, string][] = [
  ['Harbour Clinic', 'Food Bank', 'undirected'],
  ['Food Bank', 'Youth Council', 'mutual'],
  ['Youth Council', 'Harbour Clinic', 'directed'],
];
const expected = [
  'Food Bank>Youth Council mutual',
  'Harbour Clinic>Food Bank undirected',
  'Youth Council>Harbour Clinic directed',
];

const kumuJson = () =>
  JSON.stringify({
    elements: elements.map((label) => ({ attributes: { label, 'element type': 'Organization' } })),
    connections: connections.map(([from, to, direction]) => ({
      from,
      to,
      direction,
      attributes: { 'connection type': 'partners with' },
    })),
  });
const kumuXlsx = () =>
  workbookBytes({
    Elements: [['Label'], ...elements.map((label) => [label])],
    Connections: [['From', 'To', 'Connection Direction'], ...connections],
  });

const ways = (initiativeId = fixture.initiativeId) =>
  comparableRelationships(fixture.relationships(initiativeId), fixture.partners(initiativeId)).map(
    (r) => `${r.from}>${r.to} ${r.direction}`,
  );

describe.each([
  ['kumu-json', async () => kumuJson()],
  ['kumu-xlsx', kumuXlsx],
] as const)('a %s file with an undirected and a mutual connection', (format, file) => {
  it('imports one relationship per connection, each with the direction the file gives, and no notice', async () => {
    const request = importRequest(fixture.initiativeId, format, await file());
    const preview = fixture.preview(request);
    expect(preview.errors).toEqual([]);
    expect(preview.notices).toEqual([]);
    expect(fixture.ok('partners.import.commit', request)).toMatchObject({ relationshipsAdded: 3 });
    expect(ways()).toEqual(expected);
  });

  it.each(['kumu-json', 'kumu-xlsx'] satisfies ExportRequest['format'][])(
    'import, export as %s and import again gives the same directions',
    async (exportFormat) => {
      fixture.ok('partners.import.commit', importRequest(fixture.initiativeId, format, await file()));
      const exported = fixture.exportFile(exportFormat);
      const copy = fixture.newInitiative('Copy');
      fixture.ok('partners.import.commit', importRequest(copy, exportFormat, exported.bytes));
      expect(ways(copy)).toEqual(expected);
      // And the copy's export matches the first one: the direction went out as it came in.
      fixture.ok('partners.import.commit', importRequest(fixture.initiativeId, exportFormat, exported.bytes));
      expect(ways()).toEqual(expected);
    },
  );
});

describe('a direction changed in the app', () => {
  it('is written by the write path, read back, and refused when it is not one of the three words', () => {
    const a = fixture.addPartner({ name: 'A' });
    const b = fixture.addPartner({ name: 'B' });
    const made = fixture.ok('relationships.create', {
      initiativeId: fixture.initiativeId,
      relationship: { fromId: a.id, toId: b.id, kind: 'funds', direction: 'undirected' },
    });
    expect(made.direction).toBe('undirected');
    const updated = fixture.ok('relationships.update', {
      initiativeId: fixture.initiativeId,
      relationshipId: made.id,
      patch: { direction: 'mutual' },
    });
    expect(updated.direction).toBe('mutual');
    const refused = fixture.call('relationships.update', {
      initiativeId: fixture.initiativeId,
      relationshipId: made.id,
      patch: { direction: 'sideways' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fixture.relationships()[0].direction).toBe('mutual');
    // A relationship made without a direction runs one way, as every relationship did before.
    expect(fixture.relate(b.id, a.id, 'refers_to').direction).toBe('directed');
  });
});
