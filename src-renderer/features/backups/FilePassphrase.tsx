import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export const minFilePassphraseLength = 10;

/** The passphrase that seals a whole-initiative export and opens it again on another computer. */
export function FilePassphraseField({ value, onChange }: { value: string; onChange(next: string): void }) {
  const { t } = useTranslation();
  const hint = useId();
  return (
    <label className="field">
      <span>{t('backups.passphrase')}</span>
      <input
        type="password"
        autoComplete="off"
        value={value}
        maxLength={1024}
        aria-describedby={hint}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={hint} className="field__hint">
        {t('backups.passphraseHelp')}
      </span>
    </label>
  );
}

/**
 * The same passphrase typed a second time before an export is sealed: a typo in a hidden field
 * would seal the file with a passphrase nobody knows, and nothing can open it again. The
 * difference is said as soon as the second one is as long as the first.
 */
export function RepeatPassphraseField({
  passphrase,
  value,
  onChange,
}: {
  passphrase: string;
  value: string;
  onChange(next: string): void;
}) {
  const { t } = useTranslation();
  const note = useId();
  const differs = value.length >= passphrase.length && value !== passphrase && value !== '';
  return (
    <label className="field">
      <span>{t('backups.repeatPassphrase')}</span>
      <input
        type="password"
        autoComplete="off"
        value={value}
        maxLength={1024}
        aria-invalid={differs || undefined}
        aria-describedby={note}
        onChange={(event) => onChange(event.target.value)}
      />
      {differs ? (
        <span id={note} className="field__error" role="alert">
          {t('backups.passphrasesDiffer')}
        </span>
      ) : (
        <span id={note} className="field__hint">
          {t('backups.passphraseLost')}
        </span>
      )}
    </label>
  );
}
