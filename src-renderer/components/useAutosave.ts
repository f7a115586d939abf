import { useCallback, useEffect, useRef } from 'react';

/**
 * Saves every change as it is typed without flooding main: while one save is in flight, later
 * values wait, and only the newest is sent when it returns. Nothing typed is dropped: the last
 * value always reaches the store.
 */
export function useAutosave<T>(save: (value: T) => Promise<unknown>): (value: T) => void {
  const saveRef = useRef(save);
  const inFlight = useRef(false);
  const next = useRef<{ value: T } | null>(null);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const pump = useCallback(async () => {
    if (inFlight.current) return;
    while (next.current) {
      const { value } = next.current;
      next.current = null;
      inFlight.current = true;
      try {
        await saveRef.current(value);
      } finally {
        inFlight.current = false;
      }
    }
  }, []);

  return useCallback(
    (value: T) => {
      next.current = { value };
      void pump();
    },
    [pump],
  );
}
