import { AppError } from '../contract/result';
import { maxBundleBytes } from '../contract/sync';
import { decodeLanCode, lanHubUrl } from '../sync/lan-code';
import { LanHub } from '../sync/lan-hub';
import { SyncService } from '../sync/sync-service';
import type { HandlerContext } from './context';
import type { HandlerMap } from './handlers';
import { lanHubHandlers } from './lan-hub';

export function syncHandlers({ library }: HandlerContext) {
  // Never on after a start; stopped when the library closes (the app quits, the host stops).
  const lan = new LanHub({ dataDir: library.dataDir });
  library.onClose(() => lan.stop());
  const sync = new SyncService(library, { lanPeer: (key) => lan.peerFor(key) });
  return {
    ...lanHubHandlers(lan, sync),
    'sync.status': ({ initiativeId }) => sync.status(initiativeId),
    'sync.configure': ({ initiativeId, hubUrl, passphrase, enrolmentKey }) =>
      sync.configure(initiativeId, hubUrl, passphrase, null, enrolmentKey || null),
    'sync.now': ({ initiativeId }) => sync.syncNow(initiativeId),
    // Here rather than with the other initiative channels: a join is a sync, and its progress is
    // read through sync.status from this same service.
    'initiatives.joinFromHub': (input) => {
      if (input.hubUrl.includes('://')) return sync.join(input);
      // A roundtable code: the hub a laptop in the room hosts, with its hub key.
      const hub = decodeLanCode(input.hubUrl);
      return sync.join({ ...input, hubUrl: lanHubUrl(hub), hubKey: hub.hubKey });
    },
    'sync.exportBundle': ({ initiativeId, everything }) => sync.exportBundle(initiativeId, everything),
    'sync.importBundle': ({ initiativeId, contentBase64 }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > maxBundleBytes) throw new AppError('too_large', 'That bundle is too large.');
      return sync.importBundle(initiativeId, bytes);
    },
    'conflicts.list': ({ initiativeId }) => sync.conflicts(initiativeId),
    'conflicts.dismiss': ({ initiativeId, conflictId }) => {
      sync.dismissConflict(initiativeId, conflictId);
      return { conflictId };
    },
  } satisfies Partial<HandlerMap>;
}
