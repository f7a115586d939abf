import type { Partner, Relationship } from '../../contract/partners';
import { edgeAttributes, liveRelationships, nodeAttributes, type GraphAttribute } from './graph-attributes';
import { escapeXml } from './xml';

const graphmlType = { string: 'string', boolean: 'boolean', integer: 'int' } as const;

/** GraphML 1.0 types attr.name as an XML name token: no spaces ("lived experience" → "lived_experience"). */
export function graphmlName(title: string): string {
  return title.replace(/[^\p{L}\p{N}._:-]+/gu, '_');
}

function keys<T>(kind: 'node' | 'edge', prefix: string, attributes: GraphAttribute<T>[]): string[] {
  return attributes.map(
    (a) =>
      `  <key id="${prefix}_${a.id}" for="${kind}" attr.name="${escapeXml(graphmlName(a.title))}" attr.type="${graphmlType[a.type]}"/>`,
  );
}

function data<T>(item: T, prefix: string, attributes: GraphAttribute<T>[]): string {
  return attributes
    .flatMap((a) => {
      const value = a.value(item);
      return value === null ? [] : [`\n      <data key="${prefix}_${a.id}">${escapeXml(String(value))}</data>`];
    })
    .join('');
}

/**
 * GraphML for Gephi, yEd or NetworkX: `label` on nodes, the relationship's kind and strength on
 * edges. GraphML knows directed and undirected only (the per-edge `directed`), so a mutual edge is
 * directed there and its `direction` data says mutual.
 */
export function partnersGraphml(partners: Partner[], relationships: Relationship[], includeContacts: boolean): string {
  const nodeAttrs = nodeAttributes(partners, includeContacts);
  const nodes = partners.map(
    (p) =>
      `    <node id="${escapeXml(p.id)}">\n      <data key="label">${escapeXml(p.name)}</data>${data(p, 'n', nodeAttrs)}\n    </node>`,
  );
  const edges = liveRelationships(partners, relationships).map(
    (r) =>
      `    <edge id="${escapeXml(r.id)}" source="${escapeXml(r.fromId)}" target="${escapeXml(r.toId)}" directed="${r.direction !== 'undirected'}">${data(r, 'e', edgeAttributes)}\n    </edge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
${[...keys('node', 'n', nodeAttrs), ...keys('edge', 'e', edgeAttributes)].join('\n')}
  <graph id="partners" edgedefault="directed">
${nodes.join('\n')}
${edges.join('\n')}
  </graph>
</graphml>
`;
}
