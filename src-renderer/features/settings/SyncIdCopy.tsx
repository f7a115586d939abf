import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The initiative's sync id, for the person setting up another computer: it is what "Join from a
 * hub" asks for, with the hub address and the team passphrase. It is not a secret by itself.
 */
export function SyncIdCopy({ syncId }: { syncId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<'copied' | 'selected' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(syncId);
      setOutcome('copied');
    } catch {
      // No clipboard here (a browser that refuses it): select the id so Ctrl+C copies it.
      input.current?.select();
      setOutcome('selected');
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{t('sync.syncId')}</label>
      <div className="notes__bar">
        <input
          id={id}
          ref={input}
          readOnly
          value={syncId}
          dir="ltr"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('sync.copySyncId')}
        </button>
      </div>
      <p id={`${id}-hint`} className="field__hint" role="status">
        {outcome === 'copied'
          ? t('sync.syncIdCopied')
          : outcome === 'selected'
            ? t('sync.syncIdSelected')
            : t('sync.syncIdHint')}
      </p>
    </div>
  );
}
