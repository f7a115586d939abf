import { create } from 'zustand';
import type { ApiError, Partner, PartnerDraft, PartnerPatch } from '../../../src-main/contract/index';
import { call } from '../../api/client';

interface PartnersState {
  initiativeId: string | null;
  partners: Partner[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ApiError | null;
  load(initiativeId: string): Promise<void>;
  refetch(): Promise<void>;
  /** `id`: the new partner's id, made once per form submission so a second press makes no second partner. */
  create(draft: PartnerDraft, id?: string): Promise<ApiError | null>;
  update(partnerId: string, patch: PartnerPatch): Promise<ApiError | null>;
  remove(partnerId: string): Promise<ApiError | null>;
  restore(partnerId: string): Promise<ApiError | null>;
}

/**
 * The partner list of the open initiative. Writes go to main and the list is refetched when main
 * reports that partners changed, so this copy never drifts from the store.
 */
export const usePartners = create<PartnersState>((set, get) => {
  async function write<T>(
    run: (initiativeId: string) => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>,
  ) {
    const initiativeId = get().initiativeId;
    if (!initiativeId) return null;
    const result = await run(initiativeId);
    await get().refetch();
    return result.ok ? null : result.error;
  }

  return {
    initiativeId: null,
    partners: [],
    status: 'idle',
    error: null,

    async load(initiativeId) {
      if (get().initiativeId !== initiativeId) set({ initiativeId, partners: [], status: 'loading' });
      await get().refetch();
    },

    async refetch() {
      const initiativeId = get().initiativeId;
      if (!initiativeId) return;
      const result = await call('partners.list', { initiativeId });
      if (get().initiativeId !== initiativeId) return;
      if (result.ok) set({ partners: result.value, status: 'ready', error: null });
      else set({ status: 'error', error: result.error });
    },

    create: (draft, id) => write((initiativeId) => call('partners.create', { initiativeId, partner: draft, id })),
    update: (partnerId, patch) => write((initiativeId) => call('partners.update', { initiativeId, partnerId, patch })),
    remove: (partnerId) => write((initiativeId) => call('partners.delete', { initiativeId, partnerId })),
    restore: (partnerId) => write((initiativeId) => call('partners.restore', { initiativeId, partnerId })),
  };
});
