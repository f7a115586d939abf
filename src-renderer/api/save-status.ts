import { create } from 'zustand';
import type { ApiError } from '../../src-main/contract/index';

interface SaveStatusState {
  pending: number;
  lastError: ApiError | null;
  lastSavedAt: number | null;
  begin(): void;
  end(error: ApiError | null): void;
  dismissError(): void;
}

/** What the header's save indicator shows: saving, saved, or why the last save failed. */
export const useSaveStatus = create<SaveStatusState>((set) => ({
  pending: 0,
  lastError: null,
  lastSavedAt: null,
  begin: () => set((state) => ({ pending: state.pending + 1 })),
  end: (error) =>
    set((state) => ({
      pending: Math.max(0, state.pending - 1),
      lastError: error,
      lastSavedAt: error ? state.lastSavedAt : Date.now(),
    })),
  dismissError: () => set({ lastError: null }),
}));
