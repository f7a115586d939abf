import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode } from '../../../src-renderer/features/map/graph';
import {
  cachedBitmapTransform,
  detailAt,
  labelZoom,
  lineMayCross,
  nodesToMount,
  readingZoom,
  viewRect,
} from '../../../src-renderer/features/map/level-of-detail';
import { linesForCanvas, nodesForCanvas } from '../../../src-renderer/features/map/overview-content';
import { shortName } from '../../../src-renderer/features/map/overview-drawing';
import { buildPointIndex, type PlacedPoint, type Rect } from '../../../src-renderer/features/map/spatial-index';

/** A seeded scatter of partners over a region-sized map, some in clusters, some far out. */
function scatter(count: number): PlacedPoint[] {
  let state = 7;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: count }, (_, index) => ({
    id: `p${index}`,
    x: (next() - 0.5) * 12_000,
    y: (next() - 0.5) * 9_000,
  }));
}

const inside = (point: PlacedPoint, rect: Rect) =>
  point.x >= rect.minX && point.x <= rect.maxX && point.y >= rect.minY && point.y <= rect.maxY;
const ids = (points: PlacedPoint[]) => points.map((point) => point.id).sort();

describe('the spatial index over partners', () => {
  const points = scatter(10_000);
  const index = buildPointIndex(points);

  it('finds exactly the partners inside a rectangle, whatever its size', () => {
    const rects: Rect[] = [
      { minX: -300, minY: -200, maxX: 300, maxY: 200 },
      { minX: 1_000, minY: -4_000, maxX: 1_900, maxY: -3_400 },
      { minX: -7_000, minY: -5_000, maxX: 7_000, maxY: 5_000 },
      // Beyond the map: nothing, and no walk over an empty plane of cells.
      { minX: 50_000, minY: 50_000, maxX: 60_000, maxY: 60_000 },
    ];
    for (const rect of rects)
      expect(ids(index.search(rect))).toEqual(ids(points.filter((point) => inside(point, rect))));
  });

  it('counts a partner exactly on the edge of a cell or of the view as inside', () => {
    const onLines = buildPointIndex([
      { id: 'a', x: 256, y: 0 },
      { id: 'b', x: -256, y: 512 },
      { id: 'c', x: 100, y: 100 },
    ]);
    expect(ids(onLines.search({ minX: 0, minY: 0, maxX: 256, maxY: 100 }))).toEqual(['a', 'c']);
    expect(ids(onLines.search({ minX: -256, minY: 512, maxX: -256, maxY: 512 }))).toEqual(['b']);
  });

  it('leaves out partners without a place yet instead of putting them at a wrong one', () => {
    const partial = buildPointIndex([
      { id: 'placed', x: 10, y: 10 },
      { id: 'unplaced', x: Number.NaN, y: 0 },
    ]);
    expect(partial.size).toBe(1);
    expect(ids(partial.search({ minX: -1e9, minY: -1e9, maxX: 1e9, maxY: 1e9 }))).toEqual(['placed']);
  });
});

