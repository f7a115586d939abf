import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AfterActionReview, ReviewPatch } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';

const questions = [
  ['planned', 'readiness.review.planned'],
  ['happened', 'readiness.review.happened'],
  ['whyDifferent', 'readiness.review.whyDifferent'],
  ['nextSteps', 'readiness.review.nextSteps'],
] as const;

/** One question of the review, saved as typed when the field is left. */
function ReviewField({
  label,
  stored,
  onSave,
}: {
  label: string;
  stored: string;
  onSave: (text: string) => Promise<string | null>;
}) {
  const [draft, setDraft] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  return (
    <Field label={label} error={error}>
      {(props) => (
        <textarea
          {...props}
          rows={3}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={async () => {
            if (draft !== stored) setError(await onSave(draft));
          }}
        />
      )}
    </Field>
  );
}

/**
 * One session's after-action review: the four questions, and a next step made into an action item
 * of that session. The same form in the Learning tab and on meeting mode's closing screen, over the
 * same channels, so a review started in one place reads the same in the other.
 */
export function SessionReview({
  initiativeId,
  sessionId,
  onActionAdded,
}: {
  initiativeId: string;
  sessionId: string;
  /** Meeting mode refetches its own list of actions, which this form does not hold. */
  onActionAdded?: () => void;
}) {
  const { t } = useTranslation();
  const [review, setReview] = useState<AfterActionReview | null>(null);
  const [action, setAction] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // An answer for a session picked before this one must not fill the form.
    let current = true;
    void call('readiness.reviews.get', { initiativeId, sessionId }).then((result) => {
      if (current && result.ok) setReview(result.value);
    });
    return () => {
      current = false;
    };
  }, [initiativeId, sessionId]);

  async function save(patch: ReviewPatch): Promise<string | null> {
    const result = await call('readiness.reviews.save', { initiativeId, sessionId, patch });
    return result.ok ? null : describeError(result.error);
  }

  async function addAction(event: FormEvent) {
    event.preventDefault();
    if (action.trim() === '') return setError(t('errors.required'));
    const result = await call('readiness.reviews.addAction', {
      initiativeId,
      sessionId,
      action: { text: action, dueDate },
    });
    if (!result.ok) return setError(describeError(result.error));
    setNotice(t('readiness.review.actionAdded', { action: result.value.text }));
    setAction('');
    setError(null);
    onActionAdded?.();
  }

  if (!review) return null;
  return (
    <div>
      {questions.map(([field, key]) => (
        <ReviewField key={field} label={t(key)} stored={review[field]} onSave={(text) => save({ [field]: text })} />
      ))}
      <form className="readiness__action" aria-label={t('readiness.review.actionTitle')} onSubmit={addAction}>
        <h3>{t('readiness.review.actionTitle')}</h3>
        <Field label={t('readiness.review.actionText')} error={error}>
          {(props) => <input {...props} value={action} maxLength={500} onChange={(e) => setAction(e.target.value)} />}
        </Field>
        <Field label={t('readiness.review.due')}>
          {(props) => <input {...props} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--primary">
          {t('readiness.review.addAction')}
        </button>
        {notice ? (
          <p className="field__hint" role="status">
            {notice}
          </p>
        ) : null}
      </form>
    </div>
  );
}
