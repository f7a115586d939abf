import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Group, Partner, Relationship } from '../../../src-main/contract/index';
import type { LayoutInput, Point } from './layout';
import { colourOfSector, customRelationshipColour, isKnownRelationship, relationshipColour } from './palette';

export type PartnerNodeData = {
  name: string;
  kind: Partner['kind'];
  colour: string;
  livedExperience: boolean;
};
export type GroupNodeData = { name: string; colour: string; kindLabel: string };
export type AgendaNodeData = { name: string };
export type RelationshipEdgeData = { label: string; strength: number; direction: Relationship['direction'] };

export type PartnerMapNode = Node<PartnerNodeData, 'partner'>;
/** Not 'group': React Flow styles its own built-in 'group' type as a box. */
export type GroupMapNode = Node<GroupNodeData, 'cluster'>;
export type AgendaMapNode = Node<AgendaNodeData, 'agenda'>;
export type MapNode = PartnerMapNode | GroupMapNode | AgendaMapNode;
export type RelationshipMapEdge = Edge<RelationshipEdgeData, 'relationship'>;
export type MapEdge = RelationshipMapEdge | Edge<Record<string, never>, 'straight'>;

export interface Roster {
  partners: Partner[];
  groups: Group[];
  relationships: Relationship[];
}

export interface Filters {
  hiddenSectors: string[];
  hiddenGroups: string[];
  hiddenRelationshipKinds: string[];
  hideUnassigned: boolean;
}

/** What the layout needs, and a key that changes only when the constellation's shape does. */
export function layoutInputOf(agendaId: string, roster: Roster): { key: string; input: Omit<LayoutInput, 'pinned'> } {
  const partnerIds = roster.partners.map((partner) => partner.id);
  const groups = roster.groups.map((group) => ({
    id: group.id,
    kind: group.kind,
    memberIds: group.members.map((member) => member.partnerId),
  }));
  const key = JSON.stringify([partnerIds, groups.map((group) => [group.id, group.kind, group.memberIds])]);
  return { key, input: { agendaId, partnerIds, groups } };
}

/** Which partners and groups the filters leave on the map. */
export function visibleIds(roster: Roster, filters: Filters): Set<string> {
  const hiddenGroups = new Set(filters.hiddenGroups);
  const hiddenSectors = new Set(filters.hiddenSectors);
  const groupsOf = new Map<string, string[]>();
  for (const group of roster.groups)
    for (const member of group.members)
      groupsOf.set(member.partnerId, [...(groupsOf.get(member.partnerId) ?? []), group.id]);
  const visible = new Set<string>(
    roster.groups.filter((group) => !hiddenGroups.has(group.id)).map((group) => group.id),
  );
  for (const partner of roster.partners) {
    if (hiddenSectors.has(partner.sector)) continue;
    const groups = groupsOf.get(partner.id);
    if (groups ? groups.every((groupId) => hiddenGroups.has(groupId)) : filters.hideUnassigned) continue;
    visible.add(partner.id);
  }
  return visible;
}

/**
 * Above this many relationships the map draws only the selected partners' lines unless asked for
 * all: thousands of long lines crossing the map cost every frame while panning (see the benchmark).
 */
export const allRelationshipsLimit = 1_500;

export interface NodeLabels {
  agendaName: string;
  groupKindLabel(kind: Group['kind']): string;
}

export function buildNodes(
  agendaId: string,
  roster: Roster,
  positionOf: (id: string) => Point,
  visible: Set<string>,
  selected: Set<string>,
  labels: NodeLabels,
): MapNode[] {
  const agenda: AgendaMapNode = {
    id: agendaId,
    type: 'agenda',
    position: positionOf(agendaId),
    data: { name: labels.agendaName },
    ariaLabel: labels.agendaName,
    selected: selected.has(agendaId),
  };
  const groups = roster.groups.map((group): GroupMapNode => ({
    id: group.id,
    type: 'cluster',
    position: positionOf(group.id),
    data: { name: group.name, colour: group.colour, kindLabel: labels.groupKindLabel(group.kind) },
    ariaLabel: group.name,
    hidden: !visible.has(group.id),
    selected: selected.has(group.id),
  }));
  const partners = roster.partners.map((partner): PartnerMapNode => ({
    id: partner.id,
    type: 'partner',
    position: positionOf(partner.id),
    data: {
      name: partner.name,
      kind: partner.kind,
      colour: colourOfSector(partner.sector),
      livedExperience: partner.livedExperience,
    },
    ariaLabel: partner.name,
    hidden: !visible.has(partner.id),
    selected: selected.has(partner.id),
  }));
  return [agenda, ...groups, ...partners];
}

export function buildEdges(
  roster: Roster,
  visible: Set<string>,
  hiddenKinds: string[],
  labelOf: (kind: string) => string,
  membershipLabel: string,
  emphasised: string | null,
  /** On big maps, the partners whose relationships are drawn; null draws every one. */
  relationshipsOf: Set<string> | null,
  /** The words a screen reader hears for a line, given its kind's words and its direction. */
  describe: (kindLabel: string, direction: Relationship['direction']) => string = (kindLabel) => kindLabel,
): MapEdge[] {
  const hidden = new Set(hiddenKinds);
  const shown = (relationship: Relationship) =>
    !relationshipsOf || relationshipsOf.has(relationship.fromId) || relationshipsOf.has(relationship.toId);
  const memberships = roster.groups.flatMap((group) =>
    group.members.map((member): MapEdge => ({
      id: `member:${group.id}:${member.partnerId}`,
      source: member.partnerId,
      target: group.id,
      type: 'straight',
      className: member.role === 'co_chair' ? 'map-edge--membership map-edge--chair' : 'map-edge--membership',
      hidden: !visible.has(group.id) || !visible.has(member.partnerId),
      selectable: false,
      focusable: false,
      ariaLabel: membershipLabel,
    })),
  );
  const relationships = roster.relationships.filter(shown).map((relationship): RelationshipMapEdge => {
    const colour = isKnownRelationship(relationship.kind)
      ? relationshipColour[relationship.kind]
      : customRelationshipColour;
    // An arrow says which way a relationship runs: none for a tie with no direction, one at each
    // end for one that runs both ways.
    const arrow = { type: MarkerType.ArrowClosed, color: colour, width: 14, height: 14 };
    const { direction } = relationship;
    return {
      id: relationship.id,
      source: relationship.fromId,
      target: relationship.toId,
      type: 'relationship',
      data: { label: labelOf(relationship.kind), strength: relationship.strength, direction },
      markerEnd: direction === 'undirected' ? undefined : arrow,
      markerStart: direction === 'mutual' ? arrow : undefined,
      style: { stroke: colour, strokeWidth: relationship.strength * 1.2 },
      ariaLabel: describe(labelOf(relationship.kind), direction),
      hidden: hidden.has(relationship.kind) || !visible.has(relationship.fromId) || !visible.has(relationship.toId),
      selected: emphasised === relationship.id,
    };
  });
  return [...memberships, ...relationships];
}
