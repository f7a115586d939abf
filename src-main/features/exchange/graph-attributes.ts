import type { Partner, Relationship } from '../../contract/partners';
import { kindWords } from './kumu';

/** Node and edge attributes shared by the GEXF and GraphML exports, so Gephi sees the same columns. */
export interface GraphAttribute<T> {
  id: string;
  title: string;
  type: 'string' | 'boolean' | 'integer';
  value: (item: T) => string | number | boolean | null;
}

export function nodeAttributes(partners: Partner[], includeContacts: boolean): GraphAttribute<Partner>[] {
  const names = new Map(partners.map((partner) => [partner.id, partner.name]));
  const attributes: GraphAttribute<Partner>[] = [
    { id: 'kind', title: 'kind', type: 'string', value: (p) => p.kind },
    { id: 'sector', title: 'sector', type: 'string', value: (p) => p.sector },
    { id: 'lived_experience', title: 'lived experience', type: 'boolean', value: (p) => p.livedExperience },
    {
      id: 'organisation',
      title: 'organisation',
      type: 'string',
      value: (p) => (p.organisationId ? (names.get(p.organisationId) ?? '') : ''),
    },
    { id: 'influence', title: 'influence', type: 'integer', value: (p) => p.influence },
    { id: 'interest', title: 'interest', type: 'integer', value: (p) => p.interest },
    { id: 'stage', title: 'stage', type: 'string', value: (p) => p.stage },
    { id: 'tags', title: 'tags', type: 'string', value: (p) => p.tags.join('|') },
    { id: 'notes', title: 'notes', type: 'string', value: (p) => p.notes },
  ];
  if (includeContacts) {
    attributes.push(
      { id: 'email', title: 'email', type: 'string', value: (p) => p.email },
      { id: 'phone', title: 'phone', type: 'string', value: (p) => p.phone },
    );
  }
  return attributes;
}

export const edgeAttributes: GraphAttribute<Relationship>[] = [
  { id: 'kind', title: 'kind', type: 'string', value: (r) => kindWords(r.kind) },
  { id: 'strength', title: 'strength', type: 'integer', value: (r) => r.strength },
  { id: 'note', title: 'note', type: 'string', value: (r) => r.note },
  { id: 'direction', title: 'direction', type: 'string', value: (r) => r.direction },
];

/** Only live ends: a relationship to a deleted partner would point Gephi at a missing node. */
export function liveRelationships(partners: Partner[], relationships: Relationship[]): Relationship[] {
  const ids = new Set(partners.map((partner) => partner.id));
  return relationships.filter((relationship) => ids.has(relationship.fromId) && ids.has(relationship.toId));
}
