import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InitiativeListEntry } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { useInitiatives } from '../initiatives/store';

type Unavailable = Extract<InitiativeListEntry, { status: 'unavailable' }>;

/** Initiatives whose file will not open; a damaged one can be replaced by its newest good backup. */
export function UnavailableBanner({ entries }: { entries: Unavailable[] }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  async function restoreNewest(initiativeId: string) {
    setBusy(initiativeId);
    const result = await call('backups.restoreDamaged', { initiativeId });
    setBusy(null);
    if (!result.ok) {
      const reason = result.error.code === 'not_found' ? t('backups.noGoodBackup') : describeError(result.error);
      return setErrors((previous) => ({ ...previous, [initiativeId]: reason }));
    }
    const store = useInitiatives.getState();
    await store.loadList();
    await store.open(initiativeId);
  }

  if (entries.length === 0) return null;
  return (
    <div className="banner notice notice--error" role="alert">
      <strong>{t('initiative.unavailableTitle')}</strong>
      {entries.map((entry) => (
        <div key={entry.id}>
          <p>
            {entry.fileName}: {t('initiative.unavailableHelp', { message: t(`errors.${entry.code}`) })}
          </p>
          {entry.code === 'db_damaged' ? (
            <p>
              <button
                type="button"
                className="button button--small"
                disabled={busy !== null}
                onClick={() => void restoreNewest(entry.id)}
              >
                {t('backups.restoreNewest')}
              </button>{' '}
              <span className="field__hint">{t('backups.restoreNewestHelp')}</span>
            </p>
          ) : null}
          {errors[entry.id] ? <p className="form-error">{errors[entry.id]}</p> : null}
        </div>
      ))}
    </div>
  );
}
