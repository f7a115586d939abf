import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useShallow } from 'zustand/react/shallow';
import { roomOnlyCode, type SyncStatus } from '../../../src-main/contract/sync';
import { useSaveStatus } from '../../api/save-status';
import { describeError } from '../../i18n/index';
import { selectSyncStatus, useSyncStatus } from '../settings/sync-status';

/** Where sync stands, in a few words; Settings → Sync has the whole story. */
function syncLine(status: SyncStatus | null, t: TFunction, formatTime: (iso: string) => string): string {
  if (!status) return '';
  if (!status.configured) return t('status.syncOff');
  if (status.syncing) return t('status.sync.syncing');
  switch (status.state) {
    case 'never':
      return t('status.sync.never');
    case 'ok':
      if (!status.lastSyncedAt) return t('status.sync.never');
      return t(status.error?.code === roomOnlyCode ? 'status.sync.room' : 'status.sync.ok', {
        time: formatTime(status.lastSyncedAt),
      });
    case 'offline':
      return t('status.sync.offline');
    case 'error':
      return t('status.sync.error');
  }
}

/** Saving, saved, or why not; and where sync of the open initiative stands. */
export function StatusIndicator({ initiativeId }: { initiativeId: string }) {
  const { t, i18n } = useTranslation();
  const syncStatus = useSyncStatus(selectSyncStatus(initiativeId));
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const { pending, lastError, dismissError } = useSaveStatus(
    useShallow((state) => ({ pending: state.pending, lastError: state.lastError, dismissError: state.dismissError })),
  );
  let text = t('status.saved');
  let tone = 'ok';
  if (pending > 0) {
    text = t('status.saving');
    tone = 'busy';
  } else if (lastError) {
    text = t('status.notSaved', { reason: describeError(lastError) });
    tone = 'error';
  }
  return (
    <div className="status">
      <p className={`status__save status__save--${tone}`} role="status" aria-live="polite" data-testid="save-status">
        <span className="status__dot" aria-hidden="true" />
        {text}
        {tone === 'error' ? (
          <button type="button" className="link-button" onClick={dismissError}>
            {t('status.dismiss')}
          </button>
        ) : null}
      </p>
      <p className="status__sync" data-testid="sync-status">
        {syncLine(syncStatus, t, (iso) => time.format(new Date(iso)))}
      </p>
    </div>
  );
}
