import { useEffect } from 'react';
import { call } from '../../api/client';

/** How often the open initiative syncs by itself while a hub is set up. */
export const autoSyncEveryMs = 5 * 60_000;

/**
 * Syncs the open initiative on opening, every few minutes, and when the computer comes back
 * online, as long as a passphrase and a hub (an address, or the roundtable hub this laptop hosts) are set. Quiet: the outcome is recorded in the
 * sync status that Settings → Sync shows; an unreachable hub is simply "offline".
 */
export function useAutoSync(initiativeId: string): void {
  useEffect(() => {
    let stopped = false;
    async function syncIfSetUp() {
      const status = await call('sync.status', { initiativeId });
      if (stopped || !status.ok || !status.value.configured) return;
      // No hub address, but this laptop may host the room's hub: then it syncs into that.
      if (status.value.hubUrl === '') {
        const lan = await call('lanHub.status', {});
        if (stopped || !lan.ok || !lan.value.running) return;
      }
      if (status.value.syncing) return;
      await call('sync.now', { initiativeId });
    }
    void syncIfSetUp();
    const timer = window.setInterval(() => void syncIfSetUp(), autoSyncEveryMs);
    const online = () => void syncIfSetUp();
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, [initiativeId]);
}
