import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../src-main/contract/index';
import { usePartners } from '../partners/store';
import { SessionReview } from '../readiness/SessionReview';
import { methodKey, outcomeKey } from './labels';
import { useMeeting } from './store';

/** Before closing: every decision, action and parked item, with a way to move parked items on. */
export function ReviewScreen({ view, onBack }: { view: MeetingView; onBack(): void }) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const sessions = useMeeting((state) => state.sessions);
  const initiativeId = useMeeting((state) => state.initiativeId);
  const later = sessions.filter((session) => session.id !== view.session.id && session.status !== 'closed');
  const nameOf = (partnerId: string | null) => partners.find((partner) => partner.id === partnerId)?.name ?? '—';
  return (
    <section className="screen review" aria-labelledby="review-title">
      <header className="screen__header">
        <h1 id="review-title">{t('meeting.review.title', { title: view.session.title })}</h1>
      </header>
      <section className="card" aria-labelledby="review-decisions">
        <h2 id="review-decisions">{t('meeting.review.decisions', { count: view.decisions.length })}</h2>
        <ul>
          {view.decisions.map((decision) => (
            <li key={decision.id}>
              <strong>
                <bdi>{decision.text}</bdi>
              </strong>{' '}
              · {t(methodKey[decision.method])} · {t(outcomeKey[decision.outcome])}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="review-actions">
        <h2 id="review-actions">{t('meeting.review.actions', { count: view.actions.length })}</h2>
        <ul>
          {view.actions.map((action) => (
            <li key={action.id}>
              <bdi>{action.text}</bdi> · <bdi>{nameOf(action.ownerId)}</bdi> · {action.dueDate || '—'}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="review-parking">
        <h2 id="review-parking">{t('meeting.review.parking', { count: view.parking.length })}</h2>
        <ul>
          {view.parking.map((item) => (
            <li key={item.id}>
              <bdi>{item.text}</bdi>{' '}
              <select
                aria-label={t('meeting.parking.moveTo', { text: item.text })}
                value={item.movedToSessionId ?? ''}
                onChange={(event) =>
                  void useMeeting
                    .getState()
                    .act('parking.update', { itemId: item.id, patch: { movedToSessionId: event.target.value || null } })
                }
              >
                <option value="">{t('meeting.parking.stays')}</option>
                {later.map((session) => (
                  <option key={session.id} value={session.id}>
                    {session.title}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      </section>
      {initiativeId ? (
        <section className="card" aria-labelledby="review-learning">
          <h2 id="review-learning">{t('readiness.review.title')}</h2>
          <p className="field__hint">{t('readiness.review.intro')}</p>
          <SessionReview
            initiativeId={initiativeId}
            sessionId={view.session.id}
            onActionAdded={() => void useMeeting.getState().refetch()}
          />
        </section>
      ) : null}
      <div className="row">
        <button type="button" className="button" onClick={onBack}>
          {t('meeting.review.back')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void useMeeting.getState().act('meeting.close', { sessionId: view.session.id })}
        >
          {t('meeting.review.confirm')}
        </button>
      </div>
    </section>
  );
}
