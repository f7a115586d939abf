import { v7 as uuidv7 } from 'uuid';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { formatLocalDateTime } from '../../i18n/format';
import { useVoice } from './store';
import { ErrorLine } from '../../components/ErrorLine';

interface CarryDialogProps {
  initiativeId: string;
  noteIds: string[];
  onClose(carried: boolean): void;
}

const newSession = 'new';

/** Bring chosen notes to a roundtable or meeting: an existing session, or a new roundtable. */
export function CarryDialog({ initiativeId, noteIds, onClose }: CarryDialogProps) {
  const { t } = useTranslation();
  const sessions = useVoice((state) => state.tableSessions);
  const refetch = useVoice((state) => state.refetch);
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState(sessions[0]?.id ?? newSession);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The new session's id, made once for this dialog: a second press or a retry finds that session.
  const [newSessionId] = useState(() => uuidv7());

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    let sessionId = target;
    if (target === newSession) {
      if (title.trim() === '') return setError(t('errors.required'));
      const created = await call('sessions.create', {
        initiativeId,
        session: { kind: 'roundtable', title: title.trim(), startsAt: date },
        id: newSessionId,
      });
      if (!created.ok) return setError(describeError(created.error));
      sessionId = created.value.id;
    }
    const result = await call('voice.carry', { initiativeId, sessionId, noteIds });
    if (!result.ok) return setError(describeError(result.error));
    await refetch();
    onClose(true);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="carry-title" onClose={() => onClose(false)}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="carry-title">{t('voice.carry.title', { count: noteIds.length })}</h2>
        <p className="field__hint">{t('voice.carry.help')}</p>
        <div className="field">
          <label htmlFor="carry-session">{t('voice.carry.session')}</label>
          <select id="carry-session" value={target} onChange={(event) => setTarget(event.target.value)}>
            {sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.title}
                {session.startsAt ? ` · ${formatLocalDateTime(session.startsAt)}` : ''}
              </option>
            ))}
            <option value={newSession}>{t('voice.carry.newRoundtable')}</option>
          </select>
        </div>
        {target === newSession ? (
          <>
            <div className="field">
              <label htmlFor="carry-title-input">{t('voice.carry.newTitle')}</label>
              <input
                id="carry-title-input"
                value={title}
                maxLength={200}
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="carry-date">{t('voice.carry.newDate')}</label>
              <input
                id="carry-date"
                type="datetime-local"
                value={date}
                onChange={(event) => setDate(event.target.value)}
              />
            </div>
          </>
        ) : null}
        <ErrorLine error={error} />
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={() => onClose(false)}>
            {t('voice.carry.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('voice.carry.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
