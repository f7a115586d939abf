import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentLevels, type ConsentLevel, type Participant } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useToast } from '../../components/Toast';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { consentHintKey, consentKey } from './labels';
import { useVoice } from './store';
import { ErrorLine } from '../../components/ErrorLine';

/**
 * Who speaks in this focus group, under pseudonyms, with their consent. A real name can be linked
 * for the leader's own records; it is kept apart and shown only on request.
 */
export function ParticipantsPanel({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const participants = useVoice((state) => state.participants);
  const addParticipant = useVoice((state) => state.addParticipant);
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const result = await addParticipant();
    setError(result.ok ? null : describeError(result.error));
  }

  return (
    <section aria-labelledby="participants-title">
      <div className="notes__bar">
        <h2 id="participants-title">{t('voice.participants.title', { count: participants.length })}</h2>
        <button type="button" className="button button--primary" onClick={() => void add()}>
          {t('voice.participants.add')}
        </button>
      </div>
      <p className="field__hint">{t('voice.participants.help')}</p>
      <ErrorLine error={error} />
      {participants.length === 0 ? <p className="card card--quiet">{t('voice.participants.empty')}</p> : null}
      <ul className="participants">
        {participants.map((person) => (
          <ParticipantCard key={person.id} initiativeId={initiativeId} person={person} />
        ))}
      </ul>
    </section>
  );
}

function ParticipantCard({ initiativeId, person }: { initiativeId: string; person: Participant }) {
  const { t } = useTranslation();
  const update = useVoice((state) => state.updateParticipant);
  const withdraw = useVoice((state) => state.withdraw);
  const reinstate = useVoice((state) => state.reinstate);
  const refetch = useVoice((state) => state.refetch);
  const showToast = useToast((state) => state.show);
  const [pseudonym, setPseudonym] = useState(person.pseudonym);
  const [recordedBy, setRecordedBy] = useState(person.consentRecordedBy);
  const [realName, setRealName] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const report = (failure: Parameters<typeof describeError>[0] | null) =>
    setError(failure ? describeError(failure) : null);

  const savePseudonym = useAutosave(
    useCallback(async (value: string) => report(await update(person.id, { pseudonym: value })), [update, person.id]),
  );
  const saveRecordedBy = useAutosave(
    useCallback(
      async (value: string) => report(await update(person.id, { consentRecordedBy: value })),
      [update, person.id],
    ),
  );
  const saveRealName = useAutosave(
    useCallback(
      async (value: string) => {
        const result = await call('participants.setRealName', {
          initiativeId,
          participantId: person.id,
          realName: value,
        });
        report(result.ok ? null : result.error);
        await refetch();
      },
      [initiativeId, person.id, refetch],
    ),
  );

  async function revealName() {
    const result = await call('participants.realName', { initiativeId, participantId: person.id });
    if (result.ok) setRealName(result.value.realName);
    else report(result.error);
  }

  async function confirmWithdraw() {
    setConfirming(false);
    report(await withdraw(person.id));
    // No Undo: the words are erased for good (Reinstate brings the participant back, not the words).
    showToast(t('voice.participants.withdrawnToast', { name: person.pseudonym }));
  }

  const field = (suffix: string) => `participant-${person.id}-${suffix}`;
  return (
    <li className={person.withdrawn ? 'participant card participant--withdrawn' : 'participant card'}>
      <div className="participant__grid">
        <div className="field">
          <label htmlFor={field('pseudonym')}>{t('voice.participants.pseudonym')}</label>
          <input
            id={field('pseudonym')}
            value={pseudonym}
            maxLength={60}
            onChange={(event) => {
              setPseudonym(event.target.value);
              if (event.target.value.trim() !== '') savePseudonym(event.target.value.trim());
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={field('consent')}>{t('voice.participants.consent')}</label>
          <select
            id={field('consent')}
            value={person.consent}
            onChange={(event) => void update(person.id, { consent: event.target.value as ConsentLevel }).then(report)}
          >
            {consentLevels.map((level) => (
              <option key={level} value={level}>
                {t(consentKey[level])}
              </option>
            ))}
          </select>
          <p className="field__hint">{t(consentHintKey[person.consent])}</p>
        </div>
        <div className="field">
          <label htmlFor={field('date')}>{t('voice.participants.consentDate')}</label>
          <input
            id={field('date')}
            type="date"
            value={person.consentDate}
            onChange={(event) => void update(person.id, { consentDate: event.target.value }).then(report)}
          />
        </div>
        <div className="field">
          <label htmlFor={field('by')}>{t('voice.participants.recordedBy')}</label>
          <input
            id={field('by')}
            value={recordedBy}
            maxLength={200}
            onChange={(event) => {
              setRecordedBy(event.target.value);
              saveRecordedBy(event.target.value);
            }}
          />
        </div>
      </div>
      <div className="participant__tools">
        {realName === null ? (
          <button type="button" className="button button--small button--ghost" onClick={() => void revealName()}>
            {person.hasRealName ? t('voice.participants.showRealName') : t('voice.participants.linkRealName')}
          </button>
        ) : (
          <div className="field participant__real">
            <label htmlFor={field('real')}>{t('voice.participants.realName')}</label>
            <input
              id={field('real')}
              value={realName}
              maxLength={200}
              autoComplete="off"
              onChange={(event) => {
                setRealName(event.target.value);
                saveRealName(event.target.value.trim());
              }}
            />
            <p className="field__hint">{t('voice.participants.realNameHelp')}</p>
            <button type="button" className="button button--small button--ghost" onClick={() => setRealName(null)}>
              {t('voice.participants.hideRealName')}
            </button>
          </div>
        )}
        <span className="note__spacer" />
        {person.withdrawn ? (
          <>
            <span className="badge badge--danger">
              {t('voice.participants.withdrawnOn', { date: person.withdrawnAt })}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => void reinstate(person.id).then(report)}
            >
              {t('voice.participants.reinstate')}
            </button>
          </>
        ) : confirming ? (
          <div className="confirm" role="alertdialog" aria-label={t('voice.participants.withdrawConfirmTitle')}>
            <p>{t('voice.participants.withdrawConfirm', { name: person.pseudonym })}</p>
            <button type="button" className="button button--danger" onClick={() => void confirmWithdraw()}>
              {t('voice.participants.withdrawYes')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              {t('voice.carry.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" className="button button--small button--danger" onClick={() => setConfirming(true)}>
            {t('voice.participants.withdraw')}
          </button>
        )}
      </div>
      <ErrorLine error={error} />
    </li>
  );
}
