import { useEffect } from 'react';
import { call } from '../../api/client';
import { useSyncStatus } from './sync-status';

/** How often the open initiative syncs by itself while a hub is set up. */
export const autoSyncEveryMs = 5 * 60_000;

/**
 * Syncs the open initiative on opening, every few minutes, and when the computer comes back
 * online, as long as a passphrase and a hub (an address, or the roundtable hub this laptop hosts) are set. Quiet: the outcome is recorded in the
 * sync status that Settings → Sync and the header show; an unreachable hub is simply "offline".
 */
export function useAutoSync(initiativeId: string): void {
  useEffect(() => {
    let stopped = false;
    async function syncIfSetUp() {
      const { refresh, show } = useSyncStatus.getState();
      const current = await refresh(initiativeId);
      if (stopped || !current?.configured) return;
      // No hub address, but this laptop may host the room's hub: then it syncs into that.
      if (current.hubUrl === '') {
        const lan = await call('lanHub.status', {});
        if (stopped || !lan.ok || !lan.value.running) return;
      }
      if (current.syncing) return;
      const synced = await call('sync.now', { initiativeId });
      if (!stopped && synced.ok) show(initiativeId, synced.value);
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
