import { nodeRadius } from './layout';
import type { Detail } from './level-of-detail';
import { drawingFontFamily, drawingInk, mixWithWhite } from './map-drawing';

/**
 * The overview's drawing on a Canvas 2D context, in map coordinates (the caller sets the view's
 * transform). Batched because each path, fill and stroke call has a fixed cost that thousands of
 * partners multiply: lines go in one path per colour, width and dash, partners in one fill per
 * colour, so a map of 10,000 partners is a few dozen calls, not tens of thousands.
 */

/**
 * A line to draw; `arrowHead` asks for a head at (x2, y2) and `arrowTail` for one at (x1, y1) (a
 * relationship both ways), so each line says whether it has one.
 */
export interface CanvasLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  dashed: boolean;
  arrowHead: boolean;
  arrowTail: boolean;
}

export interface CanvasPartner {
  x: number;
  y: number;
  colour: string;
  person: boolean;
  livedExperience: boolean;
  name: string;
}

/** A group's ring or the agenda, drawn on the canvas where it is not a node (out of view close in). */
export interface CanvasLandmark {
  x: number;
  y: number;
  kind: 'group' | 'agenda';
  colour: string;
  name: string;
  caption: string;
}

const { ink, inkSoft, accent } = drawingInk;
const rim = '#ffffff';
const livedFill = '#ffd23f';
/** The same shapes as on screen (nodes.tsx, map.css): a 29 px person disc or organisation square. */
const shapeHalf = 14.5;
const arrowLength = 10;
const arrowHalfWidth = 4.5;
const nameFont = `11px ${drawingFontFamily}`;
/** Longer names end in an ellipsis, as the screen's 11rem label does. */
const nameMaxChars = 28;

/** How far a relationship line stops short of its target's centre, so its arrow lands on the rim. */
export function relationshipTrim(strength: number): number {
  return nodeRadius.partner + 2 + strength;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Lines first, under the partners. Arrow heads only where names show too: zoomed further out a
 * head is under two pixels, and the direction is read closer in.
 */
export function drawLines(context: CanvasRenderingContext2D, lines: readonly CanvasLine[], detail: Detail): void {
  const styles = groupBy(lines, (line) => `${line.colour}|${line.width}|${line.dashed ? 1 : 0}`);
  context.lineCap = 'butt';
  for (const batch of styles.values()) {
    const { colour, width, dashed } = batch[0];
    context.beginPath();
    for (const line of batch) {
      context.moveTo(line.x1, line.y1);
      context.lineTo(line.x2, line.y2);
    }
    context.strokeStyle = colour;
    context.lineWidth = width;
    context.setLineDash(dashed && detail.labels ? [3, 3] : []);
    context.stroke();
  }
  context.setLineDash([]);
  if (!detail.labels) return;
  // A head pointing at (tipX, tipY), coming from (fromX, fromY).
  const head = (tipX: number, tipY: number, fromX: number, fromY: number) => {
    const dx = tipX - fromX;
    const dy = tipY - fromY;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const baseX = tipX - ux * arrowLength;
    const baseY = tipY - uy * arrowLength;
    context.moveTo(tipX, tipY);
    context.lineTo(baseX - uy * arrowHalfWidth, baseY + ux * arrowHalfWidth);
    context.lineTo(baseX + uy * arrowHalfWidth, baseY - ux * arrowHalfWidth);
    context.closePath();
  };
  for (const [colour, batch] of groupBy(
    lines.filter((line) => line.arrowHead || line.arrowTail),
    (line) => line.colour,
  )) {
    context.beginPath();
    for (const line of batch) {
      if (line.arrowHead) head(line.x2, line.y2, line.x1, line.y1);
      if (line.arrowTail) head(line.x1, line.y1, line.x2, line.y2);
    }
    context.fillStyle = colour;
    context.fill();
  }
}

/** Partners: one fill per sector colour; the white rim, the lived-experience mark and names only where they can be seen. */
export function drawPartners(
  context: CanvasRenderingContext2D,
  partners: readonly CanvasPartner[],
  detail: Detail,
): void {
  // Far out a shape is a few pixels: squares for everyone cost a fraction of discs and look the same.
  const exact = detail.labels;
  const trace = (partner: CanvasPartner) => {
    if (exact && partner.person) {
      context.moveTo(partner.x + shapeHalf, partner.y);
      context.arc(partner.x, partner.y, shapeHalf, 0, Math.PI * 2);
    } else if (exact)
      context.roundRect(partner.x - shapeHalf, partner.y - shapeHalf, shapeHalf * 2, shapeHalf * 2, 6.5);
    else context.rect(partner.x - shapeHalf, partner.y - shapeHalf, shapeHalf * 2, shapeHalf * 2);
  };
  for (const [colour, batch] of groupBy(partners, (partner) => partner.colour)) {
    context.beginPath();
    for (const partner of batch) trace(partner);
    context.fillStyle = colour;
    context.fill();
  }
  if (!exact) return;
  context.beginPath();
  for (const partner of partners) trace(partner);
  context.strokeStyle = rim;
  context.lineWidth = 2;
  context.stroke();

  const lived = partners.filter((partner) => partner.livedExperience);
  if (lived.length > 0) {
    context.beginPath();
    for (const partner of lived) {
      context.moveTo(partner.x + 20, partner.y - 12);
      context.arc(partner.x + 12, partner.y - 12, 8, 0, Math.PI * 2);
    }
    context.fillStyle = livedFill;
    context.fill();
  }

  context.font = nameFont;
  context.textAlign = 'center';
  context.textBaseline = 'top';
  context.fillStyle = ink;
  for (const partner of partners) context.fillText(shortName(partner.name), partner.x, partner.y + 19);
}

/** Groups and the agenda as the nodes show them (map.css); few, so drawn one by one. */
export function drawLandmarks(
  context: CanvasRenderingContext2D,
  landmarks: readonly CanvasLandmark[],
  detail: Detail,
): void {
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const landmark of landmarks) {
    const { x, y } = landmark;
    context.beginPath();
    if (landmark.kind === 'agenda') {
      context.roundRect(x - 75, y - 32, 150, 64, 32);
      context.fillStyle = accent;
      context.fill();
      if (!detail.labels) continue;
      context.font = `700 ${nameFont.replace('11px', '13px')}`;
      context.fillStyle = '#ffffff';
      context.fillText(shortName(landmark.name), x, y - 7, 130);
      continue;
    }
    context.arc(x, y, 30, 0, Math.PI * 2);
    context.fillStyle = mixWithWhite(landmark.colour, 0.18);
    context.fill();
    context.strokeStyle = landmark.colour;
    context.lineWidth = 4;
    context.stroke();
    if (!detail.labels) continue;
    context.font = `700 ${nameFont.replace('11px', '13px')}`;
    context.fillStyle = ink;
    context.fillText(shortName(landmark.name), x, y + 36);
    context.font = nameFont;
    context.fillStyle = inkSoft;
    context.fillText(shortName(landmark.caption), x, y + 53);
  }
}

export function shortName(name: string): string {
  const chars = [...name];
  return chars.length <= nameMaxChars
    ? name
    : `${chars
        .slice(0, nameMaxChars - 1)
        .join('')
        .trimEnd()}…`;
}
