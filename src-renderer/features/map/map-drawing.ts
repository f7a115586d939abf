import type { MapEdge, MapNode } from './graph';
import { nodeRadius } from './layout';

/**
 * The map as a plain SVG drawing: shapes, lines and text a drawing tool can edit, computed from
 * the nodes' saved positions rather than copied from the screen. So an export shows the whole map
 * (nothing cropped at the edges, whatever is in view), every group line, and none of the screen's
 * passing state (selection, search highlight). Pure: no DOM, so it is tested on Node.
 */

export interface DrawingLabels {
  commonAgenda: string;
  livedExperience: string;
  title: string;
}

/** Width of a text in px; the renderer measures with a canvas, tests use the estimate. */
export type MeasureText = (text: string, fontSize: number, bold: boolean) => number;

export const estimateTextWidth: MeasureText = (text, fontSize, bold) =>
  [...text].length * fontSize * (bold ? 0.62 : 0.56);

export interface MapDrawing {
  svg: string;
  width: number;
  height: number;
}

const background = '#f7f5f0';
/** The map's inks, shared by the SVG export and the canvas overview so the two always match. */
export const drawingInk: Readonly<Record<'ink' | 'inkSoft' | 'accent', string>> = {
  ink: '#1d2329',
  inkSoft: '#59626b',
  accent: '#1f6f5c',
};
const { ink, inkSoft, accent } = drawingInk;
const halo = '#fbfaf7';
const margin = 24;
/** As on screen (11rem): longer names end in an ellipsis. */
const labelMaxWidth = 176;
export const drawingFontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif';

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function drawMap(
  nodes: readonly MapNode[],
  edges: readonly MapEdge[],
  labels: DrawingLabels,
  measure: MeasureText = estimateTextWidth,
): MapDrawing {
  const shown = nodes.filter((node) => !node.hidden);
  const byId = new Map(shown.map((node) => [node.id, node]));
  const lines = edges.filter((edge) => !edge.hidden && byId.has(edge.source) && byId.has(edge.target));
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const grow = (x: number, y: number, halfWidth: number, up: number, down: number) => {
    box.minX = Math.min(box.minX, x - halfWidth);
    box.maxX = Math.max(box.maxX, x + halfWidth);
    box.minY = Math.min(box.minY, y - up);
    box.maxY = Math.max(box.maxY, y + down);
  };

  const markers = new Map<string, string>();
  const markerOf = (colour: string) => {
    let id = markers.get(colour);
    if (!id) {
      id = `arrow-${markers.size + 1}`;
      markers.set(colour, id);
    }
    return id;
  };

  const lineParts: string[] = [];
  for (const edge of lines) {
    const from = byId.get(edge.source)!.position;
    const to = byId.get(edge.target)!.position;
    if (edge.type === 'straight') {
      const chair = edge.className?.includes('map-edge--chair') ?? false;
      lineParts.push(
        `<line x1="${n(from.x)}" y1="${n(from.y)}" x2="${n(to.x)}" y2="${n(to.y)}" stroke="${chair ? '#8e887b' : '#a8a294'}" stroke-width="1"${chair ? '' : ' stroke-dasharray="3 3"'}/>`,
      );
      continue;
    }
    const colour = String(edge.style?.stroke ?? '#8a9097');
    const strength = edge.data?.strength ?? 1;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    // As on screen: an arrow at each end the relationship runs to, stopping on the node's rim.
    const direction = edge.data?.direction ?? 'directed';
    const arrowAtEnd = direction !== 'undirected';
    const arrowAtStart = direction === 'mutual';
    const trim = Math.min(nodeRadius.partner + 2 + strength, length / 2);
    const endTrim = arrowAtEnd ? trim : 0;
    const startTrim = arrowAtStart ? trim : 0;
    const markerAttributes =
      (arrowAtStart ? ` marker-start="url(#${markerOf(colour)})"` : '') +
      (arrowAtEnd ? ` marker-end="url(#${markerOf(colour)})"` : '');
    lineParts.push(
      `<line x1="${n(from.x + (dx / length) * startTrim)}" y1="${n(from.y + (dy / length) * startTrim)}" x2="${n(to.x - (dx / length) * endTrim)}" y2="${n(to.y - (dy / length) * endTrim)}" stroke="${attr(colour)}" stroke-width="${n(strength * 1.2)}"${markerAttributes}><title>${text(edge.ariaLabel ?? edge.data?.label ?? '')}</title></line>`,
    );
  }

  const nodeParts: string[] = [];
  const label = (value: string, x: number, y: number, size: number, bold: boolean, colour = ink) => {
    const fitted = fit(value, size, bold, measure);
    const width = measure(fitted, size, bold);
    grow(x, y, width / 2 + 3, 0, size * 1.3);
    return `<text x="${n(x)}" y="${n(y + size)}" font-size="${size}"${bold ? ' font-weight="700"' : ''} fill="${colour}" text-anchor="middle"${directionOf(fitted)} stroke="${halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${text(fitted)}</text>`;
  };

  for (const node of shown) {
    const { x, y } = node.position;
    if (node.type === 'agenda') {
      const width = 150;
      const nameLines = wrap(node.data.name, 13, width - 22, measure).slice(0, 3);
      const height = Math.max(64, 30 + nameLines.length * 16);
      grow(x, y, width / 2, height / 2, height / 2);
      const top = y - height / 2;
      const nameParts = nameLines
        .map((line, index) => `<tspan x="${n(x)}" y="${n(top + 34 + index * 16)}">${text(line)}</tspan>`)
        .join('');
      nodeParts.push(
        `<g class="agenda"><rect x="${n(x - width / 2)}" y="${n(top)}" width="${width}" height="${n(height)}" rx="32" fill="${accent}"/>` +
          `<text x="${n(x)}" y="${n(top + 18)}" font-size="10" fill="#ffffff" text-anchor="middle" letter-spacing="0.6">${text(labels.commonAgenda.toLocaleUpperCase())}</text>` +
          `<text font-size="13" font-weight="700" fill="#ffffff" text-anchor="middle"${directionOf(node.data.name)}>${nameParts}</text></g>`,
      );
    } else if (node.type === 'cluster') {
      const colour = node.data.colour;
      grow(x, y, 34, 34, 34);
      nodeParts.push(
        `<g class="group"><title>${text(`${node.data.name} (${node.data.kindLabel})`)}</title>` +
          `<circle cx="${n(x)}" cy="${n(y)}" r="30" fill="${mixWithWhite(colour, 0.18)}" stroke="${attr(colour)}" stroke-width="4"/>` +
          label(node.data.name, x, y + 36, 13, true) +
          label(node.data.kindLabel, x, y + 53, 11, false, inkSoft) +
          '</g>',
      );
    } else {
      const colour = node.data.colour;
      grow(x, y, 18, 18, 18);
      const shape =
        node.data.kind === 'person'
          ? `<circle cx="${n(x)}" cy="${n(y)}" r="15.5" fill="rgba(0,0,0,0.25)"/><circle cx="${n(x)}" cy="${n(y)}" r="14.5" fill="${attr(colour)}" stroke="#ffffff" stroke-width="2"/>`
          : `<rect x="${n(x - 15.5)}" y="${n(y - 15.5)}" width="31" height="31" rx="7.5" fill="rgba(0,0,0,0.25)"/><rect x="${n(x - 14.5)}" y="${n(y - 14.5)}" width="29" height="29" rx="6.5" fill="${attr(colour)}" stroke="#ffffff" stroke-width="2"/>`;
      const lived = node.data.livedExperience
        ? `<g class="lived"><title>${text(labels.livedExperience)}</title><circle cx="${n(x + 12)}" cy="${n(y - 12)}" r="8" fill="#ffd23f" stroke="#7a5a00" stroke-width="1"/><text x="${n(x + 12)}" y="${n(y - 8.5)}" font-size="10" fill="#5a4000" text-anchor="middle">★</text></g>`
        : '';
      if (lived) grow(x + 12, y - 12, 8, 8, 8);
      nodeParts.push(
        `<g class="partner"><title>${text(node.data.name)}</title>${shape}${lived}${label(node.data.name, x, y + 19, 11, false)}</g>`,
      );
    }
  }

  if (!Number.isFinite(box.minX)) Object.assign(box, { minX: 0, minY: 0, maxX: 320, maxY: 240 });
  const left = Math.floor(box.minX - margin);
  const top = Math.floor(box.minY - margin);
  const width = Math.ceil(box.maxX + margin) - left;
  const height = Math.ceil(box.maxY + margin) - top;
  const defs = [...markers]
    .map(
      ([colour, id]) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${attr(colour)}"/></marker>`,
    )
    .join('');
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}" font-family="${attr(drawingFontFamily)}">` +
    `<title>${text(labels.title)}</title>` +
    (defs ? `<defs>${defs}</defs>` : '') +
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="${background}"/>` +
    `<g class="lines">${lineParts.join('')}</g>` +
    `<g class="nodes">${nodeParts.join('')}</g>` +
    `</svg>\n`;
  return { svg, width, height };
}

/** A name shortened with an ellipsis to the width the screen gives it. */
function fit(value: string, size: number, bold: boolean, measure: MeasureText): string {
  if (measure(value, size, bold) <= labelMaxWidth) return value;
  const chars = [...value];
  while (chars.length > 1 && measure(`${chars.join('')}…`, size, bold) > labelMaxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Words into lines no wider than `width`; a word longer than a line is cut with an ellipsis. */
function wrap(value: string, size: number, width: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (!line || measure(next, size, true) <= width) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.map((each) => (measure(each, size, true) > width ? fitTo(each, size, width, measure) : each));
}

function fitTo(value: string, size: number, width: number, measure: MeasureText): string {
  const chars = [...value];
  while (chars.length > 1 && measure(`${chars.join('')}…`, size, true) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** Names in Arabic or Hebrew read right to left, even inside the left-to-right drawing. */
function directionOf(value: string): string {
  const strong = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.exec(
    value,
  );
  return strong && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(strong[0]) ? ' direction="rtl"' : '';
}

/** The screen's color-mix(in srgb, colour p%, white), computed, since editors may not know it. */
export function mixWithWhite(colour: string, share: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (!match) return '#ffffff';
  const value = Number.parseInt(match[1], 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) * share + 255 * (1 - share));
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

const n = (value: number) => String(Math.round(value * 10) / 10);
/** Characters XML 1.0 cannot hold (control codes, lone surrogates) are dropped, not escaped. */
const text = (value: string) =>
  value
    .replace(
      // eslint-disable-next-line no-control-regex -- these are exactly the characters being removed
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const attr = (value: string) => text(value).replace(/"/g, '&quot;');
