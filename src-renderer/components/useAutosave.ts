import { useCallback, useEffect, useRef } from 'react';
import { useSaveStatus } from '../api/save-status';

/**
 * Saves every change as it is typed without flooding main: while one save is in flight, later
 * values wait, and only the newest is sent when it returns. Nothing typed is dropped: the last
 * value always reaches the store. From the first keystroke until the newest value is stored the
 * save indicator counts this saver as pending, so it never reads "saved" in the gap between one
 * save returning and the next one leaving.
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
    inFlight.current = true;
    useSaveStatus.getState().hold();
    try {
      while (next.current) {
        const { value } = next.current;
        next.current = null;
        await saveRef.current(value);
      }
    } finally {
      inFlight.current = false;
      useSaveStatus.getState().release();
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
