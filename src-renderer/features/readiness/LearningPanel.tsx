import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { SessionReview } from './SessionReview';
import { StoriesPanel } from './StoriesPanel';
import { useReadiness } from './store';

/** After a session: the after-action review, and any next step turned into an action item. */
export function LearningPanel() {
  const { t } = useTranslation();
  const initiativeId = useReadiness((state) => state.initiativeId);
  const [sessions, setSessions] = useState<Session[]>([]);
  const [sessionId, setSessionId] = useState('');

  useEffect(() => {
    if (!initiativeId) return;
    void call('sessions.list', { initiativeId, filter: {} }).then((result) => {
      if (result.ok) setSessions(result.value);
    });
  }, [initiativeId]);

  return (
    <div className="readiness__learning">
      <section className="card" aria-label={t('readiness.review.title')}>
        <h2>{t('readiness.review.title')}</h2>
        <p className="field__hint">{t('readiness.review.intro')}</p>
        <Field label={t('readiness.review.session')}>
          {(props) => (
            <select {...props} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
              <option value="">{t('readiness.phases.pick')}</option>
              {sessions.map((session) => (
                <option key={session.id} value={session.id}>
                  {session.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        {initiativeId && sessionId ? (
          <SessionReview key={sessionId} initiativeId={initiativeId} sessionId={sessionId} />
        ) : null}
      </section>
      <StoriesPanel />
    </div>
  );
}
