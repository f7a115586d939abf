/**
 * Wraps a refetch so that calls made while one runs fold into a single follow-up run. Screens that
 * save on every keystroke announce a change per key; this keeps them from piling up refetches.
 */
export function coalesced(run: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let again = false;
  return async () => {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        again = false;
        await run();
      } while (again);
    })();
    try {
      await inFlight;
    } finally {
      inFlight = null;
    }
  };
}
