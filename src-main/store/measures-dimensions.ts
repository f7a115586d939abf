import { v7 as uuidv7 } from 'uuid';
import { DimensionDraft, type Category, type Dimension } from '../contract/measures';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import { text } from './rows';
import type { RowChange, WritePath } from './write-path';

interface DimensionRow {
  id: string;
  name: string | null;
  position: number | null;
}

interface CategoryRow extends DimensionRow {
  dimension_id: string | null;
}

/**
 * The dimensions readings are split by (race/ethnicity, income, neighbourhood...) and their
 * categories, per initiative. Deletes are tombstones; readings that name a deleted category stay
 * in the file (sync may still bring edits to them) but are no longer listed.
 */
export function createDimensionRepository(db: Db, writePath: WritePath) {
  const countReadingsNaming = db
    .prepare(
      `SELECT count(*) FROM readings r WHERE r.tombstone = 0 AND r.value IS NOT NULL
        AND EXISTS (SELECT 1 FROM json_each(?) c WHERE instr(coalesce(r.categories, ''), c.value) > 0)`,
    )
    .pluck();
  const selectDimensions = db.prepare(
    'SELECT id, name, position FROM measure_dimensions WHERE tombstone = 0 ORDER BY position, name COLLATE NOCASE, id',
  );
  const selectCategories = db.prepare(
    `SELECT c.id, c.dimension_id, c.name, c.position FROM measure_categories c
     JOIN measure_dimensions d ON d.id = c.dimension_id AND d.tombstone = 0
     WHERE c.tombstone = 0 ORDER BY c.position, c.name COLLATE NOCASE, c.id`,
  );
  const dimensionAlive = db.prepare('SELECT 1 FROM measure_dimensions WHERE id = ? AND tombstone = 0').pluck();
  const oneDimension = db.prepare('SELECT id, name, position FROM measure_dimensions WHERE id = ?');
  const oneCategory = db.prepare('SELECT id, dimension_id, name, position FROM measure_categories WHERE id = ?');
  const nextDimensionPosition = db
    .prepare('SELECT coalesce(max(position), -1) + 1 FROM measure_dimensions WHERE tombstone = 0')
    .pluck();
  const nextCategoryPosition = db
    .prepare('SELECT coalesce(max(position), -1) + 1 FROM measure_categories WHERE dimension_id = ? AND tombstone = 0')
    .pluck();

  function list(): Dimension[] {
    const byDimension = new Map<string, Category[]>();
    for (const row of selectCategories.all() as CategoryRow[]) {
      const categories = byDimension.get(text(row.dimension_id)) ?? [];
      categories.push({ id: row.id, name: text(row.name) });
      byDimension.set(text(row.dimension_id), categories);
    }
    return (selectDimensions.all() as DimensionRow[]).map((row) => ({
      id: row.id,
      name: text(row.name),
      categories: byDimension.get(row.id) ?? [],
    }));
  }

  function get(id: string): Dimension {
    const found = list().find((dimension) => dimension.id === id);
    if (!found) throw new AppError('not_found', 'No dimension with that id in this initiative.');
    return found;
  }

  /** Live category id -> its dimension id: what readings are checked against. */
  function categoryDimensions(): Map<string, string> {
    return new Map((selectCategories.all() as CategoryRow[]).map((row) => [row.id, text(row.dimension_id)]));
  }

  function requireUniqueName(dimension: Dimension, name: string, except?: string): void {
    const clash = dimension.categories.some(
      (category) => category.id !== except && category.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new AppError('invalid_input', `The dimension already has a category called "${name}".`);
  }

  function create(draft: DimensionDraft, id: string = uuidv7()): Dimension {
    const { name, categories } = DimensionDraft.parse(draft);
    if (list().some((dimension) => dimension.name.toLowerCase() === name.toLowerCase()))
      throw new AppError('invalid_input', `There is already a dimension called "${name}".`);
    const changes: RowChange[] = [
      {
        table: 'measure_dimensions',
        row: id,
        values: { name, position: nextDimensionPosition.get() as number, tombstone: 0 },
      },
      ...categories.map((category, position) => ({
        table: 'measure_categories' as const,
        row: uuidv7(),
        values: { dimension_id: id, name: category, position, tombstone: 0 },
      })),
    ];
    writePath.write(changes);
    return get(id);
  }

  function rename(id: string, name: string): Dimension {
    get(id);
    if (list().some((dimension) => dimension.id !== id && dimension.name.toLowerCase() === name.toLowerCase()))
      throw new AppError('invalid_input', `There is already a dimension called "${name}".`);
    writePath.write([{ table: 'measure_dimensions', row: id, values: { name } }]);
    return get(id);
  }

  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'measure_dimensions', row: id, values: { tombstone: 1 } }]);
  }

  /**
   * Undo of a delete: lifts the tombstone, so the categories and the readings that name them are
   * listed again (they never left the file). A name taken since then is refused rather than doubled.
   */
  function restore(id: string): Dimension {
    const row = oneDimension.get(id) as DimensionRow | undefined;
    if (!row) throw new AppError('not_found', 'No dimension with that id in this initiative.');
    if (dimensionAlive.get(id) === 1) return get(id);
    const name = text(row.name);
    if (list().some((dimension) => dimension.name.toLowerCase() === name.toLowerCase()))
      throw new AppError('invalid_input', `There is already a dimension called "${name}".`);
    writePath.write([{ table: 'measure_dimensions', row: id, values: { tombstone: 0 } }]);
    return get(id);
  }

  function addCategory(dimensionId: string, name: string, id: string = uuidv7()): Dimension {
    requireUniqueName(get(dimensionId), name);
    const position = nextCategoryPosition.get(dimensionId) as number;
    writePath.write([
      { table: 'measure_categories', row: id, values: { dimension_id: dimensionId, name, position, tombstone: 0 } },
    ]);
    return get(dimensionId);
  }

  function liveCategory(id: string): CategoryRow {
    const row = oneCategory.get(id) as (CategoryRow & { tombstone?: number }) | undefined;
    if (!row || !categoryDimensions().has(id))
      throw new AppError('not_found', 'No category with that id in this initiative.');
    return row;
  }

  function renameCategory(id: string, name: string): Dimension {
    const row = liveCategory(id);
    const dimensionId = text(row.dimension_id);
    requireUniqueName(get(dimensionId), name, id);
    writePath.write([{ table: 'measure_categories', row: id, values: { name } }]);
    return get(dimensionId);
  }

  function removeCategory(id: string): Dimension {
    const dimensionId = text(liveCategory(id).dimension_id);
    writePath.write([{ table: 'measure_categories', row: id, values: { tombstone: 1 } }]);
    return get(dimensionId);
  }

  /**
   * Undo of a category's delete, within its dimension (which must be live: restoring the dimension
   * is its own Undo). The readings naming the category are listed again.
   */
  function restoreCategory(id: string): Dimension {
    const row = oneCategory.get(id) as CategoryRow | undefined;
    if (!row) throw new AppError('not_found', 'No category with that id in this initiative.');
    const dimensionId = text(row.dimension_id);
    const dimension = get(dimensionId);
    if (dimension.categories.some((category) => category.id === id)) return dimension;
    requireUniqueName(dimension, text(row.name));
    writePath.write([{ table: 'measure_categories', row: id, values: { tombstone: 0 } }]);
    return get(dimensionId);
  }

  /**
   * Live readings that name the category (or any category of the dimension): what a delete would
   * hide, since reads leave out readings with a deleted category. Ids are UUIDs, so a text match on
   * the stored list cannot hit a different category.
   */
  function readingsAffected(dimensionId: string, categoryId: string | null): number {
    const dimension = get(dimensionId);
    const ids = categoryId === null ? dimension.categories.map((category) => category.id) : [categoryId];
    if (categoryId !== null && !dimension.categories.some((category) => category.id === categoryId))
      throw new AppError('not_found', 'No category with that id in this dimension.');
    return countReadingsNaming.get(JSON.stringify(ids)) as number;
  }

  return {
    readingsAffected,
    list,
    get,
    categoryDimensions,
    isLive: (id: string) => dimensionAlive.get(id) === 1,
    create,
    rename,
    remove,
    restore,
    addCategory,
    renameCategory,
    removeCategory,
    restoreCategory,
  };
}

export type DimensionRepository = ReturnType<typeof createDimensionRepository>;
