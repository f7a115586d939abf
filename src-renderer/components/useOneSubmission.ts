import { useCallback, useRef, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';

/**
 * One form submission, however many presses reach it. The new record's id is made here once and
 * sent with every press until a save succeeds, so main answers a second press (or a retry) with
 * the record the first one made; `pending` disables the button meanwhile. After a success the
 * next submission gets a new id.
 */
export function useOneSubmission() {
  const newId = useRef(uuidv7());
  const [pending, setPending] = useState(false);
  const submit = useCallback(async (save: (id: string) => Promise<boolean>): Promise<void> => {
    setPending(true);
    try {
      if (await save(newId.current)) newId.current = uuidv7();
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, submit };
}
