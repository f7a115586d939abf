import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { entityId, minPassphraseChars, type ApiError, type SyncStatus } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { SyncProgressBar, useSyncStatusPolling } from '../settings/SyncProgressBar';
import { TeamPassphraseField } from '../settings/TeamPassphraseField';
import { useInitiatives } from './store';

/**
 * Another computer of the team: join an initiative with the hub address, its sync id (Settings →
 * Sync on a computer that has it) and the team passphrase. Nothing is kept if the join fails.
 */
export function JoinFromHubCard() {
  const { t } = useTranslation();
  const [hubUrl, setHubUrl] = useState('');
  const [syncId, setSyncId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [syncIdError, setSyncIdError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState<string | null>(null);
  const [progress, setProgress] = useState<SyncStatus['progress']>(null);
  const onStatus = useCallback((status: SyncStatus) => setProgress(status.progress), []);
  useSyncStatusPolling(joining, joining !== null, onStatus);

  const byCode = hubUrl.trim() !== '' && !hubUrl.includes('://');

  function explain(failure: ApiError): string {
    switch (failure.code) {
      case 'wrong_passphrase':
        return t('sync.join.wrongPassphrase');
      case 'not_found':
        return t('sync.join.notOnHub');
      case 'sync_unreachable':
        return t('sync.join.unreachable');
      case 'wrong_hub_code':
        return t('lanHub.join.oldCode');
      case 'invalid_input':
        if (failure.issues) return describeError(failure);
        // A code that does not check out is refused before anything else is looked at.
        return byCode ? t('lanHub.join.badCode') : t('sync.join.alreadyHere');
      default:
        return describeError(failure);
    }
  }

  async function join(event: FormEvent) {
    event.preventDefault();
    const id = entityId.safeParse(syncId.trim());
    if (!id.success) {
      setSyncIdError(t('sync.join.syncIdInvalid'));
      return;
    }
    if (useInitiatives.getState().entries.some((entry) => entry.id === id.data)) {
      setError(t('sync.join.alreadyHere'));
      return;
    }
    setError(null);
    setProgress(null);
    setJoining(id.data);
    const result = await call('initiatives.joinFromHub', { hubUrl: hubUrl.trim(), syncId: id.data, passphrase });
    setJoining(null);
    if (!result.ok) return setError(explain(result.error));
    setPassphrase('');
    const store = useInitiatives.getState();
    await store.loadList();
    await store.open(result.value.id);
  }

  const busy = joining !== null;
  return (
    <section className="card card--quiet" aria-labelledby="join-hub-title">
      <h2 id="join-hub-title">{t('sync.join.title')}</h2>
      <p>{t('sync.join.intro')}</p>
      <form onSubmit={join} noValidate aria-labelledby="join-hub-title">
        <Field label={t('sync.join.hubOrCode')} hint={t('sync.join.hubOrCodeHint')}>
          {(props) => (
            <input
              {...props}
              dir="ltr"
              spellCheck={false}
              value={hubUrl}
              maxLength={500}
              placeholder="https://hub.example.org"
              onChange={(event) => setHubUrl(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('sync.syncId')} hint={t('sync.join.syncIdHint')} error={syncIdError}>
          {(props) => (
            <input
              {...props}
              dir="ltr"
              spellCheck={false}
              value={syncId}
              maxLength={60}
              onChange={(event) => {
                setSyncId(event.target.value);
                setSyncIdError(null);
              }}
            />
          )}
        </Field>
        <TeamPassphraseField
          label={t('sync.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          purpose="current"
        />
        {busy ? <SyncProgressBar progress={progress} /> : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="button"
          disabled={busy || hubUrl.trim() === '' || syncId.trim() === '' || passphrase.length < minPassphraseChars}
        >
          {busy ? t('sync.join.joining') : t('sync.join.submit')}
        </button>
      </form>
    </section>
  );
}
