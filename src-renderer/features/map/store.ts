import { create } from 'zustand';
import type { ApiError, MapPosition } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import type { LayoutInput, Point } from './layout';
import { runLayout } from './layout-runner';
import { planLayout } from './layout-plan';

/** Seed of the automatic layout: the same roster always gives the same map. */
const layoutSeed = 20_080;

interface MapState {
  initiativeId: string | null;
  /** Positions the facilitator placed by hand; they win over the automatic layout. */
  saved: Record<string, Point>;
  savedLoaded: boolean;
  /** The automatic layout for the roster in `layoutKey`, or null while none is computed. */
  layout: Record<string, Point> | null;
  layoutKey: string | null;
  /** The groups the current layout was computed for: while they stay the same, its places are kept. */
  layoutGroupsKey: string | null;
  layoutRunning: boolean;
  /** Bumped by "Re-arrange automatically", so the screen lays the map out again. */
  generation: number;
  error: ApiError | null;
  hiddenSectors: string[];
  hiddenGroups: string[];
  hiddenRelationshipKinds: string[];
  hideUnassigned: boolean;
  showAllRelationships: boolean;
  load(initiativeId: string): Promise<void>;
  arrange(key: string, input: Omit<LayoutInput, 'pinned'>): Promise<void>;
  savePositions(positions: MapPosition[]): Promise<ApiError | null>;
  rearrange(): Promise<ApiError | null>;
  toggleSector(sector: string): void;
  toggleGroup(groupId: string): void;
  toggleRelationshipKind(kind: string): void;
  toggleUnassigned(): void;
  toggleAllRelationships(): void;
}

const toggled = (list: string[], value: string) =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

export const useMap = create<MapState>((set, get) => ({
  initiativeId: null,
  saved: {},
  savedLoaded: false,
  layout: null,
  layoutKey: null,
  layoutGroupsKey: null,
  layoutRunning: false,
  generation: 0,
  error: null,
  hiddenSectors: [],
  hiddenGroups: [],
  hiddenRelationshipKinds: [],
  hideUnassigned: false,
  showAllRelationships: false,

  async load(initiativeId) {
    if (get().initiativeId !== initiativeId)
      set({
        initiativeId,
        saved: {},
        savedLoaded: false,
        layout: null,
        layoutKey: null,
        layoutGroupsKey: null,
        hiddenSectors: [],
        hiddenGroups: [],
        hiddenRelationshipKinds: [],
        hideUnassigned: false,
        showAllRelationships: false,
      });
    const result = await call('map.positions', { initiativeId });
    if (get().initiativeId !== initiativeId) return;
    if (!result.ok) return set({ error: result.error, savedLoaded: true });
    set({
      saved: Object.fromEntries(result.value.map(({ nodeId, x, y }) => [nodeId, { x, y }])),
      savedLoaded: true,
      error: null,
    });
  },

  async arrange(key, input) {
    const { initiativeId, saved, layout, layoutGroupsKey } = get();
    const plan = planLayout(
      input,
      saved,
      layout && layoutGroupsKey ? { positions: layout, groupsKey: layoutGroupsKey } : null,
    );
    // Everything has a place already: draw it now, without waiting for a worker.
    if (!plan.needsLayout)
      return set({
        layout: { [input.agendaId]: { x: 0, y: 0 }, ...plan.pinned },
        layoutKey: key,
        layoutGroupsKey: plan.groupsKey,
      });
    set({ layoutRunning: true });
    // Marks for the benchmark (tests/bench/map.bench.ts); cheap enough to leave in.
    performance.mark('map-layout-start');
    const result = await runLayout({ ...input, pinned: plan.pinned }, { seed: layoutSeed });
    performance.mark('map-layout-done');
    if (get().initiativeId !== initiativeId) return;
    set({ layout: result.positions, layoutKey: key, layoutGroupsKey: plan.groupsKey, layoutRunning: false });
  },

  async savePositions(positions) {
    const initiativeId = get().initiativeId;
    if (!initiativeId || positions.length === 0) return null;
    set((state) => ({
      saved: { ...state.saved, ...Object.fromEntries(positions.map(({ nodeId, x, y }) => [nodeId, { x, y }])) },
    }));
    const result = await call('map.savePositions', { initiativeId, positions });
    return result.ok ? null : result.error;
  },

  async rearrange() {
    const initiativeId = get().initiativeId;
    if (!initiativeId) return null;
    const result = await call('map.resetLayout', { initiativeId });
    if (!result.ok) return result.error;
    set((state) => ({
      saved: {},
      layout: null,
      layoutKey: null,
      layoutGroupsKey: null,
      generation: state.generation + 1,
    }));
    return null;
  },

  toggleSector: (sector) => set((state) => ({ hiddenSectors: toggled(state.hiddenSectors, sector) })),
  toggleGroup: (groupId) => set((state) => ({ hiddenGroups: toggled(state.hiddenGroups, groupId) })),
  toggleRelationshipKind: (kind) =>
    set((state) => ({ hiddenRelationshipKinds: toggled(state.hiddenRelationshipKinds, kind) })),
  toggleUnassigned: () => set((state) => ({ hideUnassigned: !state.hideUnassigned })),
  toggleAllRelationships: () => set((state) => ({ showAllRelationships: !state.showAllRelationships })),
}));
