import type { MapPosition } from '../contract/partners';
import type { Db } from './connection';
import type { WritePath } from './write-path';

/** Saved positions of map nodes (partners, groups, the common agenda), keyed by node id. */
export function createMapLayoutRepository(db: Db, writePath: WritePath) {
  const selectAll = db.prepare(
    'SELECT id, x, y FROM map_positions WHERE tombstone = 0 AND x IS NOT NULL AND y IS NOT NULL',
  );

  function list(): MapPosition[] {
    return (selectAll.all() as { id: string; x: number; y: number }[]).map((row) => ({
      nodeId: row.id,
      x: row.x,
      y: row.y,
    }));
  }

  /** All positions of one drag or one layout in one transaction. */
  function save(positions: readonly MapPosition[]): void {
    if (positions.length === 0) return;
    writePath.write(
      positions.map((position) => ({
        table: 'map_positions',
        row: position.nodeId,
        values: { x: position.x, y: position.y, tombstone: 0 },
      })),
    );
  }

  /** Forgets every saved position, so the automatic layout places all nodes again. */
  function clear(): void {
    const ids = list().map((position) => position.nodeId);
    if (ids.length > 0)
      writePath.write(ids.map((id) => ({ table: 'map_positions', row: id, values: { tombstone: 1 } })));
  }

  return { list, save, clear };
}

export type MapLayoutRepository = ReturnType<typeof createMapLayoutRepository>;
