/**
 * Which partners lie inside a rectangle of the map, without looking at every partner: a uniform
 * grid of buckets over the map's coordinates. Partners are points (their centres), so a grid is
 * all the index needs; rbush or flatbush (both in the package lists) index rectangles and would
 * be a new dependency for the same answer. Pure, so it is tested on Node.
 */

export interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface PlacedPoint {
  id: string;
  x: number;
  y: number;
}

export interface PointIndex {
  readonly size: number;
  /** The points whose centre lies inside `rect` (edges included), in no particular order. */
  search(rect: Rect): PlacedPoint[];
}

/**
 * A cell of about four partners' spacing: a view at working zoom covers a few dozen cells, the
 * whole map a few thousand, and either way the search touches few points outside the rectangle.
 */
export const defaultCellSize = 256;

export function buildPointIndex(points: readonly PlacedPoint[], cellSize = defaultCellSize): PointIndex {
  const cells = new Map<string, PlacedPoint[]>();
  const bounds: Rect = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const cellOf = (value: number) => Math.floor(value / cellSize);
  for (const point of points) {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
    const key = `${cellOf(point.x)},${cellOf(point.y)}`;
    const bucket = cells.get(key);
    if (bucket) bucket.push(point);
    else cells.set(key, [point]);
    bounds.minX = Math.min(bounds.minX, point.x);
    bounds.minY = Math.min(bounds.minY, point.y);
    bounds.maxX = Math.max(bounds.maxX, point.x);
    bounds.maxY = Math.max(bounds.maxY, point.y);
  }
  let size = 0;
  for (const bucket of cells.values()) size += bucket.length;

  return {
    size,
    search(rect) {
      // Clamped to the points' own bounds, so a view far larger than the map (zoomed right out)
      // walks the occupied cells only, not an empty plane of them.
      const minX = Math.max(rect.minX, bounds.minX);
      const minY = Math.max(rect.minY, bounds.minY);
      const maxX = Math.min(rect.maxX, bounds.maxX);
      const maxY = Math.min(rect.maxY, bounds.maxY);
      if (minX > maxX || minY > maxY) return [];
      const found: PlacedPoint[] = [];
      for (let column = cellOf(minX); column <= cellOf(maxX); column++)
        for (let row = cellOf(minY); row <= cellOf(maxY); row++) {
          const bucket = cells.get(`${column},${row}`);
          if (!bucket) continue;
          for (const point of bucket)
            if (point.x >= rect.minX && point.x <= rect.maxX && point.y >= rect.minY && point.y <= rect.maxY)
              found.push(point);
        }
      return found;
    },
  };
}
