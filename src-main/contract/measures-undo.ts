import { z } from 'zod';
import { Dimension } from './measures';
import { entityId } from './models';

const inInitiative = { initiativeId: entityId };

/**
 * Undo of deleting a dimension or a category in Measures. A delete only writes a tombstone, so
 * lifting it brings back the categories and the readings they name; one that is still there is
 * returned as it is.
 */
export const measuresUndoChannels = {
  'measures.dimensions.restore': {
    input: z.object({ ...inInitiative, dimensionId: entityId }).strict(),
    output: Dimension,
    write: true,
  },
  'measures.categories.restore': {
    input: z.object({ ...inInitiative, categoryId: entityId }).strict(),
    output: Dimension,
    write: true,
  },
} as const;