describe('what the map shows at each zoom', () => {
  it('draws names only from the label zoom, and mounts partners only from the reading zoom', () => {
    expect(detailAt(0.05)).toEqual({ labels: false, mountPartners: false });
    expect(detailAt(labelZoom)).toEqual({ labels: true, mountPartners: false });
    expect(detailAt((labelZoom + readingZoom) / 2)).toEqual({ labels: true, mountPartners: false });
    expect(detailAt(readingZoom)).toEqual({ labels: true, mountPartners: true });
    expect(detailAt(1.2)).toEqual({ labels: true, mountPartners: true });
  });

  it('turns the screen rectangle into map coordinates', () => {
    // Map point (100, 50) at screen (0, 0), zoom 2: the 800 × 600 view covers 400 × 300 of map.
    expect(viewRect([-200, -100, 2], 800, 600)).toEqual({ minX: 100, minY: 50, maxX: 500, maxY: 350 });
    expect(viewRect([-200, -100, 2], 800, 600, 40)).toEqual({ minX: 80, minY: 30, maxX: 520, maxY: 370 });
  });

  it('mounts only the agenda and groups at overview zoom, and the selected or focused partners', () => {
    const index = buildPointIndex(scatter(2_000));
    const whole = viewRect([720, 450, 0.1], 1440, 900);
    expect(index.search(whole).length).toBeGreaterThan(1_000);
    expect(nodesToMount(index, whole, 0.1, [], ['agenda', 'g1'])).toEqual(new Set(['agenda', 'g1']));
    expect(nodesToMount(index, whole, 0.1, ['p17', 'p42'], [])).toEqual(new Set(['p17', 'p42']));
  });

  it('at reading zoom mounts what is in view (and a little beyond its edge), and nothing else', () => {
    const points = scatter(2_000);
    const index = buildPointIndex(points);
    const view = viewRect([700, 450, 1.2], 1440, 900);
    // A landmark far out of view is not mounted close in: React Flow's layer stays the view's size.
    const mounted = nodesToMount(index, view, 1.2, ['p3'], ['p1999'], 24);
    const grown = { minX: view.minX - 24, minY: view.minY - 24, maxX: view.maxX + 24, maxY: view.maxY + 24 };
    const expected = new Set(points.filter((point) => inside(point, grown)).map((point) => point.id));
    expected.add('p3');
    expect(inside(points[1999], grown)).toBe(false);
    expect(mounted).toEqual(expected);
    // A view at working zoom holds a few dozen of the 2,000, not hundreds.
    expect(mounted.size).toBeGreaterThan(1);
    expect(mounted.size).toBeLessThan(100);
  });

  it('keeps a line whose ends are both outside the view but which crosses it', () => {
    const view = { minX: 0, minY: 0, maxX: 100, maxY: 100 };
    expect(lineMayCross(-50, 50, 150, 50, view)).toBe(true);
    expect(lineMayCross(20, 20, 30, 30, view)).toBe(true);
    expect(lineMayCross(-50, -50, -10, 200, view)).toBe(false);
    expect(lineMayCross(200, 0, 300, 100, view)).toBe(false);
  });

  it('moves and scales the cached bitmap so each map point lands where the view now puts it', () => {
    const drawn = [100, 40, 0.5] as const;
    const now = [160, -20, 1] as const;
    const margin = 300;
    const { x, y, scale } = cachedBitmapTransform(drawn, now, margin);
    for (const [mapX, mapY] of [
      [0, 0],
      [250, -80],
    ]) {
      // Where the bitmap holds the point (the canvas starts `margin` before the view) ...
      const bitmapX = drawn[2] * mapX + drawn[0] + margin;
      const bitmapY = drawn[2] * mapY + drawn[1] + margin;
      // ... and where that pixel shows after the transform, against where the view puts the point.
      expect(-margin + x + scale * bitmapX).toBeCloseTo(now[2] * mapX + now[0]);
      expect(-margin + y + scale * bitmapY).toBeCloseTo(now[2] * mapY + now[1]);
    }
    expect(cachedBitmapTransform(drawn, drawn, margin)).toEqual({ x: 0, y: 0, scale: 1 });
  });
});

