import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItem, MeetingView, SessionPatch } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { AutosaveText } from '../../components/AutosaveText';
import { useGroups } from '../groups/store';
import { usePartners } from '../partners/store';
import { AgendaBuilder } from './AgendaBuilder';
import { CarriedVoicePlan, OpenFromLast } from './CarriedVoice';
import { statusKey } from './labels';
import { useMeeting } from './store';
import { deleteSession } from './undo';
import { PickOne } from '../../components/PickOne';

/** A session's details, who is invited and its agenda; from here the meeting starts. */
export function SessionPlan({
  view,
  onRun,
  onSummary,
}: {
  view: MeetingView;
  /** `reopen`: the session was closed and the facilitator agreed to make it live again. */
  onRun(reopen: boolean): void;
  onSummary(): void;
}) {
  const { t } = useTranslation();
  const { session } = view;
  const partners = usePartners((state) => state.partners);
  const groups = useGroups((state) => state.groups);
  const [inviteGroup, setInviteGroup] = useState('');
  const [invitePartner, setInvitePartner] = useState('');
  const [askReopen, setAskReopen] = useState(false);
  const update = useCallback(
    async (patch: SessionPatch) => {
      const result = await useMeeting.getState().act('sessions.update', { sessionId: session.id, patch });
      return result.ok ? null : result.error;
    },
    [session.id],
  );
  const invite = (partnerIds: string[], groupIds: string[]) =>
    void useMeeting.getState().act('attendance.invite', { sessionId: session.id, partnerIds, groupIds });
  const uninvite = (partnerIds: string[], groupIds: string[]) =>
    void useMeeting.getState().act('attendance.uninvite', { sessionId: session.id, partnerIds, groupIds });

  return (
    <article className="session-plan" aria-labelledby="session-plan-title">
      <header className="session-plan__header">
        <h2 id="session-plan-title">
          <bdi>{session.title}</bdi>
        </h2>
        <span className="badge">{t(statusKey[session.status])}</span>
        <button
          type="button"
          className="button button--primary"
          onClick={() => (session.status === 'closed' ? setAskReopen(true) : onRun(false))}
        >
          {t(runKey[session.status])}
        </button>
        <button type="button" className="button" onClick={onSummary}>
          {t('summary.ui.open')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => void deleteSession(session)}>
          {t('meeting.undo.deleteSession')}
        </button>
      </header>
      {askReopen ? (
        <ReopenQuestion
          onReopen={() => {
            setAskReopen(false);
            onRun(true);
          }}
          onKeepClosed={() => setAskReopen(false)}
        />
      ) : null}
      <div className="card session-plan__details">
        <AutosaveText
          label={t('meeting.plan.sessionTitle')}
          value={session.title}
          required
          save={(title) => update({ title })}
        />
        <AutosaveText label={t('meeting.plan.place')} value={session.place} save={(place) => update({ place })} />
        <label>
          {t('meeting.plan.startsAt')}
          <input
            type="datetime-local"
            defaultValue={session.startsAt}
            onChange={(event) => void update({ startsAt: event.target.value })}
          />
        </label>
        <label>
          {t('meeting.plan.endsAt')}
          <input
            type="datetime-local"
            defaultValue={session.endsAt}
            onChange={(event) => void update({ endsAt: event.target.value })}
          />
        </label>
        <PickOne
          label={t('meeting.plan.facilitator')}
          noneLabel={t('meeting.plan.nobody')}
          options={partners}
          value={session.facilitatorId}
          onChange={(id) => void update({ facilitatorId: id })}
        />
        <PickOne
          label={t('meeting.plan.group')}
          noneLabel={t('meeting.plan.noGroup')}
          options={groups}
          value={session.groupId}
          onChange={(id) => void update({ groupId: id })}
        />
      </div>
      <section className="card" aria-labelledby="invite-title">
        <h3 id="invite-title">{t('meeting.invite.title')}</h3>
        <div className="row">
          <select
            aria-label={t('meeting.invite.group')}
            value={inviteGroup}
            onChange={(e) => setInviteGroup(e.target.value)}
          >
            <option value="">{t('meeting.invite.pickGroup')}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!inviteGroup} onClick={() => invite([], [inviteGroup])}>
            {t('meeting.invite.inviteGroup')}
          </button>
          <button type="button" className="button" disabled={!inviteGroup} onClick={() => uninvite([], [inviteGroup])}>
            {t('meeting.invite.uninviteGroup')}
          </button>
          <select
            aria-label={t('meeting.invite.partner')}
            value={invitePartner}
            onChange={(e) => setInvitePartner(e.target.value)}
          >
            <option value="">{t('meeting.invite.pickPartner')}</option>
            {partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!invitePartner}
            onClick={() => invite([invitePartner], [])}
          >
            {t('meeting.invite.invitePartner')}
          </button>
        </div>
        <ul className="invited" aria-label={t('meeting.invite.list')}>
          {view.attendance.map((person) => (
            <li key={person.id}>
              {person.name}
              {person.invited ? (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('meeting.invite.uninvite', { name: person.name })}
                  onClick={() => uninvite([person.partnerId], [])}
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      {/* A group's open actions include those of its last session; without a group, reuse brings them. */}
      {session.groupId ? <OpenActions groupId={session.groupId} /> : <OpenFromLast view={view} />}
      <AgendaBuilder view={view} />
      <CarriedVoicePlan view={view} />
    </article>
  );
}

const runKey = {
  planned: 'meeting.plan.start',
  live: 'meeting.plan.resume',
  closed: 'meeting.plan.reopen',
} as const;

/** A closed session is made live again only when the facilitator says so. */
function ReopenQuestion({ onReopen, onKeepClosed }: { onReopen(): void; onKeepClosed(): void }) {
  const { t } = useTranslation();
  return (
    <div
      role="alertdialog"
      aria-labelledby="reopen-title"
      aria-describedby="reopen-body"
      className="card reopen-question"
    >
      <h3 id="reopen-title">{t('meeting.reopen.title')}</h3>
      <p id="reopen-body">{t('meeting.reopen.body')}</p>
      <div className="row">
        <button type="button" className="button button--primary" onClick={onReopen}>
          {t('meeting.reopen.confirm')}
        </button>
        <button type="button" className="button" autoFocus onClick={onKeepClosed}>
          {t('meeting.reopen.cancel')}
        </button>
      </div>
    </div>
  );
}

/** What the group promised at earlier meetings and has not done yet: the start of this one. */
function OpenActions({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const initiativeId = useMeeting((state) => state.initiativeId);
  const changed = useMeeting((state) => state.view);
  const partners = usePartners((state) => state.partners);
  const [actions, setActions] = useState<ActionItem[]>([]);
  useEffect(() => {
    if (!initiativeId) return;
    let current = true;
    void call('actions.list', { initiativeId, filter: { groupId, status: 'open' } }).then((result) => {
      if (current && result.ok) setActions(result.value);
    });
    return () => {
      current = false;
    };
  }, [initiativeId, groupId, changed]);
  if (actions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="open-actions-title">
      <h3 id="open-actions-title">{t('meeting.plan.openActions', { count: actions.length })}</h3>
      <ul>
        {actions.map((action) => (
          <li key={action.id}>
            {action.text} · {partners.find((partner) => partner.id === action.ownerId)?.name ?? '—'} ·{' '}
            {action.dueDate || '—'}
          </li>
        ))}
      </ul>
    </section>
  );
}
