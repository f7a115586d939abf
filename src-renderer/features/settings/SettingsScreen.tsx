import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type AppInfo, type Initiative, type InitiativePatch } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useAutosave } from '../../components/useAutosave';
import { changeLocale, describeError, type AppLocale } from '../../i18n/index';
import { BackupsPanel } from '../backups/BackupsPanel';
import { SyncPanel } from './SyncPanel';
import { PhaseSelect } from '../initiatives/PhaseSelect';
import { useInitiatives } from '../initiatives/store';

export function SettingsScreen({ initiative }: { initiative: Initiative }) {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void call('app.info', {}).then((result) => result.ok && setInfo(result.value));
  }, []);

  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen__header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <InitiativeDetails key={initiative.id} initiative={initiative} />
      <BackupsPanel key={`backups-${initiative.id}`} initiative={initiative} />
      <SyncPanel key={`sync-${initiative.id}`} initiative={initiative} />
      <section className="card" aria-labelledby="language-title">
        <h2 id="language-title">{t('settings.languageSection')}</h2>
        <Field label={t('settings.language')}>
          {(props) => (
            <select
              {...props}
              value={i18n.language}
              onChange={(event) => void changeLocale(event.target.value as AppLocale)}
            >
              {locales.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`languages.${locale}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.aboutSection')}</h2>
        {info ? (
          <>
            <p>{t('settings.version', { version: info.version })}</p>
            <p className="mono">{t('settings.dataFolder', { dataDir: info.dataDir })}</p>
          </>
        ) : null}
        <p>
          <a href="https://en.wikipedia.org/wiki/Collective_impact">{t('settings.learnMore')}</a>
        </p>
      </section>
    </section>
  );
}

/** Edits the open initiative; every keystroke is saved. */
function InitiativeDetails({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const update = useInitiatives((state) => state.update);
  const [draft, setDraft] = useState(initiative);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = useAutosave(
    useCallback(
      async (patch: InitiativePatch) => {
        const failure = await update(patch);
        setSaveError(failure ? describeError(failure) : null);
      },
      [update],
    ),
  );

  function change<K extends keyof InitiativePatch>(key: K, value: Initiative[K]) {
    setDraft((previous) => ({ ...previous, [key]: value }));
    if (key === 'name' && String(value).trim() === '') return setNameError(t('errors.required'));
    if (key === 'name') setNameError(null);
    save({ [key]: value });
  }

  return (
    <section className="card" aria-labelledby="initiative-title">
      <h2 id="initiative-title">{t('settings.initiativeSection')}</h2>
      <p className="field__hint">{t('settings.initiativeHelp')}</p>
      <Field label={t('initiative.name')} error={nameError}>
        {(props) => (
          <input
            {...props}
            value={draft.name}
            maxLength={200}
            onChange={(event) => change('name', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('initiative.problemStatement')}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={draft.problemStatement}
            onChange={(event) => change('problemStatement', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('initiative.vision')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={draft.vision}
            onChange={(event) => change('vision', event.target.value)}
          />
        )}
      </Field>
      <Field label={t('initiative.phase')}>
        {(props) => <PhaseSelect id={props.id} value={draft.phase} onChange={(phase) => change('phase', phase)} />}
      </Field>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.shareRealNames}
            onChange={(event) => change('shareRealNames', event.target.checked)}
          />
          {t('voice.settings.shareRealNames')}
        </label>
        <p className="field__hint">{t('voice.settings.shareRealNamesHelp')}</p>
      </div>
      {saveError ? (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      ) : null}
    </section>
  );
}
