import { create } from 'zustand';
import type {
  ApiError,
  Group,
  GroupDraft,
  GroupPatch,
  Membership,
  Relationship,
  RelationshipDraft,
  RelationshipPatch,
  Result,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { writeThenRefetch } from '../../api/write-then-refetch';

interface GroupsState {
  initiativeId: string | null;
  groups: Group[];
  relationships: Relationship[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  load(initiativeId: string): Promise<void>;
  refetch(): Promise<void>;
  /** `id`: made once per form submission, so a second press makes no second group. */
  createGroup(draft: GroupDraft, id?: string): Promise<Result<Group>>;
  updateGroup(groupId: string, patch: GroupPatch): Promise<ApiError | null>;
  deleteGroup(groupId: string): Promise<ApiError | null>;
  restoreGroup(groupId: string): Promise<ApiError | null>;
  setMember(groupId: string, partnerId: string, role: Membership['role']): Promise<ApiError | null>;
  /** Several partners join with one role; the first refusal stops the rest and is returned. */
  addMembers(groupId: string, partnerIds: readonly string[], role: Membership['role']): Promise<ApiError | null>;
  removeMember(groupId: string, partnerId: string): Promise<ApiError | null>;
  createRelationship(draft: RelationshipDraft): Promise<ApiError | null>;
  updateRelationship(relationshipId: string, patch: RelationshipPatch): Promise<ApiError | null>;
  deleteRelationship(relationshipId: string): Promise<ApiError | null>;
}

/**
 * Groups (with their members) and relationships of the open initiative. Like the partners store,
 * it writes through the API and refetches; main's change notices also trigger a refetch.
 */
export const useGroups = create<GroupsState>((set, get) => {
  const { write, errorOf } = writeThenRefetch(get);

  return {
    initiativeId: null,
    groups: [],
    relationships: [],
    status: 'idle',
    error: null,

    async load(initiativeId) {
      if (get().initiativeId !== initiativeId) set({ initiativeId, groups: [], relationships: [], status: 'loading' });
      await get().refetch();
    },

    async refetch() {
      const initiativeId = get().initiativeId;
      if (!initiativeId) return;
      const [groups, relationships] = await Promise.all([
        call('groups.list', { initiativeId }),
        call('relationships.list', { initiativeId }),
      ]);
      if (get().initiativeId !== initiativeId) return;
      if (!groups.ok) return set({ status: 'error', error: groups.error });
      if (!relationships.ok) return set({ status: 'error', error: relationships.error });
      set({ groups: groups.value, relationships: relationships.value, status: 'ready', error: null });
    },

    createGroup: (draft, id) => write((initiativeId) => call('groups.create', { initiativeId, group: draft, id })),
    updateGroup: (groupId, patch) =>
      errorOf(write((initiativeId) => call('groups.update', { initiativeId, groupId, patch }))),
    deleteGroup: (groupId) => errorOf(write((initiativeId) => call('groups.delete', { initiativeId, groupId }))),
    restoreGroup: (groupId) => errorOf(write((initiativeId) => call('groups.restore', { initiativeId, groupId }))),
    setMember: (groupId, partnerId, role) =>
      errorOf(write((initiativeId) => call('groups.setMember', { initiativeId, groupId, partnerId, role }))),
    addMembers: (groupId, partnerIds, role) =>
      errorOf(
        write(async (initiativeId) => {
          for (const partnerId of partnerIds) {
            const result = await call('groups.setMember', { initiativeId, groupId, partnerId, role });
            if (!result.ok) return result;
          }
          return { ok: true as const, value: null };
        }),
      ),
    removeMember: (groupId, partnerId) =>
      errorOf(write((initiativeId) => call('groups.removeMember', { initiativeId, groupId, partnerId }))),
    createRelationship: (draft) =>
      errorOf(write((initiativeId) => call('relationships.create', { initiativeId, relationship: draft }))),
    updateRelationship: (relationshipId, patch) =>
      errorOf(write((initiativeId) => call('relationships.update', { initiativeId, relationshipId, patch }))),
    deleteRelationship: (relationshipId) =>
      errorOf(write((initiativeId) => call('relationships.delete', { initiativeId, relationshipId }))),
  };
});
