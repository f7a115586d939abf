import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { readAsBase64 } from '../exchange/files';
import { useInitiatives } from '../initiatives/store';
import { FilePassphraseField } from './FilePassphrase';

/** On first start (a new laptop): open an initiative exported from another computer. */
export function ImportInitiativeCard() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const contentBase64 = await readAsBase64(file);
    const result = await call('initiatives.importFile', {
      fileName: file.name.slice(0, 260),
      contentBase64,
      passphrase,
    });
    if (!result.ok) return setError(describeError(result.error));
    setError(null);
    const store = useInitiatives.getState();
    await store.loadList();
    await store.open(result.value.id);
  }

  return (
    <section className="card card--quiet" aria-labelledby="import-initiative-title">
      <h2 id="import-initiative-title">{t('backups.firstStartTitle')}</h2>
      <p>{t('backups.firstStartIntro')}</p>
      <FilePassphraseField value={passphrase} onChange={setPassphrase} />
      <label className="button">
        {t('backups.import')}
        <input
          type="file"
          accept=".cground,.sqlite,application/vnd.sqlite3"
          className="visually-hidden"
          onChange={(event) => void importFile(event)}
        />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
