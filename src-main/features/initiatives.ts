import type { HandlerContext } from './context';
import type { HandlerMap } from './handlers';
import { fillSample, readSample } from './sample';

export function initiativeHandlers({ library, resourcesDir }: HandlerContext) {
  return {
    'initiatives.list': () => library.list(),
    'initiatives.create': (draft) => library.create(draft),
    'initiatives.get': ({ initiativeId }) => library.open(initiativeId).initiative.get(),
    'initiatives.update': ({ initiativeId, patch }) => library.open(initiativeId).initiative.save(patch),
    /** Opens the bundled sample, creating it on first use; a second call returns the same one. */
    'initiatives.createSample': () => {
      const sample = readSample(resourcesDir);
      if (library.exists(sample.id)) return library.open(sample.id).initiative.get();
      const initiative = library.create(sample.initiative, sample.id);
      fillSample(library.open(sample.id), sample);
      return initiative;
    },
  } satisfies Partial<HandlerMap>;
}
