import type { HandlerContext } from './context';
import type { HandlerMap } from './handlers';
import {
  exportInitiativeFile,
  importInitiativeFile,
  restoreBackup,
  restoreNewestGoodBackup,
} from '../store/initiative-files';
import { AppError } from '../contract/result';

export function backupHandlers({ library }: HandlerContext) {
  /** Backups of an initiative that is on this device, damaged or not (so not via open()). */
  const known = (initiativeId: string) => {
    if (!library.exists(initiativeId)) {
      throw new AppError('not_found', 'There is no initiative with that id on this device.');
    }
    return initiativeId.toLowerCase();
  };
  return {
    'backups.list': ({ initiativeId }) => library.backups.list(known(initiativeId)),
    'backups.create': ({ initiativeId }) => library.backupNow(known(initiativeId)),
    'backups.restore': ({ initiativeId, fileName }) => restoreBackup(library, known(initiativeId), fileName),
    'backups.restoreDamaged': ({ initiativeId }) => restoreNewestGoodBackup(library, known(initiativeId)),
    'initiatives.exportFile': ({ initiativeId, passphrase }) => exportInitiativeFile(library, initiativeId, passphrase),
    'initiatives.importFile': ({ contentBase64, passphrase }) =>
      importInitiativeFile(library, Buffer.from(contentBase64, 'base64'), passphrase),
  } satisfies Partial<HandlerMap>;
}
