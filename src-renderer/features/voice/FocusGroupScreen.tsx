import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { formatLocalDateTime } from '../../i18n/format';
import { nextGroupColour } from '../groups/colours';
import { useGroups } from '../groups/store';
import { usePartners } from '../partners/store';
import { CaptureBar } from './CaptureBar';
import { NoteList } from './NoteList';
import { ParticipantsPanel } from './ParticipantsPanel';
import { useVoice } from './store';
import { ErrorLine } from '../../components/ErrorLine';
import { useOneSubmission } from '../../components/useOneSubmission';

const views = ['capture', 'participants', 'sessions'] as const;
type View = (typeof views)[number];
const viewKey: Record<View, string> = {
  capture: 'voice.views.capture',
  participants: 'voice.views.participants',
  sessions: 'voice.views.sessions',
};

/** Focus groups on the left; the chosen group's own screen (capture, participants, sessions) on the right. */
export function FocusGroupScreen({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const groups = useGroups((state) => state.groups);
  const loadGroups = useGroups((state) => state.load);
  const focusGroups = groups.filter((group) => group.kind === 'focus_group');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = focusGroups.find((group) => group.id === chosenId) ?? focusGroups[0] ?? null;
  const open = useVoice((state) => state.open);

  useEffect(() => {
    void loadGroups(initiativeId);
    void usePartners.getState().load(initiativeId);
  }, [initiativeId, loadGroups]);
  useEffect(() => {
    void open(initiativeId, chosen?.id ?? null);
  }, [initiativeId, chosen?.id, open]);

  return (
    <div className="focus">
      <aside className="focus__list" aria-labelledby="focus-groups-title">
        <h2 id="focus-groups-title">{t('voice.groups.title')}</h2>
        <ul className="plain-list">
          {focusGroups.map((group) => (
            <li key={group.id}>
              <button
                type="button"
                className={group.id === chosen?.id ? 'list-button list-button--current' : 'list-button'}
                aria-current={group.id === chosen?.id ? 'true' : undefined}
                onClick={() => setChosenId(group.id)}
              >
                <span className="swatch" style={{ background: group.colour }} aria-hidden="true" />
                {group.name}
              </button>
            </li>
          ))}
        </ul>
        <NewFocusGroup onCreated={setChosenId} />
      </aside>
      <div className="focus__main">
        {chosen ? (
          <FocusGroupView initiativeId={initiativeId} group={chosen} />
        ) : (
          <p className="card card--quiet">{t('voice.groups.empty')}</p>
        )}
      </div>
    </div>
  );
}

function NewFocusGroup({ onCreated }: { onCreated(groupId: string): void }) {
  const { t } = useTranslation();
  const createGroup = useGroups((state) => state.createGroup);
  const groups = useGroups((state) => state.groups);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submission = useOneSubmission();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return setError(t('errors.required'));
    await submission.submit(async (id) => {
      // Focus groups are constellations on the map too: the first colour no group has yet.
      const result = await createGroup(
        { kind: 'focus_group', name: name.trim(), colour: nextGroupColour(groups) },
        id,
      );
      if (!result.ok) {
        setError(describeError(result.error));
        return false;
      }
      setName('');
      setError(null);
      onCreated(result.value.id);
      return true;
    });
  }
  return (
    <form className="focus__new" onSubmit={(event) => void submit(event)}>
      <label htmlFor="new-focus-group">{t('voice.groups.newLabel')}</label>
      <input id="new-focus-group" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button" disabled={submission.pending}>
        {t('voice.groups.create')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}

function FocusGroupView({ initiativeId, group }: { initiativeId: string; group: Group }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('capture');
  const panels: Record<View, ReactNode> = {
    capture: (
      <>
        <CaptureBar key={group.id} initiativeId={initiativeId} focusGroupId={group.id} />
        <NoteList initiativeId={initiativeId} />
      </>
    ),
    participants: <ParticipantsPanel initiativeId={initiativeId} />,
    sessions: <FocusSessions initiativeId={initiativeId} groupId={group.id} />,
  };
  return (
    <section aria-labelledby="focus-group-name">
      <header className="screen__header">
        <h1 id="focus-group-name">{group.name}</h1>
        <Leaders group={group} />
      </header>
      <div className="tabs" role="tablist" aria-label={t('voice.views.label')}>
        {views.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`voice-tab-${name}`}
            aria-selected={view === name}
            aria-controls={`voice-panel-${name}`}
            className={view === name ? 'tabs__tab tabs__tab--current' : 'tabs__tab'}
            onClick={() => setView(name)}
          >
            {t(viewKey[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`voice-panel-${view}`} aria-labelledby={`voice-tab-${view}`}>
        {panels[view]}
      </div>
    </section>
  );
}

/** Focus-group leaders are partners with the leader role in the group. */
function Leaders({ group }: { group: Group }) {
  const { t } = useTranslation();
  const partners = usePartners((state) => state.partners);
  const setMember = useGroups((state) => state.setMember);
  const removeMember = useGroups((state) => state.removeMember);
  const leaders = group.members.filter((member) => member.role === 'leader');
  const name = (partnerId: string) => partners.find((partner) => partner.id === partnerId)?.name ?? '';
  const candidates = partners.filter((partner) => !leaders.some((leader) => leader.partnerId === partner.id));
  return (
    <div className="leaders">
      <span>{t('voice.groups.leaders')}</span>
      {leaders.map((leader) => (
        <span key={leader.partnerId} className="chip chip--on">
          {name(leader.partnerId)}
          <button
            type="button"
            className="chip__remove"
            aria-label={t('voice.groups.removeLeader', { name: name(leader.partnerId) })}
            onClick={() => void removeMember(group.id, leader.partnerId)}
          >
            ×
          </button>
        </span>
      ))}
      <select
        aria-label={t('voice.groups.addLeader')}
        value=""
        onChange={(event) => event.target.value && void setMember(group.id, event.target.value, 'leader')}
      >
        <option value="">{t('voice.groups.addLeader')}</option>
        {candidates.map((partner) => (
          <option key={partner.id} value={partner.id}>
            {partner.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function FocusSessions({ initiativeId, groupId }: { initiativeId: string; groupId: string }) {
  const { t } = useTranslation();
  const sessions = useVoice((state) => state.sessions);
  const refetch = useVoice((state) => state.refetch);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { pending, submit: submitOnce } = useOneSubmission();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (title.trim() === '') return setError(t('errors.required'));
    void submitOnce(async (id) => {
      const result = await call('sessions.create', {
        initiativeId,
        session: { kind: 'focus_group', groupId, title: title.trim(), startsAt, place },
        id,
      });
      if (!result.ok) {
        setError(describeError(result.error));
        return false;
      }
      setTitle('');
      setStartsAt('');
      setPlace('');
      setError(null);
      await refetch();
      return true;
    });
  }
  return (
    <section aria-labelledby="focus-sessions-title">
      <h2 id="focus-sessions-title">{t('voice.sessions.title')}</h2>
      <ul className="plain-list">
        {sessions.map((session) => (
          <li key={session.id} className="card">
            <strong>{session.title}</strong> {formatLocalDateTime(session.startsAt)} {session.place}
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="focus-session-topic">{t('voice.sessions.topic')}</label>
          <input
            id="focus-session-topic"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="focus-session-date">{t('voice.sessions.date')}</label>
          <input
            id="focus-session-date"
            type="datetime-local"
            value={startsAt}
            onChange={(event) => setStartsAt(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="focus-session-place">{t('voice.sessions.place')}</label>
          <input
            id="focus-session-place"
            value={place}
            maxLength={200}
            onChange={(event) => setPlace(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t('voice.sessions.add')}
        </button>
        <ErrorLine error={error} />
      </form>
    </section>
  );
}
