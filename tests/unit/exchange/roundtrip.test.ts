import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Partner } from '../../../src-main/contract/partners';
import { importRequest, readWithExcelJs } from '../../fixtures/exchange/build';
import { comparable, comparableRelationships, openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

let fixture: ExchangeFixture;
let partners: Partner[];

/** An initiative with every kind of value an export has to carry, awkward characters included. */
beforeAll(() => {
  fixture = openExchangeFixture('Eastside: Cradle/Career <2026>?');
  const clinic = fixture.addPartner({
    name: 'Eastside Clinic & "Partners"',
    sector: 'health',
    tags: ['north', 'walk-in'],
    influence: 5,
    interest: 3,
    stage: 'committed',
    email: 'clinic@example.org',
    phone: '+1 555 0100',
    notes: 'Line one\nLine two, with <b>tags</b> & a tab\there',
  });
  const ana = fixture.addPartner({
    name: 'Ana Ruiz',
    kind: 'person',
    sector: 'community',
    organisationId: clinic.id,
    livedExperience: true,
    stage: 'champion',
    email: 'ana@example.org',
  });
  const church = fixture.addPartner({ name: 'Iglesia San José', sector: 'Youth ministry', tags: ['español'] });
  const formula = fixture.addPartner({
    name: '=HYPERLINK("http://evil.example")',
    sector: 'other',
    phone: '-5',
    notes: '@risk',
  });
  fixture.addPartner({ name: 'Zoë 🌱 Ng', kind: 'person', interest: 1 });
  fixture.relate(church.id, clinic.id, 'funds', 3, 'Annual grant "core"');
  const tie = fixture.relate(ana.id, church.id, 'partners_with', 1);
  const both = fixture.relate(clinic.id, formula.id, 'co-hosts', 2, 'custom kind');
  // One relationship of each direction, so the round trip carries all three.
  for (const [relationship, direction] of [
    [tie, 'undirected'],
    [both, 'mutual'],
  ] as const)
    fixture.ok('relationships.update', {
      initiativeId: fixture.initiativeId,
      relationshipId: relationship.id,
      patch: { direction },
    });
  partners = fixture.partners();
});
afterAll(() => fixture.close());

const importable = ['csv', 'kumu-json', 'kumu-xlsx', 'gexf', 'graphml'] as const;

describe.each(importable)('%s round trip', (format) => {
  it('export then import into an empty initiative gives the same partners and relationships', () => {
    const file = fixture.exportFile(format, true);
    const target = fixture.newInitiative(`Copy for ${format}`);
    const request = importRequest(target, format, file.bytes);
    expect(fixture.preview(request).errors).toEqual([]);
    const outcome = fixture.ok('partners.import.commit', request);
    const relationshipCount = format === 'csv' ? 0 : 3;
    expect(outcome).toEqual({
      partnersAdded: partners.length,
      partnersUpdated: 0,
      relationshipsAdded: relationshipCount,
    });
    const copied = fixture.partners(target);
    expect(comparable(copied)).toEqual(comparable(partners));
    expect(copied.map((p) => p.id).sort()).toEqual(partners.map((p) => p.id).sort());
    if (format !== 'csv') {
      expect(comparableRelationships(fixture.relationships(target), copied)).toEqual(
        comparableRelationships(fixture.relationships(), partners),
      );
    }

    // Importing the same file again updates in place and writes nothing new.
    const logBefore = fixture.fullDump();
    expect(fixture.ok('partners.import.commit', request)).toEqual({
      partnersAdded: 0,
      partnersUpdated: partners.length,
      relationshipsAdded: 0,
    });
    expect(fixture.fullDump()).toEqual(logBefore);
  });

  it('an edited export updates the partners it names', () => {
    const target = fixture.newInitiative(`Edit for ${format}`);
    fixture.ok('partners.import.commit', importRequest(target, format, fixture.exportFile(format, false).bytes));
    const renamed = fixture.partners(target).find((p) => p.name === 'Ana Ruiz');
    fixture.ok('partners.update', {
      initiativeId: target,
      partnerId: renamed?.id,
      patch: { name: 'Ana R.', tags: ['moved'] },
    });
    const edited = fixture.exportFile(format, false, target);
    const outcome = fixture.ok('partners.import.commit', importRequest(fixture.initiativeId, format, edited.bytes));
    expect(outcome.partnersAdded).toBe(0);
    const updated = fixture.partners().find((p) => p.id === renamed?.id);
    expect(updated).toMatchObject({ name: 'Ana R.', tags: ['moved'], email: 'ana@example.org' });
    fixture.ok('partners.update', {
      initiativeId: fixture.initiativeId,
      partnerId: renamed?.id,
      patch: { name: 'Ana Ruiz', tags: [] },
    });
  });
});

describe('exported files', () => {
  it('are named after the initiative, with characters file systems refuse replaced', () => {
    expect(fixture.exportFile('csv').fileName).toBe('Eastside_ Cradle_Career _2026__ - partners.csv');
    expect(fixture.exportFile('kumu-xlsx').mimeType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('CSV starts with a BOM and guards cells a spreadsheet would run as formulas', () => {
    const text = fixture.exportFile('csv', true).bytes.toString('utf8');
    expect(text.startsWith('\ufeffID,Name,Kind')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain("'-5");
    expect(text).not.toMatch(/[,\n]=HYPERLINK/);
  });

  it('Kumu XLSX opens in ExcelJS with Elements and Connections sheets', async () => {
    const sheets = await readWithExcelJs(fixture.exportFile('kumu-xlsx', false).bytes);
    expect(Object.keys(sheets)).toEqual(['Elements', 'Connections']);
    expect(sheets.Elements[0].slice(0, 4)).toEqual(['ID', 'Label', 'Type', 'Sector']);
    expect(sheets.Elements.map((row) => row[1])).toContain('Eastside Clinic & "Partners"');
    expect(sheets.Connections.map((row) => row[3]).sort()).toEqual(['Type', 'co-hosts', 'funds', 'partners with']);
  });

  it.each(['gexf', 'graphml'] as const)(
    '%s is well-formed XML with a node per partner and an edge per relationship',
    (format) => {
      const xml = fixture.exportFile(format, true).bytes.toString('utf8');
      const parser = new SaxesParser({ xmlns: true });
      const nodes: Record<string, string> = {};
      const edges: { source: string; target: string; way: string }[] = [];
      const attributeValues: string[] = [];
      let currentNode = '';
      let inLabel = false;
      parser.on('opentag', (tag) => {
        const attr = (name: string) => String((tag.attributes[name] as { value?: string } | undefined)?.value ?? '');
        if (tag.local === 'node') {
          currentNode = attr('id');
          nodes[currentNode] = attr('label');
        }
        // GEXF names each edge's type; GraphML says directed true or false per edge.
        if (tag.local === 'edge')
          edges.push({
            source: attr('source'),
            target: attr('target'),
            way: attr(format === 'gexf' ? 'type' : 'directed'),
          });
        if (tag.local === 'attvalue') attributeValues.push(attr('value'));
        inLabel = tag.local === 'data' && attr('key') === 'label';
      });
      parser.on('text', (text) => {
        if (inLabel) nodes[currentNode] = text;
      });
      parser.on('closetag', () => {
        inLabel = false;
      });
      parser.write(xml).close();
      expect(Object.keys(nodes).sort()).toEqual(partners.map((p) => p.id).sort());
      expect(Object.values(nodes).sort()).toEqual(partners.map((p) => p.name).sort());
      expect(edges).toHaveLength(3);
      for (const edge of edges) expect(partners.map((p) => p.id)).toContain(edge.target);
      expect(edges.map((edge) => edge.way).sort()).toEqual(
        format === 'gexf' ? ['directed', 'mutual', 'undirected'] : ['false', 'true', 'true'],
      );
      // GraphML has no word for mutual: the edge's direction data says it, as a key Gephi reads.
      if (format === 'graphml') expect(xml).toMatch(/<data key="e_direction">mutual<\/data>/);
      if (format === 'gexf') expect(attributeValues).toContain('Line one\nLine two, with <b>tags</b> & a tab\there');
      else expect(xml).toContain('Line one&#10;Line two, with &lt;b&gt;tags&lt;/b&gt; &amp; a tab&#9;here');
    },
  );
});
