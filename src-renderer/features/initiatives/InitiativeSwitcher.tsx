import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useInitiatives } from './store';

const newOption = '__new__';

/** Picks the open initiative; files that cannot be opened are listed but cannot be chosen. */
export function InitiativeSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const { entries, current, open, startNew } = useInitiatives();
  return (
    <div className="switcher">
      <label htmlFor={id} className="switcher__label">
        {t('initiative.switcher')}
      </label>
      <select
        id={id}
        value={current?.id ?? ''}
        onChange={(event) => {
          if (event.target.value === newOption) startNew();
          else void open(event.target.value);
        }}
      >
        {entries.map((entry) =>
          entry.status === 'ok' ? (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ) : (
            <option key={entry.id} value={entry.id} disabled>
              {t('initiative.unavailable', { name: entry.fileName })}
            </option>
          ),
        )}
        <option value={newOption}>{t('initiative.new')}</option>
      </select>
    </div>
  );
}
