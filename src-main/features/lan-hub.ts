import { AppError } from '../contract/result';
import { decodeLanCode, lanHubUrl } from '../sync/lan-code';
import type { LanHub } from '../sync/lan-hub';
import type { SyncService } from '../sync/sync-service';
import type { HandlerMap } from './handlers';

/** The roundtable hub: hosting one on this laptop, and joining one from its code. */
export function lanHubHandlers(lan: LanHub, sync: SyncService) {
  return {
    'lanHub.status': () => lan.status(),
    'lanHub.start': async ({ initiativeId }) => {
      const status = sync.status(initiativeId);
      if (!status.configured) {
        throw new AppError(
          'invalid_input',
          'Set the team passphrase for this initiative first (above): only laptops with it can use the hub.',
        );
      }
      await lan.start();
      // Into the hub at once, so the first laptop that joins finds the initiative there.
      await sync.syncNow(initiativeId);
      return lan.status();
    },
    'lanHub.stop': () => lan.stop(),
    'sync.useLanHub': async ({ initiativeId, code, passphrase }) => {
      const hub = decodeLanCode(code);
      try {
        return await sync.configure(initiativeId, lanHubUrl(hub), passphrase, hub.hubKey);
      } catch (error) {
        if (error instanceof AppError && error.code === 'sync_unreachable') {
          throw new AppError(
            'sync_unreachable',
            `No hub answered at ${hub.address}:${hub.port}. Check that this laptop is on the same network as the ` +
              'hosting one and that its hub is turned on.',
          );
        }
        throw error;
      }
    },
  } satisfies Partial<HandlerMap>;
}