describe('splitting the map between the canvas and React Flow', () => {
  const partner = (id: string, x: number, y: number, hidden = false): MapNode => ({
    id,
    type: 'partner',
    position: { x, y },
    hidden,
    data: { name: `Partner ${id}`, kind: 'person', colour: '#0072b2', livedExperience: false },
  });
  const nodes: MapNode[] = [
    { id: 'agenda', type: 'agenda', position: { x: 0, y: 0 }, data: { name: 'Agenda' } },
    { id: 'g1', type: 'cluster', position: { x: 200, y: 0 }, data: { name: 'G', colour: '#123456', kindLabel: 'WG' } },
    partner('a', 300, 0),
    partner('b', 300, 300),
    partner('hidden', 0, 300, true),
  ];

  it('indexes every shown node for the canvas, with the agenda and groups as landmarks', () => {
    const { index, partners, landmarks } = nodesForCanvas(nodes);
    expect([...partners.keys()].sort()).toEqual(['a', 'b']);
    expect([...landmarks.keys()].sort()).toEqual(['agenda', 'g1']);
    expect(landmarks.get('g1')).toMatchObject({ kind: 'group', colour: '#123456', name: 'G', caption: 'WG' });
    expect(index.size).toBe(4);
  });

  it('gives the canvas every shown line with an end off the DOM, with an arrow head where the line has one', () => {
    const positions = new Map(nodes.map((node) => [node.id, node.position]));
    const edges: MapEdge[] = [
      { id: 'm1', source: 'a', target: 'g1', type: 'straight', className: 'map-edge--membership' },
      {
        id: 'r1',
        source: 'a',
        target: 'b',
        type: 'relationship',
        data: { label: 'funds', strength: 2, direction: 'directed' },
        markerEnd: { type: 'arrowclosed' as never, color: '#1f6f5c' },
        style: { stroke: '#1f6f5c' },
      },
      {
        id: 'r2',
        source: 'b',
        target: 'a',
        type: 'relationship',
        data: { label: 'x', strength: 1, direction: 'directed' },
      },
      {
        id: 'r3',
        source: 'a',
        target: 'b',
        type: 'relationship',
        hidden: true,
        data: { label: 'y', strength: 1, direction: 'directed' },
      },
    ];
    const mounted = new Set(['a']);
    const onDom = (id: string) => id === 'agenda' || id === 'g1' || mounted.has(id);
    const lines = linesForCanvas(edges, positions, onDom);
    // m1 joins two DOM nodes, so React Flow draws it; r3 is filtered out.
    expect(lines).toHaveLength(2);
    const [funds, other] = lines;
    expect(funds).toMatchObject({ colour: '#1f6f5c', width: 2.4, arrowHead: true, dashed: false, x1: 300, y1: 0 });
    // Stopped short of the target's centre so the head lands on its rim.
    expect(funds.x2).toBe(300);
    expect(funds.y2).toBeCloseTo(300 - (22 + 2 + 2));
    expect(other).toMatchObject({ arrowHead: false, x2: 300, y2: 0 });

    const allOnCanvas = linesForCanvas(edges, positions, (id) => id === 'agenda' || id === 'g1');
    expect(allOnCanvas[0]).toMatchObject({ dashed: true, arrowHead: false, x2: 200, y2: 0 });
  });

  it('gives a relationship both ways a head at each end, stopped short of both rims', () => {
    const positions = new Map(nodes.map((node) => [node.id, node.position]));
    const arrow = { type: 'arrowclosed' as never, color: '#1f6f5c' };
    const both: MapEdge = {
      id: 'r4',
      source: 'a',
      target: 'b',
      type: 'relationship',
      data: { label: 'funds', strength: 2, direction: 'mutual' },
      markerEnd: arrow,
      markerStart: arrow,
      style: { stroke: '#1f6f5c' },
    };
    const [line] = linesForCanvas([both], positions, () => false);
    expect(line).toMatchObject({ arrowHead: true, arrowTail: true, x1: 300, x2: 300 });
    expect(line.y1).toBeCloseTo(22 + 2 + 2);
    expect(line.y2).toBeCloseTo(300 - (22 + 2 + 2));
    const [oneWay] = linesForCanvas([{ ...both, markerStart: undefined }], positions, () => false);
    expect(oneWay).toMatchObject({ arrowHead: true, arrowTail: false, y1: 0 });
  });

  it('shortens long names as the screen does', () => {
    expect(shortName('Eastside Library')).toBe('Eastside Library');
    expect(shortName('A partner whose name is far longer than any label')).toBe('A partner whose name is far…');
  });
});
