import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';

/** Undo of deleting a dimension or a category: the store lifts the tombstone through the write path. */
export function measuresUndoHandlers({ library }: HandlerContext) {
  const dimensions = (initiativeId: string) => library.open(initiativeId).measures.dimensions;
  return {
    'measures.dimensions.restore': ({ initiativeId, dimensionId }) => dimensions(initiativeId).restore(dimensionId),
    'measures.categories.restore': ({ initiativeId, categoryId }) =>
      dimensions(initiativeId).restoreCategory(categoryId),
  } satisfies Partial<HandlerMap>;
}
