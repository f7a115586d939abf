import { useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MapNode } from './graph';
import type { RestingView } from './OverviewLayer';

/**
 * A pan that pauses this long without React Flow ending it (the mouse held still) counts as
 * resting too, so the overview is sharp again without waiting for the button to come up.
 */
const pauseMs = 150;

function sameView(a: RestingView, b: RestingView): boolean {
  return (
    a.width === b.width &&
    a.height === b.height &&
    a.transform[0] === b.transform[0] &&
    a.transform[1] === b.transform[1] &&
    a.transform[2] === b.transform[2]
  );
}

/**
 * The view as it was when it last came to rest: what the overview is drawn for and which
 * partners are mounted. Changes once per pan or zoom, never per frame, so nothing re-renders
 * while the map moves. `settle` is for React Flow's onMoveEnd, which knows a move ended at once.
 */
export function useRestingView(): { view: RestingView; settle(): void } {
  const store = useStoreApi<MapNode>();
  const read = useCallback((): RestingView => {
    const { transform, width, height } = store.getState();
    return { transform, width, height };
  }, [store]);
  const [view, setView] = useState<RestingView>(read);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const settle = useCallback(() => {
    clearTimeout(timer.current);
    const now = read();
    setView((current) => (sameView(current, now) ? current : now));
  }, [read]);

  useEffect(() => {
    let last = store.getState();
    const unsubscribe = store.subscribe((state) => {
      if (state.transform === last.transform && state.width === last.width && state.height === last.height) return;
      last = state;
      clearTimeout(timer.current);
      timer.current = setTimeout(settle, pauseMs);
    });
    // Anything that changed between the first render and this subscription (the size, measured).
    timer.current = setTimeout(settle, 0);
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
    };
  }, [store, settle]);

  return { view, settle };
}
