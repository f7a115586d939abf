import type { PointIndex, Rect } from './spatial-index';

/**
 * What the map shows at each zoom, and where. Far out a name is a few pixels tall and nobody can
 * read or point at one partner among thousands, so the overview is one canvas drawing; close in,
 * partners become React Flow nodes a person can focus, drag and read. Pure, so tested on Node.
 */

/** React Flow's viewport: x, y in screen pixels, then the zoom. */
export type ViewTransform = readonly [number, number, number];

/** Below this zoom the canvas draws no names: at 11 px × 0.5 they are under 6 px tall. */
export const labelZoom = 0.5;
/** From this zoom partners in view are DOM nodes: names read at 6–7 px and above, and a partner is big enough to grab. */
export const readingZoom = 0.6;

export interface Detail {
  /** The canvas writes names beside the partners it draws. */
  labels: boolean;
  /** Nodes in view are mounted as React Flow nodes (and the canvas leaves them out). */
  mountPartners: boolean;
}

export function detailAt(zoom: number): Detail {
  return { labels: zoom >= labelZoom, mountPartners: zoom >= readingZoom };
}

/** The part of the map a view shows, in map coordinates, grown by `margin` screen pixels each side. */
export function viewRect(transform: ViewTransform, width: number, height: number, margin = 0): Rect {
  const [x, y, zoom] = transform;
  return {
    minX: (-margin - x) / zoom,
    minY: (-margin - y) / zoom,
    maxX: (width + margin - x) / zoom,
    maxY: (height + margin - y) / zoom,
  };
}

/**
 * The nodes to mount in the DOM. At reading zoom: every node in view (a node half out of view
 * still counts: `slack` map units round the view), agenda and groups included, so the layer
 * React Flow moves stays the size of the view. Below it: the `landmarks` (agenda and groups,
 * which name the constellations and are few). At any zoom: the selected or focused ones, so a
 * search result or a partner being moved with the keyboard never disappears.
 */
export function nodesToMount(
  index: PointIndex,
  view: Rect,
  zoom: number,
  keep: Iterable<string>,
  landmarks: Iterable<string>,
  // The agenda's half width: a node whose centre is this far out still shows at the edge.
  slack = 80,
): Set<string> {
  const mounted = new Set(keep);
  if (!detailAt(zoom).mountPartners) {
    for (const id of landmarks) mounted.add(id);
    return mounted;
  }
  const grown = { minX: view.minX - slack, minY: view.minY - slack, maxX: view.maxX + slack, maxY: view.maxY + slack };
  for (const point of index.search(grown)) mounted.add(point.id);
  return mounted;
}

/** Whether a line may cross the rectangle (its bounding box meets it): cheap, and never misses one. */
export function lineMayCross(x1: number, y1: number, x2: number, y2: number, rect: Rect): boolean {
  return (
    Math.max(x1, x2) >= rect.minX &&
    Math.min(x1, x2) <= rect.maxX &&
    Math.max(y1, y2) >= rect.minY &&
    Math.min(y1, y2) <= rect.maxY
  );
}

/**
 * The CSS transform that shows a bitmap drawn at `drawn` as if drawn at `now`, for a canvas that
 * reaches `margin` pixels beyond the view on every side. While the view moves the overview is
 * this cached bitmap moved and scaled by the compositor; it is drawn again when the view rests.
 */
export function cachedBitmapTransform(
  drawn: ViewTransform,
  now: ViewTransform,
  margin: number,
): { x: number; y: number; scale: number } {
  const scale = now[2] / drawn[2];
  return {
    scale,
    x: now[0] + margin - scale * (drawn[0] + margin),
    y: now[1] + margin - scale * (drawn[1] + margin),
  };
}
