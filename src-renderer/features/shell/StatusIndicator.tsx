import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSaveStatus } from '../../api/save-status';
import { describeError } from '../../i18n/index';

/** Saving, saved, or why not; and where sync stands (not set up yet). */
export function StatusIndicator() {
  const { t } = useTranslation();
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
      <p className="status__sync">{t('status.syncOff')}</p>
    </div>
  );
}
