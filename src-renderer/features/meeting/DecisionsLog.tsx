import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decisionMethods,
  decisionOutcomes,
  type DecisionLogEntry,
  type DecisionMethod,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useGroups } from '../groups/store';
import { DecisionEditor, EditToggle } from './EntryEditors';
import { methodKey, outcomeKey } from './labels';
import { useMeeting } from './store';
import { deleteDecision } from './undo';
import { PickOne } from '../../components/PickOne';
import { FromIndicator, useIndicatorSources } from './IndicatorSource';

type Outcome = (typeof decisionOutcomes)[number];

/** Every decision across sessions: search, and filter by group, method, outcome and date. */
export function DecisionsLog({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const groups = useGroups((state) => state.groups);
  const changed = useMeeting((state) => state.sessions);
  const [query, setQuery] = useState('');
  const [groupId, setGroupId] = useState('');
  const [method, setMethod] = useState<DecisionMethod | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<DecisionLogEntry[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const sources = useIndicatorSources(initiativeId, changed);

  useEffect(() => {
    let current = true;
    void call('decisions.log', {
      initiativeId,
      filter: {
        query: query || undefined,
        groupId: groupId || undefined,
        method: method || undefined,
        outcome: outcome || undefined,
        from: from || undefined,
        to: to || undefined,
      },
    }).then((result) => {
      if (current && result.ok) setEntries(result.value);
    });
    return () => {
      current = false;
    };
  }, [initiativeId, query, groupId, method, outcome, from, to, changed]);

  return (
    <section className="screen" aria-labelledby="decisions-log-title">
      <header className="screen__header">
        <h1 id="decisions-log-title">{t('meeting.log.title')}</h1>
      </header>
      <div className="row filters">
        <label>
          {t('meeting.log.search')}
          <input type="search" value={query} maxLength={500} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <PickOne
          label={t('meeting.plan.group')}
          noneLabel={t('meeting.log.any')}
          options={groups}
          value={groupId}
          onChange={(id) => setGroupId(id ?? '')}
        />
        <label>
          {t('meeting.decision.method')}
          <select value={method} onChange={(event) => setMethod(event.target.value as DecisionMethod | '')}>
            <option value="">{t('meeting.log.any')}</option>
            {decisionMethods.map((option) => (
              <option key={option} value={option}>
                {t(methodKey[option])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meeting.decision.outcome')}
          <select value={outcome} onChange={(event) => setOutcome(event.target.value as Outcome | '')}>
            <option value="">{t('meeting.log.any')}</option>
            {decisionOutcomes.map((option) => (
              <option key={option} value={option}>
                {t(outcomeKey[option])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('meeting.log.from')}
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          {t('meeting.log.to')}
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
      </div>
      <p role="status">{t('meeting.log.count', { count: entries.length })}</p>
      <ul className="log" aria-label={t('meeting.log.title')}>
        {entries.map((entry) => (
          <li key={entry.id} className="card log__entry">
            <strong>{entry.text}</strong>
            <EditToggle
              text={entry.text}
              open={editing === entry.id}
              onToggle={() => setEditing(editing === entry.id ? null : entry.id)}
            />
            <span>
              {t(methodKey[entry.method])} · {t(outcomeKey[entry.outcome])} · {entry.sessionTitle}{' '}
              {entry.sessionStartsAt.slice(0, 10)}
            </span>
            {entry.method === 'fist_to_five' ? (
              <span>{t('meeting.log.fist', { counts: entry.tally.fist.join(' / ') })}</span>
            ) : null}
            {entry.method === 'majority' ? (
              <span>
                {t('meeting.log.votes', {
                  for: entry.tally.for,
                  against: entry.tally.against,
                  abstain: entry.tally.abstain,
                })}
              </span>
            ) : null}
            <FromIndicator name={sources.decisions.get(entry.id)} />
            {entry.noteIds.length > 0 ? <span>{t('meeting.log.voice', { count: entry.noteIds.length })}</span> : null}
            {entry.rationale ? <span>{entry.rationale}</span> : null}
            {editing === entry.id ? <DecisionEditor decision={entry} /> : null}
            <button
              type="button"
              className="link-button"
              aria-label={t('meeting.undo.deleteDecision', { text: entry.text })}
              onClick={() => void deleteDecision(entry)}
            >
              {t('meeting.undo.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
