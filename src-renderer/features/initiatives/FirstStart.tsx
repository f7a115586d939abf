import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InitiativeDraft, type Initiative } from '../../../src-main/contract/index';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { PhaseSelect } from './PhaseSelect';
import { useInitiatives } from './store';
import { ImportInitiativeCard } from '../backups/ImportInitiativeCard';
import { JoinFromHubCard } from './JoinFromHubCard';

/** Shown when there is no initiative yet, or when the person starts a new one. */
export function FirstStart() {
  const { t } = useTranslation();
  const { create, openSample, entries, open, cancelNew, creatingNew } = useInitiatives();
  const [name, setName] = useState('');
  const [problemStatement, setProblemStatement] = useState('');
  const [vision, setVision] = useState('');
  const [phase, setPhase] = useState<Initiative['phase']>('assess_readiness');
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const draft = { name, problemStatement, vision, phase };
    if (!InitiativeDraft.safeParse(draft).success || name.trim() === '') {
      setNameError(t('errors.required'));
      return;
    }
    setBusy(true);
    const error = await create(draft);
    setBusy(false);
    if (error) setFormError(describeError(error));
  }

  const openable = entries.filter((entry) => entry.status === 'ok');

  return (
    <main className="first-start">
      <header className="first-start__header">
        <h1>{t('firstStart.title')}</h1>
        <p className="lead">{t('firstStart.intro')}</p>
      </header>
      <div className="first-start__columns">
        <form className="card" onSubmit={submit} noValidate aria-labelledby="create-title">
          <h2 id="create-title">{t('firstStart.createTitle')}</h2>
          <Field label={t('initiative.name')} error={nameError}>
            {(props) => (
              <input
                {...props}
                autoFocus
                value={name}
                maxLength={200}
                placeholder={t('initiative.namePlaceholder')}
                onChange={(event) => {
                  setName(event.target.value);
                  setNameError(null);
                }}
              />
            )}
          </Field>
          <Field label={t('initiative.problemStatement')}>
            {(props) => (
              <textarea
                {...props}
                rows={3}
                value={problemStatement}
                placeholder={t('initiative.problemPlaceholder')}
                onChange={(event) => setProblemStatement(event.target.value)}
              />
            )}
          </Field>
          <Field label={t('initiative.vision')}>
            {(props) => (
              <textarea
                {...props}
                rows={2}
                value={vision}
                placeholder={t('initiative.visionPlaceholder')}
                onChange={(event) => setVision(event.target.value)}
              />
            )}
          </Field>
          <Field label={t('initiative.phase')}>
            {(props) => <PhaseSelect id={props.id} value={phase} onChange={setPhase} />}
          </Field>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <div className="form-actions">
            {creatingNew ? (
              <button type="button" className="button button--ghost" onClick={cancelNew}>
                {t('partners.done')}
              </button>
            ) : null}
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('firstStart.create')}
            </button>
          </div>
        </form>
        <aside className="first-start__aside">
          <section className="card card--quiet">
            <h2>{t('firstStart.sampleTitle')}</h2>
            <p>{t('firstStart.sampleIntro')}</p>
            <button type="button" className="button" onClick={() => void openSample()}>
              {t('firstStart.openSample')}
            </button>
          </section>
          <JoinFromHubCard />
          <ImportInitiativeCard />
          {openable.length > 0 ? (
            <section className="card card--quiet">
              <h2>{t('firstStart.existingTitle')}</h2>
              <ul className="plain-list">
                {openable.map((entry) => (
                  <li key={entry.id}>
                    <button type="button" className="link-button" onClick={() => void open(entry.id)}>
                      {entry.status === 'ok' ? entry.name : ''}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </main>
  );
}
