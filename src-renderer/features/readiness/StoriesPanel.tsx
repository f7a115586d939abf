import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeStory } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { today } from './labels';
import { useReadiness } from './store';
import { StoryFields, type StoryFieldValues } from './StoryFields';
import { StoryItem } from './StoryItem';

const blankStory = (): StoryFieldValues => ({ title: '', story: '', consent: '', collectedOn: today() });

/** Stories of most significant change, collected with consent, and the rounds that chose them. */
export function StoriesPanel() {
  const { t } = useTranslation();
  const initiativeId = useReadiness((state) => state.initiativeId);
  const [stories, setStories] = useState<ChangeStory[]>([]);
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState(blankStory);
  const [storyId, setStoryId] = useState('');
  const [roundTitle, setRoundTitle] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [chooseError, setChooseError] = useState<string | null>(null);

  useEffect(() => {
    if (!initiativeId) return;
    let current = true;
    void call('readiness.stories.list', { initiativeId }).then((result) => {
      if (current && result.ok) setStories(result.value);
    });
    return () => {
      current = false;
    };
  }, [initiativeId, version]);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!initiativeId) return;
    const { title, story, consent, collectedOn } = draft;
    if (title.trim() === '' || story.trim() === '') return setError(t('errors.required'));
    if (consent === '') return setError(t('readiness.stories.consentNeeded'));
    const result = await call('readiness.stories.add', { initiativeId, story: { title, story, consent, collectedOn } });
    if (!result.ok) return setError(describeError(result.error));
    // The day stays: stories are often typed up in a batch from the same session.
    setDraft({ ...blankStory(), collectedOn });
    setError(null);
    setVersion((count) => count + 1);
  }

  async function choose(event: FormEvent) {
    event.preventDefault();
    if (!initiativeId) return;
    if (storyId === '' || roundTitle.trim() === '' || reason.trim() === '') return setChooseError(t('errors.required'));
    const result = await call('readiness.stories.choose', {
      initiativeId,
      choice: { storyId, roundTitle, reason, chosenOn: today() },
    });
    if (!result.ok) return setChooseError(describeError(result.error));
    setReason('');
    setChooseError(null);
    setVersion((count) => count + 1);
  }

  return (
    <section className="card" aria-label={t('readiness.stories.title')}>
      <h2>{t('readiness.stories.title')}</h2>
      <form aria-label={t('readiness.stories.new')} onSubmit={add}>
        <h3>{t('readiness.stories.new')}</h3>
        <StoryFields values={draft} onChange={setDraft} error={error} consentUnchosen />
        <button type="submit" className="button button--primary">
          {t('readiness.stories.add')}
        </button>
      </form>
      <ul className="readiness__benchmarks" aria-label={t('readiness.stories.list')}>
        {initiativeId
          ? stories.map((one) => (
              <StoryItem
                key={one.id}
                initiativeId={initiativeId}
                story={one}
                onChanged={() => setVersion((count) => count + 1)}
              />
            ))
          : null}
      </ul>
      {stories.length > 0 ? (
        <form aria-label={t('readiness.stories.choose')} onSubmit={choose}>
          <h3>{t('readiness.stories.choose')}</h3>
          <Field label={t('readiness.stories.round')} error={chooseError}>
            {(props) => (
              <input {...props} value={roundTitle} maxLength={200} onChange={(e) => setRoundTitle(e.target.value)} />
            )}
          </Field>
          <Field label={t('readiness.stories.which')}>
            {(props) => (
              <select {...props} value={storyId} onChange={(e) => setStoryId(e.target.value)}>
                <option value="">{t('readiness.phases.pick')}</option>
                {stories.map((one) => (
                  <option key={one.id} value={one.id}>
                    {one.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('readiness.stories.reason')}>
            {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="button button--primary">
            {t('readiness.stories.record')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
