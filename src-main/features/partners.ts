import type { HandlerContext } from './context';
import { commitImport, exportPartners, previewImport } from './exchange/index';
import type { HandlerMap } from './handlers';

export function partnerHandlers({ library }: HandlerContext) {
  return {
    'partners.list': ({ initiativeId }) => library.open(initiativeId).partners.list(),
    'partners.create': ({ initiativeId, partner, id }) => library.open(initiativeId).partners.create(partner, id),
    'partners.update': ({ initiativeId, partnerId, patch }) =>
      library.open(initiativeId).partners.update(partnerId, patch),
    'partners.delete': ({ initiativeId, partnerId }) => {
      library.open(initiativeId).partners.remove(partnerId);
      return { partnerId };
    },
    'partners.restore': ({ initiativeId, partnerId }) => library.open(initiativeId).partners.restore(partnerId),
    'partners.import.preview': (request) => previewImport(library.open(request.initiativeId), request),
    'partners.import.commit': (request) => commitImport(library.open(request.initiativeId), request),
    'partners.export': (request) => exportPartners(library.open(request.initiativeId), request),
  } satisfies Partial<HandlerMap>;
}
