import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../src-main/contract/sync';
import { call } from '../../api/client';
import { syncProgressView } from './sync-progress';

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
  const view = syncProgressView(progress);
  const words =
    view.kind === 'sending'
      ? t('sync.progress.sending', { sent: number.format(view.sent), total: number.format(view.total) })
      : view.kind === 'receiving'
        ? t('sync.progress.receiving', { received: number.format(view.received) })
        : t('sync.progress.starting');
  return (
    <div className="sync-progress">
      {view.kind === 'sending' ? (
        <progress aria-label={t('sync.progress.label')} value={view.sent} max={view.total} />
      ) : (
        <progress aria-label={t('sync.progress.label')} aria-valuetext={words} />
      )}
      {/* Not a live region of its own: in Settings → Sync it sits inside the status region already,
          and a count read out four times a second would drown everything else. */}
      <p className="field__hint">{words}</p>
    </div>
  );
}
