import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fold, guessField, type ImportField, type PartnerField } from './mapping';
import type { SourceFile } from './plan';
import type { SourceConnection, SourcePartner } from './values';
import { unescapeXml } from './xml';

/**
 * GEXF and GraphML files (Gephi, yEd, NetworkX, and our own exports) read as partners and
 * relationships. Nodes are partners: the label is the name, attributes whose title names a partner
 * field (sector, kind, lived experience...) fill it. Edges are relationships, with the direction the
 * file gives each one: GEXF's edge type or the graph's defaultedgetype (undirected when absent, as
 * the GEXF schema says), GraphML's per-edge `directed` or the graph's edgedefault, and a `direction`
 * attribute of mutual on a directed edge (GraphML has no word for it; our export writes one).
 */

type XmlNode = Record<string, unknown>;

// Entities stay unexpanded (no DOCTYPE entity can grow the input); unescapeXml decodes the five
// named ones and character references afterwards, as the codebook reader does.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  isArray: (tagName, _path, _isLeaf, isAttribute) =>
    !isAttribute &&
    ['graph', 'node', 'edge', 'attributes', 'attribute', 'attvalues', 'attvalue', 'key', 'data'].includes(tagName),
});

function failed(message: string): SourceFile {
  return { columns: [], partners: [], connections: [], errors: [{ where: 'file', message }], warnings: [] };
}

const list = (value: unknown): XmlNode[] =>
  Array.isArray(value) ? value.filter((item): item is XmlNode => typeof item === 'object' && item !== null) : [];
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => {
  const value = node?.[name];
  return Array.isArray(value)
    ? list(value)[0]
    : typeof value === 'object' && value !== null
      ? (value as XmlNode)
      : undefined;
};
const attribute = (node: XmlNode | undefined, name: string): string => {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? unescapeXml(value) : '';
};
const text = (node: XmlNode | string): string => {
  if (typeof node === 'string') return unescapeXml(node);
  const value = node['#text'];
  return typeof value === 'string' ? unescapeXml(value) : '';
};

/** Attribute values of one node or edge, by the attribute's title, folded. */
type Values = Map<string, string>;

interface Graph {
  nodes: { id: string; label: string; values: Values }[];
  edges: {
    id: string;
    source: string;
    target: string;
    label: string;
    weight: string;
    direction: string;
    values: Values;
  }[];
}

function parse(xml: string, root: 'gexf' | 'graphml'): { top: XmlNode; graph: XmlNode } | string {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return 'This file declares a DOCTYPE or entities; graph files never need them.';
  if (XMLValidator.validate(xml) !== true) return 'This file is not readable XML.';
  let document: XmlNode;
  try {
    document = parser.parse(xml) as XmlNode;
  } catch {
    // The validator passes some damage the parser still trips on (an unclosed <?…?> tag, say).
    return 'This file is not readable XML.';
  }
  const top = child(document, root);
  const graph = child(top, 'graph');
  if (!top || !graph)
    return `This is not a ${root === 'gexf' ? 'GEXF' : 'GraphML'} file: it has no <${root}> with a <graph> inside.`;
  return { top, graph };
}

function readGexf(graph: XmlNode): Graph {
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const declared of list(graph.attributes)) {
    const target = attribute(declared, 'class') === 'edge' ? titles.edge : titles.node;
    for (const each of list(declared.attribute))
      target.set(attribute(each, 'id'), attribute(each, 'title') || attribute(each, 'id'));
  }
  const valuesOf = (item: XmlNode, names: Map<string, string>): Values => {
    const values: Values = new Map();
    for (const holder of list(item.attvalues))
      for (const value of list(holder.attvalue)) {
        const id = attribute(value, 'for') || attribute(value, 'id');
        values.set(fold(names.get(id) ?? id), attribute(value, 'value'));
      }
    return values;
  };
  const defaultType = attribute(graph, 'defaultedgetype') || 'undirected';
  return {
    nodes: list(child(graph, 'nodes')?.node).map((node) => ({
      id: attribute(node, 'id'),
      label: attribute(node, 'label'),
      values: valuesOf(node, titles.node),
    })),
    edges: list(child(graph, 'edges')?.edge).map((edge) => ({
      id: attribute(edge, 'id'),
      source: attribute(edge, 'source'),
      target: attribute(edge, 'target'),
      label: attribute(edge, 'label'),
      weight: attribute(edge, 'weight'),
      direction: attribute(edge, 'type') || defaultType,
      values: valuesOf(edge, titles.edge),
    })),
  };
}

