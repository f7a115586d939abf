import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { call } from '../../api/client';

/** How often the status is read while a sync or a join runs. */
const pollEveryMs = 400;

/**
 * Reads sync.status while `active` (a sync or join under way) and hands each answer on. A join's
 * initiative has no file until the hub has said yes, so a refusal here just means "not yet".
 */
export function useSyncStatusPolling(
  initiativeId: string | null,
  active: boolean,
  onStatus: (status: SyncStatus) => void,
): void {
  useEffect(() => {
    if (!active || !initiativeId) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      void call('sync.status', { initiativeId }).then((result) => {
        if (!stopped && result.ok) onStatus(result.value);
      });
    }, pollEveryMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [initiativeId, active, onStatus]);
}

/**
 * A sync under way: a determinate bar while sending (this computer knows how much it sends), an
 * indeterminate one with the count so far while receiving, or before anything has moved.
 */
export function SyncProgressBar({ progress }: { progress: SyncStatus['progress'] }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const determinate = progress?.phase === 'sending' && progress.total !== null && progress.total > 0;
  let words = t('sync.progress.starting');
  if (progress && determinate) {
    words = t('sync.progress.sending', {
      sent: number.format(progress.sent),
      total: number.format(progress.total ?? 0),
    });
  } else if (progress) {
    words = t('sync.progress.receiving', { received: number.format(progress.received) });
  }
  return (
    <div className="sync-progress">
      {determinate ? (
        <progress aria-label={t('sync.progress.label')} value={progress.sent} max={progress.total ?? 0} />
      ) : (
        <progress aria-label={t('sync.progress.label')} aria-valuetext={words} />
      )}
      <p className="field__hint" aria-live="polite">
        {words}
      </p>
    </div>
  );
}
