import { create } from 'zustand';
import type { ApiError } from '../../src-main/contract/index';

interface SaveStatusState {
  pending: number;
  lastError: ApiError | null;
  lastSavedAt: number | null;
  begin(): void;
  end(error: ApiError | null): void;
  /** An edit is typed but not yet sent (an autosaver holds it while an earlier save is in flight). */
  hold(): void;
  release(): void;
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
  // A hold counts as pending without touching the last error: "saved" must never show while a
  // typed value is still waiting its turn, or a crash in that gap loses what the screen called saved.
  hold: () => set((state) => ({ pending: state.pending + 1 })),
  release: () => set((state) => ({ pending: Math.max(0, state.pending - 1) })),
  dismissError: () => set({ lastError: null }),
}));
