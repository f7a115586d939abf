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
