import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  consentLevels,
  consentRank,
  noteKinds,
  type ConsentLevel,
  type NoteKind,
  type Participant,
} from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { formatLocalDateTime } from '../../i18n/format';
import { consentKey, noteKindKey } from './labels';
import { useVoice } from './store';
import { ErrorLine } from '../../components/ErrorLine';
import { TooLongNotice } from '../../components/TooLongNotice';

interface Fields {
  kind: NoteKind;
  participantId: string | null;
  sessionId: string | null;
  consent: ConsentLevel;
  themeIds: string[];
  text: string;
}

const blank: Fields = {
  kind: 'quote',
  participantId: null,
  sessionId: null,
  consent: 'anonymous',
  themeIds: [],
  text: '',
};

/**
 * The capture line: type what is said and press Enter. Every keystroke is saved as a draft note
 * (so a crash loses nothing); Enter files it and clears the line. Alt+1..4 pick the kind,
 * Alt+Up/Down the participant, Alt+I makes the note internal only.
 */
export function CaptureBar({ initiativeId, focusGroupId }: { initiativeId: string; focusGroupId: string }) {
  const { t } = useTranslation();
  const participants = useVoice((state) => state.participants);
  const sessions = useVoice((state) => state.sessions);
  const themes = useVoice((state) => state.themes);
  const refetch = useVoice((state) => state.refetch);
  const [fields, setFields] = useState<Fields>(blank);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const noteId = useRef<string | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const latest = useRef<Fields | null>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);

  const present = participants.filter((person) => !person.withdrawn);

  // Bring back a note that was being typed when the app closed.
  useEffect(() => {
    // Mounted once per focus group (keyed by it), so this runs once per group.
    let live = true;
    void call('voice.draft', { initiativeId, focusGroupId }).then((result) => {
      if (!live) return;
      if (result.ok && result.value) {
        const { id, ...draft } = result.value;
        noteId.current = id;
        setFields(draft);
      } else {
        setFields(blank);
      }
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [initiativeId, focusGroupId]);

  const save = useCallback(
    async (next: Fields) => {
      const result = await call('voice.saveDraft', {
        initiativeId,
        draft: { focusGroupId, noteId: noteId.current, ...next },
      });
      if (result.ok) {
        noteId.current = result.value.id;
        setError(null);
      } else setError(describeError(result.error));
    },
    [initiativeId, focusGroupId],
  );

  /** Queue a save; saves run one after another and only the newest waiting value is sent. */
  const queue = useCallback(
    (next: Fields) => {
      latest.current = next;
      chain.current = chain.current.then(async () => {
        const value = latest.current;
        if (!value) return;
        latest.current = null;
        await save(value);
      });
    },
    [save],
  );

  function change(patch: Partial<Fields>) {
    setFields((current) => {
      const next = { ...current, ...patch };
      queue(next);
      return next;
    });
  }

  function chooseParticipant(participantId: string | null) {
    const person = participants.find((candidate) => candidate.id === participantId);
    const floor: ConsentLevel = person ? person.consent : 'anonymous';
    change({ participantId, consent: floor });
  }

  async function file() {
    if (fields.text.trim() === '') return setError(t('voice.capture.empty'));
    await chain.current;
    if (!noteId.current) return;
    const result = await call('voice.capture', { initiativeId, noteId: noteId.current });
    if (!result.ok) return setError(describeError(result.error));
    noteId.current = undefined;
    // The next speaker is often the same kind of note from someone else: keep kind, session, themes.
    setFields((current) => ({ ...current, text: '', consent: floorOf(participants, current.participantId) }));
    await refetch();
    textArea.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void file();
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = Number(event.code.replace('Digit', ''));
    if (event.code.startsWith('Digit') && digit >= 1 && digit <= noteKinds.length) {
      event.preventDefault();
      change({ kind: noteKinds[digit - 1] });
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const ids = [null, ...present.map((person) => person.id)];
      const index = ids.indexOf(fields.participantId);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      chooseParticipant(ids[(index + step + ids.length) % ids.length]);
    } else if (event.code === 'KeyI') {
      event.preventDefault();
      change({ consent: fields.consent === 'internal' ? floorOf(participants, fields.participantId) : 'internal' });
    }
  }

  const floor = floorOf(participants, fields.participantId);
  return (
    <section className="capture card" aria-labelledby="capture-title">
      <h2 id="capture-title" className="capture__title">
        {t('voice.capture.title')}
      </h2>
      <div className="capture__controls">
        <div className="segmented" role="group" aria-label={t('voice.capture.kind')}>
          {noteKinds.map((kind, index) => (
            <button
              key={kind}
              type="button"
              className={fields.kind === kind ? 'segmented__item segmented__item--on' : 'segmented__item'}
              aria-pressed={fields.kind === kind}
              title={`Alt+${index + 1}`}
              onClick={() => change({ kind })}
            >
              {t(noteKindKey[kind])}
            </button>
          ))}
        </div>
        <label className="capture__pick">
          <span>{t('voice.capture.participant')}</span>
          <select
            value={fields.participantId ?? ''}
            onChange={(event) => chooseParticipant(event.target.value || null)}
            title="Alt+↑ / Alt+↓"
          >
            <option value="">{t('voice.capture.nobody')}</option>
            {present.map((person) => (
              <option key={person.id} value={person.id}>
                {person.pseudonym}
              </option>
            ))}
          </select>
        </label>
        <label className="capture__pick">
          <span>{t('voice.capture.consent')}</span>
          <select
            value={fields.consent}
            onChange={(event) => change({ consent: event.target.value as ConsentLevel })}
            title="Alt+I"
          >
            {consentLevels.map((level) => (
              <option key={level} value={level} disabled={consentRank(level) < consentRank(floor)}>
                {t(consentKey[level])}
              </option>
            ))}
          </select>
        </label>
        <label className="capture__pick">
          <span>{t('voice.capture.session')}</span>
          <select
            value={fields.sessionId ?? ''}
            onChange={(event) => change({ sessionId: event.target.value || null })}
          >
            <option value="">{t('voice.capture.noSession')}</option>
            {sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.title}
                {session.startsAt ? ` · ${formatLocalDateTime(session.startsAt)}` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      <textarea
        ref={textArea}
        className="capture__text"
        aria-label={t('voice.capture.textLabel')}
        aria-describedby="capture-help"
        placeholder={t('voice.capture.placeholder')}
        rows={2}
        value={fields.text}
        disabled={!loaded}
        onChange={(event) => change({ text: event.target.value })}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <TooLongNotice text={fields.text} />
      {themes.length > 0 ? (
        <div className="chips" role="group" aria-label={t('voice.capture.themes')}>
          {themes.map((theme) => {
            const on = fields.themeIds.includes(theme.id);
            return (
              <button
                key={theme.id}
                type="button"
                className={on ? 'chip chip--on' : 'chip'}
                style={{ '--chip-colour': theme.colour } as CSSProperties}
                aria-pressed={on}
                onClick={() =>
                  change({
                    themeIds: on ? fields.themeIds.filter((id) => id !== theme.id) : [...fields.themeIds, theme.id],
                  })
                }
              >
                {theme.name}
              </button>
            );
          })}
        </div>
      ) : null}
      <p id="capture-help" className="field__hint">
        {t('voice.capture.help')}
      </p>
      <ErrorLine error={error} />
    </section>
  );
}

function floorOf(participants: Participant[], participantId: string | null): ConsentLevel {
  return participants.find((person) => person.id === participantId)?.consent ?? 'anonymous';
}
