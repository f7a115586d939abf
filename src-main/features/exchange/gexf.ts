import type { Partner, Relationship } from '../../contract/partners';
import { edgeAttributes, liveRelationships, nodeAttributes, type GraphAttribute } from './graph-attributes';
import { escapeXml } from './xml';

function declarations<T>(kind: 'node' | 'edge', attributes: GraphAttribute<T>[]): string {
  const lines = attributes.map((a) => `      <attribute id="${a.id}" title="${escapeXml(a.title)}" type="${a.type}"/>`);
  return `    <attributes class="${kind}" mode="static">\n${lines.join('\n')}\n    </attributes>`;
}

function values<T>(item: T, attributes: GraphAttribute<T>[]): string {
  const lines = attributes.flatMap((a) => {
    const value = a.value(item);
    return value === null ? [] : [`          <attvalue for="${a.id}" value="${escapeXml(String(value))}"/>`];
  });
  return lines.length ? `\n        <attvalues>\n${lines.join('\n')}\n        </attvalues>\n      ` : '';
}

/**
 * GEXF 1.3 for Gephi: partners as nodes, relationships as weighted edges. Each edge says its own
 * type (directed, undirected or mutual, GEXF's three words, which are ours), so a mixed graph reads
 * as drawn; the graph's default stays directed, the direction of most relationships.
 */
export function partnersGexf(
  initiativeName: string,
  partners: Partner[],
  relationships: Relationship[],
  includeContacts: boolean,
  today: string,
): string {
  const nodeAttrs = nodeAttributes(partners, includeContacts);
  const nodes = partners.map(
    (p) => `      <node id="${escapeXml(p.id)}" label="${escapeXml(p.name)}">${values(p, nodeAttrs)}</node>`,
  );
  const edges = liveRelationships(partners, relationships).map(
    (r) =>
      `      <edge id="${escapeXml(r.id)}" source="${escapeXml(r.fromId)}" target="${escapeXml(r.toId)}" type="${r.direction}" weight="${r.strength}" label="${escapeXml(r.kind)}">${values(r, edgeAttributes)}</edge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta lastmodifieddate="${today}">
    <creator>Common Ground</creator>
    <description>${escapeXml(`Partners of ${initiativeName}`)}</description>
  </meta>
  <graph defaultedgetype="directed" mode="static">
${declarations('node', nodeAttrs)}
${declarations('edge', edgeAttributes)}
    <nodes>
${nodes.join('\n')}
    </nodes>
    <edges>
${edges.join('\n')}
    </edges>
  </graph>
</gexf>
`;
}
