import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeStory } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useToast } from '../../components/Toast';
import { describeError } from '../../i18n/index';
import { consentKeys, StoryFields, type StoryFieldValues } from './StoryFields';

const fieldsOf = (story: ChangeStory): StoryFieldValues => ({
  title: story.title,
  story: story.story,
  consent: story.consent,
  collectedOn: story.collectedOn,
});

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
  const [values, setValues] = useState(() => fieldsOf(story));
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const { title, story: text, consent, collectedOn } = values;
    if (title.trim() === '' || text.trim() === '') return setError(t('errors.required'));
    // An edit starts from a recorded consent and offers no empty choice; checked for the compiler.
    if (consent === '') return setError(t('readiness.stories.consentNeeded'));
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
          <StoryFields values={values} onChange={setValues} error={error} />
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
          setValues(fieldsOf(story));
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