function readGraphml({ top, graph }: { top: XmlNode; graph: XmlNode }): Graph {
  const names = new Map<string, string>();
  for (const key of list(top.key)) names.set(attribute(key, 'id'), attribute(key, 'attr.name') || attribute(key, 'id'));
  const valuesOf = (item: XmlNode): Values => {
    const values: Values = new Map();
    for (const data of list(item.data)) {
      const key = attribute(data, 'key');
      values.set(fold(names.get(key) ?? key), text(data));
    }
    return values;
  };
  const directedByDefault = attribute(graph, 'edgedefault') !== 'undirected';
  return {
    nodes: list(graph.node).map((node) => {
      const values = valuesOf(node);
      return { id: attribute(node, 'id'), label: values.get('label') ?? values.get('name') ?? '', values };
    }),
    edges: list(graph.edge).map((edge) => {
      const values = valuesOf(edge);
      const flag = attribute(edge, 'directed');
      const directed = flag === '' ? directedByDefault : flag === 'true' || flag === '1';
      const mutual = directed && fold(values.get('direction') ?? '') === 'mutual';
      return {
        id: attribute(edge, 'id'),
        source: attribute(edge, 'source'),
        target: attribute(edge, 'target'),
        label: '',
        weight: values.get('weight') ?? '',
        direction: mutual ? 'mutual' : directed ? 'directed' : 'undirected',
        values,
      };
    }),
  };
}

/** Nodes and edges in partner terms: the same rows a Kumu file gives, so one plan serves both. */
function toSource({ nodes, edges }: Graph): SourceFile {
  if (nodes.length === 0) return failed('The graph has no nodes to import.');
  const titles = [...new Set(nodes.flatMap((node) => [...node.values.keys()]))];
  const fields = new Map<string, ImportField>();
  for (const title of titles) {
    const field = guessField(title);
    // The node's own id and label come from the node itself, not from an attribute.
    if (field !== 'ignore' && field !== 'id' && field !== 'name' && ![...fields.values()].includes(field))
      fields.set(title, field);
  }
  const partners: SourcePartner[] = nodes.map((node, index) => {
    const values: SourcePartner['values'] = { id: node.id, name: node.label.trim() || node.id };
    for (const [title, field] of fields) values[field as PartnerField] = node.values.get(title) ?? '';
    return { where: `Elements item ${index + 1}`, values };
  });
  const connections: SourceConnection[] = edges.map((edge, index) => ({
    where: `Connections item ${index + 1}`,
    id: edge.id,
    from: edge.source,
    to: edge.target,
    kind: edge.values.get('kind') ?? edge.values.get('type') ?? edge.label,
    strength: edge.values.get('strength') ?? edge.weight,
    note: edge.values.get('note') ?? edge.values.get('description') ?? '',
    direction: edge.direction,
  }));
  return {
    columns: [...fields].map(([header, field]) => ({ header, field })),
    partners,
    connections,
    errors: [],
    warnings: titles
      .filter((title) => !fields.has(title) && !['label', 'name'].includes(title))
      .map((title) => `Node attribute "${title}" is not a partner field and is ignored.`),
  };
}

export function parseGexf(xml: string): SourceFile {
  const parsed = parse(xml, 'gexf');
  return typeof parsed === 'string' ? failed(parsed) : toSource(readGexf(parsed.graph));
}

export function parseGraphml(xml: string): SourceFile {
  const parsed = parse(xml, 'graphml');
  return typeof parsed === 'string' ? failed(parsed) : toSource(readGraphml(parsed));
}
