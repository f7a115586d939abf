import type { MapEdge, MapNode, PartnerMapNode } from './graph';
import type { Point } from './layout';
import type { OverviewContent } from './OverviewLayer';
import { relationshipTrim, type CanvasLandmark, type CanvasLine, type CanvasPartner } from './overview-drawing';
import { buildPointIndex } from './spatial-index';

/**
 * Splits the map between the two layers: mounted nodes are React Flow nodes, lines between two of
 * those are React Flow edges (hover, selection, their names for assistive technology), and
 * everything else goes to the canvas. Pure, so tested on Node.
 */

const memberColour = '#a8a294';
const chairColour = '#8e887b';

/** Everything the canvas may draw, indexed by place; hidden nodes (filtered out) are not on the map at all. */
export function nodesForCanvas(nodes: readonly MapNode[]): Omit<OverviewContent, 'lines'> {
  const partners = new Map<string, CanvasPartner>();
  const landmarks = new Map<string, CanvasLandmark>();
  const points: { id: string; x: number; y: number }[] = [];
  for (const node of nodes) {
    if (node.hidden) continue;
    const { x, y } = node.position;
    points.push({ id: node.id, x, y });
    if (node.type === 'partner') {
      const { data } = node as PartnerMapNode;
      partners.set(node.id, {
        x,
        y,
        colour: data.colour,
        person: data.kind === 'person',
        livedExperience: data.livedExperience,
        name: data.name,
      });
    } else if (node.type === 'cluster')
      landmarks.set(node.id, {
        x,
        y,
        kind: 'group',
        colour: node.data.colour,
        name: node.data.name,
        caption: node.data.kindLabel,
      });
    else landmarks.set(node.id, { x, y, kind: 'agenda', colour: '', name: node.data.name, caption: '' });
  }
  return { index: buildPointIndex(points), partners, landmarks };
}

/**
 * The lines the canvas draws: every shown line with at least one end not mounted. `arrowHeadOf`
 * says per line whether it gets a head at its target end; a line drawn both ways on screen (a
 * mutual relationship, with a start marker) gets one at its source end too.
 */
export function linesForCanvas(
  edges: readonly MapEdge[],
  positions: ReadonlyMap<string, Point>,
  onDom: (nodeId: string) => boolean,
  // The screen's own arrow marker decides, so a line drawn without one in the DOM has none here.
  arrowHeadOf: (edge: MapEdge) => boolean = (edge) => Boolean(edge.markerEnd),
): CanvasLine[] {
  const lines: CanvasLine[] = [];
  for (const edge of edges) {
    if (edge.hidden || (onDom(edge.source) && onDom(edge.target))) continue;
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    if (!from || !to) continue;
    if (edge.type === 'straight') {
      const chair = edge.className?.includes('map-edge--chair') ?? false;
      lines.push({
        x1: from.x,
        y1: from.y,
        x2: to.x,
        y2: to.y,
        colour: chair ? chairColour : memberColour,
        width: 1,
        dashed: !chair,
        arrowHead: false,
        arrowTail: false,
      });
      continue;
    }
    const strength = edge.data?.strength ?? 1;
    const arrowHead = arrowHeadOf(edge);
    const arrowTail = Boolean(edge.markerStart);
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const trim = Math.min(relationshipTrim(strength), length / 2);
    const endTrim = arrowHead ? trim : 0;
    const startTrim = arrowTail ? trim : 0;
    lines.push({
      x1: from.x + (dx / length) * startTrim,
      y1: from.y + (dy / length) * startTrim,
      x2: to.x - (dx / length) * endTrim,
      y2: to.y - (dy / length) * endTrim,
      colour: String(edge.style?.stroke ?? '#8a9097'),
      width: strength * 1.2,
      dashed: false,
      arrowHead,
      arrowTail,
    });
  }
  return lines;
}
