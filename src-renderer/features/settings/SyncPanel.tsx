import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Initiative } from '../../../src-main/contract/index';
import { roomOnlyCode, type ConflictCopy, type SyncStatus } from '../../../src-main/contract/sync';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { downloadFile, readAsBase64 } from '../exchange/files';
import { SyncIdCopy } from './SyncIdCopy';
import { SyncProgressBar, useSyncStatusPolling } from './SyncProgressBar';
import { TeamPassphraseField } from './TeamPassphraseField';
import { LanHubPanel } from './LanHubPanel';
import { useSyncStatus } from './sync-status';

/** Settings → Sync: hub address and passphrase, sync now with its status, bundle files, conflict copies. */
export function SyncPanel({ initiative }: { initiative: Initiative }) {
  const { t, i18n } = useTranslation();
  const initiativeId = initiative.id;
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [conflicts, setConflicts] = useState<ConflictCopy[]>([]);
  const [hubUrl, setHubUrl] = useState('');
  /** Set once the person types an address: the saved one, read a moment later, must not replace it. */
  const hubUrlTyped = useRef(false);
  const [passphrase, setPassphrase] = useState('');
  const [enrolmentKey, setEnrolmentKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  // Progress: the status is read again and again while a sync runs (here or in the background).
  useSyncStatusPolling(initiativeId, busy || status?.syncing === true, setStatus);
  // The header shows the same status as this panel.
  useEffect(() => {
    if (status) useSyncStatus.getState().show(initiativeId, status);
  }, [initiativeId, status]);

  const refetch = useCallback(async () => {
    const [nextStatus, nextConflicts] = await Promise.all([
      call('sync.status', { initiativeId }),
      call('conflicts.list', { initiativeId }),
    ]);
    if (nextStatus.ok) setStatus(nextStatus.value);
    if (nextConflicts.ok) setConflicts(nextConflicts.value);
  }, [initiativeId]);

  useEffect(() => {
    let live = true;
    void call('sync.status', { initiativeId }).then((result) => {
      if (!live || !result.ok) return;
      setStatus(result.value);
      if (!hubUrlTyped.current) setHubUrl(result.value.hubUrl);
    });
    void call('conflicts.list', { initiativeId }).then((result) => live && result.ok && setConflicts(result.value));
    return () => {
      live = false;
    };
  }, [initiativeId]);

  async function run<T>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>,
    done: (value: T) => string | null,
  ) {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const result = await work();
      if (result.ok) setMessage(done(result.value));
      else setError(describeError(result.error));
    } finally {
      setBusy(false);
      await refetch();
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        call('sync.configure', {
          initiativeId,
          hubUrl: hubUrl.trim(),
          passphrase,
          ...(enrolmentKey.trim() ? { enrolmentKey: enrolmentKey.trim() } : {}),
        }),
      () => {
        setPassphrase('');
        setEnrolmentKey('');
        return t('sync.saved');
      },
    );
  };

  const syncNow = () =>
    void run(
      () => call('sync.now', { initiativeId }),
      () => null,
    );

  const exportBundle = (everything: boolean) =>
    void run(
      () => call('sync.exportBundle', { initiativeId, everything }),
      (file) => {
        downloadFile({
          fileName: file.fileName,
          mimeType: 'application/octet-stream',
          contentBase64: file.contentBase64,
        });
        return t('sync.exported', { fileName: file.fileName, count: file.messages });
      },
    );

  async function importBundle(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const contentBase64 = await readAsBase64(file);
    await run(
      () => call('sync.importBundle', { initiativeId, contentBase64 }),
      ({ added }) => (added === 0 ? t('sync.importedNothing') : t('sync.imported', { count: added })),
    );
  }

  const dismiss = (conflictId: string) =>
    void run(
      () => call('conflicts.dismiss', { initiativeId, conflictId }),
      () => null,
    );

  function stateLine(current: SyncStatus): string {
    if (!current.configured) return t('sync.state.notConfigured');
    if (current.syncing) return t('sync.syncing');
    switch (current.state) {
      case 'never':
        return t('sync.state.never');
      case 'ok':
        if (!current.lastSyncedAt) return t('sync.state.never');
        return current.error?.code === roomOnlyCode
          ? t('sync.state.roomOnly', { time: time.format(new Date(current.lastSyncedAt)) })
          : t('sync.state.ok', { time: time.format(new Date(current.lastSyncedAt)) });
      case 'offline':
        return t('sync.state.offline');
      case 'error': {
        const failure = current.error;
        const words =
          failure?.code === 'not_configured'
            ? t('sync.notConfigured')
            : failure
              ? describeError(failure as ApiError)
              : '';
        return t('sync.state.error', { message: words });
      }
    }
  }

  return (
    <section className="card" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="field__hint">{t('sync.help')}</p>
      <form onSubmit={save}>
        <Field label={t('sync.hubUrl')} hint={t('sync.hubUrlHint')}>
          {(props) => (
            <input
              {...props}
              type="url"
              value={hubUrl}
              maxLength={500}
              onChange={(event) => {
                hubUrlTyped.current = true;
                setHubUrl(event.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('sync.enrolmentKey')} hint={t('sync.enrolmentKeyHint')}>
          {(props) => (
            <input
              {...props}
              value={enrolmentKey}
              maxLength={60}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setEnrolmentKey(event.target.value)}
            />
          )}
        </Field>
        <TeamPassphraseField
          label={t('sync.passphrase')}
          hint={t('sync.passphraseHint')}
          value={passphrase}
          onChange={setPassphrase}
          purpose="new"
        />
        <div className="notes__bar">
          <button type="submit" className="button" disabled={busy || passphrase.length < 10}>
            {t('sync.save')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !status?.configured || status.hubUrl === ''}
            onClick={syncNow}
          >
            {busy ? t('sync.syncing') : t('sync.syncNow')}
          </button>
        </div>
      </form>
      {status ? (
        <div role="status" aria-live="polite">
          <p>{stateLine(status)}</p>
          {status.syncing ? <SyncProgressBar progress={status.progress} /> : null}
          {status.configured && status.pendingChanges > 0 ? (
            <p className="field__hint">{t('sync.pending', { count: status.pendingChanges })}</p>
          ) : null}
          {status.clockWarning ? <p className="notice">{t('sync.clockWarning')}</p> : null}
          {status.setAside > 0 ? <p className="notice">{t('sync.setAside', { count: status.setAside })}</p> : null}
        </div>
      ) : null}
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
      <SyncIdCopy syncId={initiativeId} />
      <LanHubPanel
        initiativeId={initiativeId}
        configured={status?.configured ?? false}
        onChange={() => void refetch()}
      />
      <h3>{t('sync.bundleTitle')}</h3>
      <p className="field__hint">{t('sync.bundleHelp')}</p>
      <div className="notes__bar">
        <button
          type="button"
          className="button"
          disabled={busy || !status?.configured}
          onClick={() => exportBundle(false)}
        >
          {t('sync.exportChanges')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !status?.configured}
          onClick={() => exportBundle(true)}
        >
          {t('sync.exportAll')}
        </button>
        <label className="button">
          {t('sync.importBundle')}
          <input
            type="file"
            accept=".cgsync,application/octet-stream"
            className="visually-hidden"
            disabled={busy || !status?.configured}
            onChange={(event) => void importBundle(event)}
          />
        </label>
      </div>
      <h3>{t('sync.conflictsTitle')}</h3>
      <p className="field__hint">{t('sync.conflictsHelp')}</p>
      {conflicts.length === 0 ? (
        <p>{t('sync.conflictsNone')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('sync.conflictsTitle')}>
          {conflicts.map((copy) => (
            <li key={copy.id}>
              <div>
                <p className="field__hint">{t('sync.conflictCurrent')}</p>
                <p>{copy.currentText ?? ''}</p>
                <p className="field__hint">{t('sync.conflictLost', { time: time.format(new Date(copy.writtenAt)) })}</p>
                <p>{copy.text}</p>
              </div>
              <button type="button" className="button button--small" disabled={busy} onClick={() => dismiss(copy.id)}>
                {t('sync.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
