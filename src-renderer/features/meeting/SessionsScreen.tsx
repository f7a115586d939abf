import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionKinds, type Session } from '../../../src-main/contract/index';
import { MeetingMode } from './MeetingMode';
import { sessionKindKey, statusKey } from './labels';
import { SessionPlan } from './SessionPlan';
import { SummaryPanel } from '../summary/SummaryPanel';
import { useMeeting } from './store';
import { formatLocalDateTime } from '../../i18n/format';
import { useOneSubmission } from '../../components/useOneSubmission';

const plannable = sessionKinds.filter((kind) => kind !== 'focus_group');

/** The list of sessions, a form to plan one, and the selected session's plan or live meeting. */
export function SessionsScreen() {
  const { t } = useTranslation();
  const sessions = useMeeting((state) => state.sessions);
  const sessionId = useMeeting((state) => state.sessionId);
  const view = useMeeting((state) => state.view);
  const initiativeId = useMeeting((state) => state.initiativeId);
  const planShown = useMeeting((state) => state.planShown);
  const [summaryOf, setSummaryOf] = useState<string | null>(null);
  const live = view?.session.status === 'live' && planShown !== view.session.id;

  if (view && live) return <MeetingMode view={view} onLeave={() => useMeeting.getState().showPlan(view.session.id)} />;
  return (
    <section className="screen sessions" aria-labelledby="sessions-title">
      <header className="screen__header">
        <h1 id="sessions-title">{t('meeting.title')}</h1>
      </header>
      <div className="sessions__layout">
        <aside className="sessions__list">
          <PlanForm />
          <ul aria-label={t('meeting.list.label')}>
            {sessions.map((session) => (
              <li key={session.id}>
                <SessionButton session={session} current={session.id === sessionId} />
              </li>
            ))}
          </ul>
          {sessions.length === 0 ? <p className="field__hint">{t('meeting.list.empty')}</p> : null}
        </aside>
        <div className="sessions__detail">
          {view && initiativeId && summaryOf === view.session.id ? (
            <SummaryPanel
              initiativeId={initiativeId}
              sessionId={view.session.id}
              title={view.session.title}
              onBack={() => setSummaryOf(null)}
            />
          ) : view ? (
            <SessionPlan
              onSummary={() => setSummaryOf(view.session.id)}
              key={view.session.id}
              view={view}
              onRun={(reopen) => {
                useMeeting.getState().showPlan(null);
                void useMeeting.getState().act('meeting.start', { sessionId: view.session.id, reopen });
              }}
            />
          ) : (
            <p className="field__hint">{t('meeting.list.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function SessionButton({ session, current }: { session: Session; current: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={current ? 'session-link session-link--current' : 'session-link'}
      aria-current={current ? 'true' : undefined}
      onClick={() => void useMeeting.getState().select(session.id)}
    >
      <strong>
        <bdi>{session.title}</bdi>
      </strong>
      <span>
        {formatLocalDateTime(session.startsAt)} · {t(statusKey[session.status])}
      </span>
    </button>
  );
}

function PlanForm() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof plannable)[number]>('roundtable');
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const submission = useOneSubmission();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    await submission.submit(async (id) => {
      const result = await useMeeting.getState().act('sessions.create', {
        session: { kind, title, startsAt, place },
        id,
      });
      if (!result.ok) return false;
      setTitle((typed) => (typed === title ? '' : typed));
      setPlace((typed) => (typed === place ? '' : typed));
      await useMeeting.getState().select(result.value.id);
      return true;
    });
  }
  return (
    <form className="card plan-form" aria-label={t('meeting.plan.title')} onSubmit={(event) => void submit(event)}>
      <h2>{t('meeting.plan.title')}</h2>
      <label>
        {t('meeting.plan.kind')}
        <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          {plannable.map((option) => (
            <option key={option} value={option}>
              {t(sessionKindKey[option])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('meeting.plan.sessionTitle')}
        <input value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label>
        {t('meeting.plan.startsAt')}
        <input type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} />
      </label>
      <label>
        {t('meeting.plan.place')}
        <input value={place} maxLength={200} onChange={(event) => setPlace(event.target.value)} />
      </label>
      <button type="submit" className="button button--primary" disabled={submission.pending}>
        {t('meeting.plan.create')}
      </button>
    </form>
  );
}
