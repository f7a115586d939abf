import type { HandlerContext } from './context';
import { analyseRepresentation } from './representation/analyse';
import type { HandlerMap } from './handlers';

export function groupHandlers({ library }: HandlerContext) {
  return {
    'groups.list': ({ initiativeId }) => library.open(initiativeId).groups.list(),
    'groups.create': ({ initiativeId, group, id }) => library.open(initiativeId).groups.create(group, id),
    'groups.update': ({ initiativeId, groupId, patch }) => library.open(initiativeId).groups.update(groupId, patch),
    'groups.delete': ({ initiativeId, groupId }) => {
      library.open(initiativeId).groups.remove(groupId);
      return { groupId };
    },
    'groups.restore': ({ initiativeId, groupId }) => library.open(initiativeId).groups.restore(groupId),
    'groups.setMember': ({ initiativeId, groupId, partnerId, role }) =>
      library.open(initiativeId).groups.setMember(groupId, partnerId, role),
    'groups.removeMember': ({ initiativeId, groupId, partnerId }) =>
      library.open(initiativeId).groups.removeMember(groupId, partnerId),
    'relationships.list': ({ initiativeId }) => library.open(initiativeId).relationships.list(),
    'relationships.create': ({ initiativeId, relationship }) =>
      library.open(initiativeId).relationships.create(relationship),
    'relationships.update': ({ initiativeId, relationshipId, patch }) =>
      library.open(initiativeId).relationships.update(relationshipId, patch),
    'relationships.delete': ({ initiativeId, relationshipId }) => {
      library.open(initiativeId).relationships.remove(relationshipId);
      return { relationshipId };
    },
    'map.positions': ({ initiativeId }) => library.open(initiativeId).mapLayout.list(),
    'map.savePositions': ({ initiativeId, positions }) => {
      library.open(initiativeId).mapLayout.save(positions);
      return { saved: positions.length };
    },
    'map.resetLayout': ({ initiativeId }) => {
      library.open(initiativeId).mapLayout.clear();
      return { cleared: true as const };
    },
    'representation.report': ({ initiativeId }) => {
      const store = library.open(initiativeId);
      return analyseRepresentation(store.partners.list(), store.groups.list(), store.relationships.list());
    },
  } satisfies Partial<HandlerMap>;
}
