import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, Initiative } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { downloadFile, readAsBase64 } from '../exchange/files';
import { useInitiatives } from '../initiatives/store';
import { FilePassphraseField, minFilePassphraseLength, RepeatPassphraseField } from './FilePassphrase';
import './backups.css';

function useFormatters() {
  const { i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return {
    takenAt: (iso: string) => time.format(new Date(iso)),
    size: (bytes: number) => `${number.format(bytes / 1024)} KB`,
  };
}

/** Settings → Backups: the rolling backups of this initiative, restore, and the whole file out and in. */
export function BackupsPanel({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const initiativeId = initiative.id;
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');

  const refetch = useCallback(async () => {
    const result = await call('backups.list', { initiativeId });
    if (result.ok) setBackups(result.value);
    else setError(describeError(result.error));
  }, [initiativeId]);

  useEffect(() => {
    let live = true;
    void call('backups.list', { initiativeId }).then((result) => {
      if (live && result.ok) setBackups(result.value);
    });
    return () => {
      live = false;
    };
  }, [initiativeId]);

  async function run<T>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: Parameters<typeof describeError>[0] }>,
    done: (value: T) => string | Promise<string>,
  ) {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const result = await work();
      if (result.ok) setMessage(await done(result.value));
      else setError(describeError(result.error));
    } finally {
      setBusy(false);
      await refetch();
    }
  }

  const backUpNow = () =>
    run(
      () => call('backups.create', { initiativeId }),
      (entry) => t('backups.taken', { time: format.takenAt(entry.takenAt) }),
    );

  const restore = (fileName: string, takenAt: string) =>
    run(
      () => call('backups.restore', { initiativeId, fileName }),
      async () => {
        setConfirming(null);
        await useInitiatives.getState().open(initiativeId);
        return t('backups.restored', { time: format.takenAt(takenAt) });
      },
    );

  const exportFile = () => {
    if (passphrase.length < minFilePassphraseLength) {
      setMessage(null);
      return setError(t('backups.passphraseShort'));
    }
    if (repeated !== passphrase) {
      setMessage(null);
      return setError(t('backups.passphrasesDiffer'));
    }
    return run(
      () => call('initiatives.exportFile', { initiativeId, passphrase }),
      (file) => {
        downloadFile(file);
        return t('backups.exported', { fileName: file.fileName });
      },
    );
  };

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const contentBase64 = await readAsBase64(file);
    await run(
      () => call('initiatives.importFile', { fileName: file.name.slice(0, 260), contentBase64, passphrase }),
      async (imported) => {
        await useInitiatives.getState().loadList();
        return t('backups.imported', { name: imported.name });
      },
    );
  }

  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="field__hint">{t('backups.help')}</p>
      <FilePassphraseField value={passphrase} onChange={setPassphrase} />
      <RepeatPassphraseField passphrase={passphrase} value={repeated} onChange={setRepeated} />
      <div className="notes__bar">
        <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
          {t('backups.backUpNow')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportFile()}>
          {t('backups.export')}
        </button>
        <label className="button">
          {t('backups.import')}
          <input
            type="file"
            accept=".cground,.sqlite,application/vnd.sqlite3"
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => void importFile(event)}
          />
        </label>
      </div>
      <p className="field__hint">{t('backups.exportHelp')}</p>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {backups === null ? null : backups.length === 0 ? (
        <p>{t('backups.none')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('backups.listLabel')}>
          {backups.map((backup) => (
            <li key={backup.fileName}>
              <span>{format.takenAt(backup.takenAt)}</span>
              <span className="field__hint">{format.size(backup.sizeBytes)}</span>
              {backup.ok ? null : <span className="form-error">{t('backups.damaged')}</span>}
              {confirming === backup.fileName ? (
                <span role="group" aria-label={t('backups.confirmLabel')}>
                  {t('backups.confirm', { time: format.takenAt(backup.takenAt) })}{' '}
                  <button
                    type="button"
                    className="button button--small button--primary"
                    disabled={busy}
                    onClick={() => void restore(backup.fileName, backup.takenAt)}
                  >
                    {t('backups.confirmRestore')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    onClick={() => setConfirming(null)}
                  >
                    {t('backups.cancel')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy || !backup.ok}
                  onClick={() => setConfirming(backup.fileName)}
                >
                  {t('backups.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
