import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { storyConsents, type ChangeStory } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';

type Consent = (typeof storyConsents)[number];
export const consentKeys: Record<Consent, string> = {
  named: 'readiness.stories.named',
  anonymous: 'readiness.stories.anonymous',
  internal: 'readiness.stories.internal',
};

/**
 * One story in the list, with Edit (its words, date and consent: a teller may take a sharing
 * consent back, and the summaries follow at once) and Remove with Undo.
 */
export function StoryItem({
  initiativeId,
  story,
  onChanged,
}: {
  initiativeId: string;
  story: ChangeStory;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast((state) => state.show);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(story.title);
  const [text, setText] = useState(story.story);
  const [consent, setConsent] = useState<Consent>(story.consent);
  const [collectedOn, setCollectedOn] = useState(story.collectedOn);
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '' || text.trim() === '') return setError(t('errors.required'));
    const result = await call('readiness.stories.update', {
      initiativeId,
      storyId: story.id,
      patch: { title, story: text, consent, collectedOn },
    });
    if (!result.ok) return setError(describeError(result.error));
    setError(null);
    setEditing(false);
    onChanged();
  }

  async function remove() {
    const result = await call('readiness.stories.delete', { initiativeId, storyId: story.id });
    if (!result.ok) return toast(describeError(result.error));
    onChanged();
    toast(t('readiness.edits.storyRemoved', { title: story.title }), t('readiness.edits.undo'), () => {
      void call('readiness.stories.restore', { initiativeId, storyId: story.id }).then(onChanged);
    });
  }

  if (editing)
    return (
      <li className="readiness__benchmark">
        <form aria-label={t('readiness.edits.editStory', { title: story.title })} onSubmit={save}>
          <Field label={t('readiness.stories.storyTitle')} error={error}>
            {(props) => <input {...props} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
          <Field label={t('readiness.stories.story')}>
            {(props) => <textarea {...props} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
          </Field>
          <Field label={t('readiness.stories.consent')}>
            {(props) => (
              <select {...props} value={consent} onChange={(e) => setConsent(e.target.value as Consent)}>
                {storyConsents.map((one) => (
                  <option key={one} value={one}>
                    {t(consentKeys[one])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('readiness.stories.collectedOn')}>
            {(props) => (
              <input {...props} type="date" value={collectedOn} onChange={(e) => setCollectedOn(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="button button--primary">
            {t('readiness.edits.save')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t('readiness.edits.cancel')}
          </button>
        </form>
      </li>
    );

  return (
    <li className="readiness__benchmark">
      <p>
        <strong>{story.title}</strong> · {t(consentKeys[story.consent])} · {story.collectedOn}
      </p>
      <p>{story.story}</p>
      {story.choices.map((choice) => (
        <p key={choice.id} className="field__hint">
          {t('readiness.stories.chosen', { round: choice.roundTitle, date: choice.chosenOn, reason: choice.reason })}
        </p>
      ))}
      <button
        type="button"
        className="button button--ghost"
        aria-label={t('readiness.edits.editStory', { title: story.title })}
        onClick={() => {
          // The form starts from the story as it reads now (it may have changed since the last edit).
          setTitle(story.title);
          setText(story.story);
          setConsent(story.consent);
          setCollectedOn(story.collectedOn);
          setEditing(true);
        }}
      >
        {t('readiness.edits.edit')}
      </button>{' '}
      <button
        type="button"
        className="button button--ghost"
        aria-label={t('readiness.edits.removeStory', { title: story.title })}
        onClick={() => void remove()}
      >
        {t('readiness.edits.remove')}
      </button>
    </li>
  );
}
