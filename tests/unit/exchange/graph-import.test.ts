import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { importRequest } from '../../fixtures/exchange/build';
import { comparableRelationships, openExchangeFixture, type ExchangeFixture } from './exchange-fixture';

/*
 * GEXF and GraphML files as Gephi, yEd and NetworkX write them: each edge keeps the direction the
 * file gives it, and our own exports come back as they went out.
 */

let fixture: ExchangeFixture;
const open: ExchangeFixture[] = [];
beforeEach(() => {
  fixture = openExchangeFixture();
  open.push(fixture);
});
afterAll(() => open.forEach((each) => each.close()));

const ways = (initiativeId = fixture.initiativeId) =>
  comparableRelationships(fixture.relationships(initiativeId), fixture.partners(initiativeId)).map(
    (r) => `${r.from}>${r.to} ${r.kind} ${r.direction}`,
  );

// Gephi's own shape: ids that are not ours, a graph of one default type, edges that say otherwise.
const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="0" title="Sector" type="string"/>
    </attributes>
    <nodes>
      <node id="n0" label="Harbour Clinic &amp; Co"><attvalues><attvalue for="0" value="health"/></attvalues></node>
      <node id="n1" label="Food Bank"/>
      <node id="n2" label="Youth Council"/>
    </nodes>
    <edges>
      <edge id="e0" source="n0" target="n1" label="funds"/>
      <edge id="e1" source="n1" target="n2" type="mutual" label="partners with"/>
      <edge id="e2" source="n2" target="n0" type="directed" weight="3"/>
    </edges>
  </graph>
</gexf>`;

// NetworkX's shape: a directed graph by default, one edge marked undirected, one mutual by its data.
const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="edge" attr.name="kind" attr.type="string"/>
  <key id="d2" for="edge" attr.name="direction" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <node id="a"><data key="d0">Harbour Clinic &amp; Co</data></node>
    <node id="b"><data key="d0">Food Bank</data></node>
    <node id="c"><data key="d0">Youth Council</data></node>
    <edge source="a" target="b" directed="false"><data key="d1">funds</data></edge>
    <edge source="b" target="c"><data key="d1">partners with</data><data key="d2">mutual</data></edge>
    <edge source="c" target="a"><data key="d1">partners with</data></edge>
  </graph>
</graphml>`;

const expected = [
  'Food Bank>Youth Council partners_with mutual',
  'Harbour Clinic & Co>Food Bank funds undirected',
  'Youth Council>Harbour Clinic & Co partners_with directed',
];

describe.each([
  ['gexf', gexf],
  ['graphml', graphml],
] as const)('a %s file with an undirected and a mutual edge', (format, file) => {
  it('imports each edge with its direction, and the same again from our own export of it', () => {
    const request = importRequest(fixture.initiativeId, format, file);
    expect(fixture.preview(request)).toMatchObject({ errors: [], notices: [] });
    expect(fixture.ok('partners.import.commit', request)).toMatchObject({ partnersAdded: 3, relationshipsAdded: 3 });
    expect(ways()).toEqual(expected);
    if (format === 'gexf')
      expect(fixture.partners().find((p) => p.name === 'Harbour Clinic & Co')?.sector).toBe('health');

    // Import → export → import, in both graph formats: the directions come back as they were.
    for (const exportFormat of ['gexf', 'graphml'] as const) {
      const exported = fixture.exportFile(exportFormat);
      const copy = fixture.newInitiative(`Copy through ${exportFormat}`);
      fixture.ok('partners.import.commit', importRequest(copy, exportFormat, exported.bytes));
      expect(ways(copy)).toEqual(expected);
      // Our own file names our ids, so importing it over the original changes nothing.
      expect(
        fixture.ok('partners.import.commit', importRequest(fixture.initiativeId, exportFormat, exported.bytes)),
      ).toEqual({
        partnersAdded: 0,
        partnersUpdated: 3,
        relationshipsAdded: 0,
      });
    }
  });
});

describe('a graph file that is not one', () => {
  it.each([
    ['gexf', '<gexf><nodes/></gexf>', 'no <gexf> with a <graph>'],
    ['graphml', '<graphml><graph edgedefault="directed"></graph></graphml>', 'no nodes'],
    ['graphml', '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x "xx">]><graphml/>', 'DOCTYPE'],
    ['gexf', '<gexf><graph>', 'not readable XML'],
  ] as const)('%s %s is refused with a plain reason', (format, xml, reason) => {
    const preview = fixture.preview(importRequest(fixture.initiativeId, format, xml));
    expect(preview.errors[0]?.message).toContain(reason);
  });
});
