import {
  forceCollide,
  forceLink,
  forceRadial,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

/**
 * The constellation layout, pure so it runs in a web worker and in unit tests under Node alike.
 * The common agenda sits at (0, 0); the backbone beside it; every other group on a ring around
 * them with its members clustered round it; partners in no group on an outer band. A partner in
 * several groups is linked to each, so it settles between them. Positions are node centres.
 */
export interface LayoutInput {
  agendaId: string;
  groups: { id: string; kind: string; memberIds: string[] }[];
  partnerIds: string[];
  /** Saved positions: these nodes stay where the facilitator put them. */
  pinned: Record<string, Point>;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  positions: Record<string, Point>;
  /** Distance from the centre where the band of partners in no group begins. */
  outerRadius: number;
  ticks: number;
}

export interface LayoutOptions {
  seed?: number;
  /** Upper bound on simulation steps; big maps use fewer, since they start close to the answer. */
  maxTicks?: number;
}

interface LayoutNode extends SimulationNodeDatum {
  id: string;
  role: 'agenda' | 'group' | 'partner';
  radius: number;
  anchor: Point | null;
  unassigned: boolean;
}

export const nodeRadius = { agenda: 70, group: 34, partner: 22 } as const;
const memberSpacing = 40;

/** mulberry32: a small seeded generator, so the same data always gives the same map. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How far a group's members spread around it: enough room for each to sit without overlap. */
export function clusterRadius(memberCount: number): number {
  return nodeRadius.group + 20 + Math.sqrt(memberCount) * memberSpacing;
}

/** Anchor points: backbone groups beside the agenda, the others evenly on a ring sized to fit them. */
function groupAnchors(groups: LayoutInput['groups']): { anchors: Map<string, Point>; ringEdge: number } {
  const anchors = new Map<string, Point>();
  const backbones = groups.filter((group) => group.kind === 'backbone');
  const others = groups.filter((group) => group.kind !== 'backbone');
  let ringEdge = nodeRadius.agenda + 40;
  backbones.forEach((group, index) => {
    // Just below the agenda (the agenda node is wide and short), further ones fanning out.
    const angle = Math.PI / 2 + index * 0.9;
    const distance = nodeRadius.agenda * 0.6 + clusterRadius(group.memberIds.length);
    anchors.set(group.id, { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance });
    ringEdge = Math.max(ringEdge, distance + clusterRadius(group.memberIds.length));
  });
  const radii = others.map((group) => clusterRadius(group.memberIds.length));
  const circumference = radii.reduce((sum, radius) => sum + 2 * radius + 40, 0);
  const ring = Math.max(ringEdge + Math.max(0, ...radii) + 20, circumference / (2 * Math.PI));
  let angle = -Math.PI / 2;
  others.forEach((group, index) => {
    const share = ((2 * radii[index] + 40) / Math.max(circumference, 1)) * 2 * Math.PI;
    const centre = angle + share / 2;
    anchors.set(group.id, { x: Math.cos(centre) * ring, y: Math.sin(centre) * ring });
    angle += share;
  });
  const outer = others.length ? ring + Math.max(...radii) : ringEdge;
  return { anchors, ringEdge: Math.max(outer, ringEdge) };
}

export function computeLayout(input: LayoutInput, options: LayoutOptions = {}): LayoutResult {
  const random = seededRandom(options.seed ?? 1);
  const { anchors, ringEdge } = groupAnchors(input.groups);
  const groupsOf = new Map<string, string[]>();
  for (const group of input.groups)
    for (const memberId of group.memberIds) groupsOf.set(memberId, [...(groupsOf.get(memberId) ?? []), group.id]);

  const unassignedCount = input.partnerIds.filter((id) => !groupsOf.has(id)).length;
  // A band a few partners deep: its inner edge sits clear of every constellation.
  const outerRadius = ringEdge + 70;
  const bandDepth = Math.max(0, (unassignedCount * (2 * nodeRadius.partner + 8) ** 2) / (2 * Math.PI * outerRadius));

  const nodes: LayoutNode[] = [];
  const pin = (node: LayoutNode) => {
    const saved = input.pinned[node.id];
    if (saved) Object.assign(node, { x: saved.x, y: saved.y, fx: saved.x, fy: saved.y });
    nodes.push(node);
  };
  pin({
    id: input.agendaId,
    role: 'agenda',
    radius: nodeRadius.agenda,
    anchor: null,
    unassigned: false,
    x: 0,
    y: 0,
    fx: 0,
    fy: 0,
  });
  for (const group of input.groups) {
    const anchor = anchors.get(group.id) ?? { x: 0, y: 0 };
    pin({ id: group.id, role: 'group', radius: nodeRadius.group, anchor, unassigned: false, x: anchor.x, y: anchor.y });
  }
  for (const partnerId of input.partnerIds) {
    const own = (groupsOf.get(partnerId) ?? []).map((groupId) => anchors.get(groupId) ?? { x: 0, y: 0 });
    const angle = random() * 2 * Math.PI;
    let start: Point;
    if (own.length) {
      const centre = own.reduce(
        (sum, point) => ({ x: sum.x + point.x / own.length, y: sum.y + point.y / own.length }),
        {
          x: 0,
          y: 0,
        },
      );
      const spread = 40 + random() * 80;
      start = { x: centre.x + Math.cos(angle) * spread, y: centre.y + Math.sin(angle) * spread };
    } else {
      const distance = outerRadius + random() * bandDepth;
      start = { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance };
    }
    pin({
      id: partnerId,
      role: 'partner',
      radius: nodeRadius.partner,
      anchor: null,
      unassigned: !own.length,
      ...start,
    });
  }

  const links: SimulationLinkDatum<LayoutNode>[] = [];
  for (const group of input.groups)
    for (const memberId of group.memberIds) links.push({ source: memberId, target: group.id });
  const memberCount = new Map(input.groups.map((group) => [group.id, group.memberIds.length]));

  const simulation = forceSimulation<LayoutNode>(nodes)
    .randomSource(random)
    .stop()
    .force(
      'membership',
      forceLink<LayoutNode, SimulationLinkDatum<LayoutNode>>(links)
        .id((node) => node.id)
        .distance((link) => clusterRadius(memberCount.get((link.target as LayoutNode).id) ?? 1) * 0.7)
        .strength((link) => 0.6 / Math.max(1, groupsOf.get((link.source as LayoutNode).id)?.length ?? 1)),
    )
    .force(
      'anchorX',
      forceX<LayoutNode>((node) => node.anchor?.x ?? 0).strength((node) => (node.anchor ? 0.5 : 0)),
    )
    .force(
      'anchorY',
      forceY<LayoutNode>((node) => node.anchor?.y ?? 0).strength((node) => (node.anchor ? 0.5 : 0)),
    )
    .force(
      'edge',
      forceRadial<LayoutNode>(outerRadius + bandDepth / 2, 0, 0).strength((node) => (node.unassigned ? 0.3 : 0)),
    )
    .force(
      'collide',
      // Partners get extra room for their name beneath them.
      forceCollide<LayoutNode>((node) => node.radius + (node.role === 'partner' ? 14 : 8)).iterations(2),
    );

  const big = nodes.length > 800;
  const ticks = Math.min(options.maxTicks ?? 300, big ? 120 : 300);
  simulation.alphaDecay(1 - Math.pow(0.001, 1 / ticks));
  simulation.tick(ticks);

  const positions: Record<string, Point> = {};
  for (const node of nodes) positions[node.id] = { x: Math.round(node.x ?? 0), y: Math.round(node.y ?? 0) };
  return { positions, outerRadius, ticks };
}
