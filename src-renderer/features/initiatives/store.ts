import { create } from 'zustand';
import type {
  ApiError,
  Initiative,
  InitiativeDraft,
  InitiativeListEntry,
  InitiativePatch,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';

const currentKey = 'commonground.currentInitiative';

interface InitiativesState {
  entries: InitiativeListEntry[];
  current: Initiative | null;
  loaded: boolean;
  error: ApiError | null;
  /** True while the person asked for the first-start screen although initiatives exist. */
  creatingNew: boolean;
  loadList(): Promise<void>;
  open(id: string): Promise<void>;
  create(draft: InitiativeDraft): Promise<ApiError | null>;
  openSample(): Promise<void>;
  update(patch: InitiativePatch): Promise<ApiError | null>;
  refreshCurrent(): Promise<void>;
  startNew(): void;
  cancelNew(): void;
}

export const useInitiatives = create<InitiativesState>((set, get) => ({
  entries: [],
  current: null,
  loaded: false,
  error: null,
  creatingNew: false,

  async loadList() {
    const result = await call('initiatives.list', {});
    if (!result.ok) return set({ error: result.error, loaded: true });
    set({ entries: result.value, error: null });
    const wanted = localStorage.getItem(currentKey);
    const openable = result.value.filter((entry) => entry.status === 'ok');
    const pick = openable.find((entry) => entry.id === wanted) ?? openable[0];
    if (pick && get().current?.id !== pick.id) await get().open(pick.id);
    set({ loaded: true });
  },

  async open(id) {
    const result = await call('initiatives.get', { initiativeId: id });
    if (!result.ok) return set({ error: result.error });
    localStorage.setItem(currentKey, id);
    set({ current: result.value, error: null, creatingNew: false });
  },

  async create(draft) {
    const result = await call('initiatives.create', draft);
    if (!result.ok) return result.error;
    localStorage.setItem(currentKey, result.value.id);
    set({ current: result.value, creatingNew: false });
    await get().loadList();
    return null;
  },

  async openSample() {
    const result = await call('initiatives.createSample', {});
    if (!result.ok) return set({ error: result.error });
    localStorage.setItem(currentKey, result.value.id);
    set({ current: result.value, creatingNew: false });
    await get().loadList();
  },

  async update(patch) {
    const current = get().current;
    if (!current) return null;
    const result = await call('initiatives.update', { initiativeId: current.id, patch });
    if (!result.ok) return result.error;
    if (patch.name !== undefined) await get().loadList();
    return null;
  },

  async refreshCurrent() {
    const current = get().current;
    if (current) await get().open(current.id);
  },

  startNew: () => set({ creatingNew: true }),
  cancelNew: () => set({ creatingNew: false }),
}));
