import { create } from 'zustand';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { call } from '../../api/client';

/**
 * The open initiative's sync status as last read from main, for the header. Whoever reads
 * sync.status (opening the initiative, the automatic sync, Settings → Sync) hands the answer in
 * here, so the header says what Settings says, also right after a reload.
 */
interface SyncStatusState {
  initiativeId: string | null;
  status: SyncStatus | null;
  show(initiativeId: string, status: SyncStatus): void;
  /** Reads the status from main again; a refusal leaves what was shown. */
  refresh(initiativeId: string): Promise<SyncStatus | null>;
}

export const useSyncStatus = create<SyncStatusState>((set, get) => ({
  initiativeId: null,
  status: null,
  show: (initiativeId, status) => set({ initiativeId, status }),
  async refresh(initiativeId) {
    const result = await call('sync.status', { initiativeId });
    if (!result.ok) return null;
    get().show(initiativeId, result.value);
    return result.value;
  },
}));

/** The status of `initiativeId`, or null while none has been read for it. */
export const selectSyncStatus =
  (initiativeId: string) =>
  (state: SyncStatusState): SyncStatus | null =>
    state.initiativeId === initiativeId ? state.status : null;
