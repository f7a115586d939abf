import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InitiativeDraft, entityId } from '../contract/models';
import { PartnerDraft } from '../contract/partners';
import type { HandlerContext } from './context';
import type { HandlerMap } from './handlers';

const SampleFile = z.object({
  id: entityId,
  initiative: InitiativeDraft,
  partners: z.array(PartnerDraft.extend({ id: entityId })),
});

export function initiativeHandlers({ library, resourcesDir }: HandlerContext) {
  return {
    'initiatives.list': () => library.list(),
    'initiatives.create': (draft) => library.create(draft),
    'initiatives.get': ({ initiativeId }) => library.open(initiativeId).initiative.get(),
    'initiatives.update': ({ initiativeId, patch }) => library.open(initiativeId).initiative.save(patch),
    /** Opens the bundled sample, creating it on first use; a second call returns the same one. */
    'initiatives.createSample': () => {
      const sample = SampleFile.parse(
        JSON.parse(readFileSync(join(resourcesDir, 'sample', 'initiative.json'), 'utf8')),
      );
      if (library.exists(sample.id)) return library.open(sample.id).initiative.get();
      const initiative = library.create(sample.initiative, sample.id);
      const store = library.open(sample.id);
      store.writePath.batch(() => {
        for (const { id, ...partner } of sample.partners) store.partners.create(partner, id);
      });
      return initiative;
    },
  } satisfies Partial<HandlerMap>;
}
