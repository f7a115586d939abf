import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses, type ActionItem } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useGroups } from '../groups/store';
import { usePartners } from '../partners/store';
import { ActionEditor, EditToggle } from './EntryEditors';
import { isOverdue, localToday } from './labels';
import { useMeeting } from './store';
import { FromIndicator, useIndicatorSources } from './IndicatorSource';
import { PickOne } from '../../components/PickOne';

type Status = (typeof actionStatuses)[number];

/** Open promises across sessions, by owner, group, due date and overdue. */
export function ActionTracker({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const groups = useGroups((state) => state.groups);
  const changed = useMeeting((state) => state.view);
  const sources = useIndicatorSources(initiativeId, changed);
  const [ownerId, setOwnerId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [status, setStatus] = useState<Status | ''>('open');
  const [overdue, setOverdue] = useState(false);
  const [actions, setActions] = useState<ActionItem[]>([]);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    void call('actions.list', {
      initiativeId,
      filter: {
        ownerId: ownerId || undefined,
        groupId: groupId || undefined,
        status: status || undefined,
        overdueOn: overdue ? localToday() : undefined,
      },
    }).then((result) => {
      if (current && result.ok) setActions(result.value);
    });
    return () => {
      current = false;
    };
  }, [initiativeId, ownerId, groupId, status, overdue, changed, version]);

  const nameOf = (id: string | null) => partners.find((partner) => partner.id === id)?.name ?? t('meeting.plan.nobody');
  const groupOf = (id: string | null) => groups.find((group) => group.id === id)?.name ?? '';
  const today = localToday();

  return (
    <section className="screen" aria-labelledby="actions-title">
      <header className="screen__header">
        <h1 id="actions-title">{t('meeting.tracker.title')}</h1>
      </header>
      <div className="row filters">
        <PickOne
          label={t('meeting.action.owner')}
          noneLabel={t('meeting.log.any')}
          options={partners}
          value={ownerId}
          onChange={(id) => setOwnerId(id ?? '')}
        />
        <PickOne
          label={t('meeting.action.group')}
          noneLabel={t('meeting.log.any')}
          options={groups}
          value={groupId}
          onChange={(id) => setGroupId(id ?? '')}
        />
        <label>
          {t('meeting.tracker.status')}
          <select value={status} onChange={(event) => setStatus(event.target.value as Status | '')}>
            <option value="">{t('meeting.log.any')}</option>
            <option value="open">{t('meeting.tracker.open')}</option>
            <option value="done">{t('meeting.tracker.done')}</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(event) => setOverdue(event.target.checked)} />
          {t('meeting.tracker.overdue')}
        </label>
      </div>
      <ul className="log" aria-label={t('meeting.tracker.title')}>
        {actions.map((action) => (
          <li
            key={action.id}
            className={isOverdue(action, today) ? 'card log__entry log__entry--late' : 'card log__entry'}
          >
            <label className="check">
              <input
                type="checkbox"
                checked={action.status === 'done'}
                aria-label={t('meeting.tracker.markDone', { text: action.text })}
                onChange={async (event) => {
                  await call('actions.update', {
                    initiativeId,
                    actionId: action.id,
                    patch: { status: event.target.checked ? 'done' : 'open' },
                  });
                  setVersion((value) => value + 1);
                }}
              />
              <strong>{action.text}</strong>
            </label>
            <span>
              <bdi>{nameOf(action.ownerId)}</bdi> · {action.dueDate || t('meeting.tracker.noDue')}{' '}
              <bdi>{groupOf(action.groupId)}</bdi>
            </span>
            <FromIndicator name={sources.actions.get(action.id)} />
            {/* A word and a mark, not only the red border: colour alone is missed by many. */}
            {isOverdue(action, today) ? (
              <span className="badge badge--overdue">⚠ {t('meeting.tracker.late')}</span>
            ) : null}
            <EditToggle
              text={action.text}
              open={editing === action.id}
              onToggle={() => setEditing(editing === action.id ? null : action.id)}
            />
            {editing === action.id ? <ActionEditor action={action} onSaved={refresh} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
