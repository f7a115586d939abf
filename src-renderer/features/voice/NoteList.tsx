import { useCallback, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { consentLevels, consentRank, type ConsentLevel, type VoiceNote } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { useToast } from '../../components/Toast';
import { useAutosave } from '../../components/useAutosave';
import { describeError } from '../../i18n/index';
import { CarryDialog } from './CarryDialog';
import { consentKey, noteKindKey } from './labels';
import { useVoice } from './store';
import { ErrorLine } from '../../components/ErrorLine';
import { TooLongNotice, tooLongMessage } from '../../components/TooLongNotice';

/**
 * The focus group's notes, newest first: the list sits under the capture line, so the note just
 * filed appears right below where it was typed instead of off-screen at the bottom of a long
 * transcript. Each can be edited in place (saved as typed), re-themed, made stricter, deleted with
 * undo, and chosen to carry to the table.
 */
export function NoteList({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const notes = useVoice((state) => state.notes);
  // The store keeps capture order (exports and carried voice read it that way); only the screen flips it.
  const newestFirst = useMemo(() => [...notes].reverse(), [notes]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [carrying, setCarrying] = useState(false);
  const carriable = (note: VoiceNote) => !note.withdrawn && note.consent !== 'internal';
  const chosenNotes = notes.filter((note) => chosen.has(note.id) && carriable(note));

  function toggle(noteId: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(noteId)) next.delete(noteId);
      else next.add(noteId);
      return next;
    });
  }

  if (notes.length === 0) {
    return <p className="card card--quiet">{t('voice.notes.empty')}</p>;
  }
  return (
    <section aria-labelledby="notes-title">
      <div className="notes__bar">
        <h2 id="notes-title">{t('voice.notes.title', { count: notes.length })}</h2>
        <button type="button" className="button" disabled={chosenNotes.length === 0} onClick={() => setCarrying(true)}>
          {chosenNotes.length === 0
            ? t('voice.notes.carryNone')
            : t('voice.notes.carry', { count: chosenNotes.length })}
        </button>
      </div>
      <ol className="notes" reversed>
        {newestFirst.map((note) => (
          <NoteItem
            key={note.id}
            initiativeId={initiativeId}
            note={note}
            chosen={chosen.has(note.id)}
            canCarry={carriable(note)}
            onToggle={toggle}
          />
        ))}
      </ol>
      {carrying ? (
        <CarryDialog
          initiativeId={initiativeId}
          noteIds={chosenNotes.map((note) => note.id)}
          onClose={(carried) => {
            setCarrying(false);
            if (carried) setChosen(new Set());
          }}
        />
      ) : null}
    </section>
  );
}

interface NoteItemProps {
  initiativeId: string;
  note: VoiceNote;
  chosen: boolean;
  canCarry: boolean;
  onToggle(noteId: string): void;
}

function NoteItem({ initiativeId, note, chosen, canCarry, onToggle }: NoteItemProps) {
  const { t } = useTranslation();
  const themes = useVoice((state) => state.themes);
  const participants = useVoice((state) => state.participants);
  const refetch = useVoice((state) => state.refetch);
  const showToast = useToast((state) => state.show);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const floor = participants.find((person) => person.id === note.participantId)?.consent ?? 'named';

  const saveText = useAutosave(
    useCallback(
      async (value: string) => {
        const result = await call('voice.update', { initiativeId, noteId: note.id, patch: { text: value } });
        setError(result.ok ? null : describeError(result.error));
      },
      [initiativeId, note.id],
    ),
  );

  async function run(pending: Promise<{ ok: boolean; error?: Parameters<typeof describeError>[0] }>) {
    const result = await pending;
    setError(!result.ok && result.error ? describeError(result.error) : null);
    await refetch();
  }

  const setConsent = (consent: ConsentLevel) =>
    run(call('voice.update', { initiativeId, noteId: note.id, patch: { consent } }));
  const toggleTheme = (themeId: string) => {
    const themeIds = note.themeIds.includes(themeId)
      ? note.themeIds.filter((id) => id !== themeId)
      : [...note.themeIds, themeId];
    return run(call('voice.setThemes', { initiativeId, noteId: note.id, themeIds }));
  };
  async function remove() {
    await run(call('voice.delete', { initiativeId, noteId: note.id }));
    showToast(t('voice.notes.deleted'), t('voice.notes.undo'), () => {
      void run(call('voice.restore', { initiativeId, noteId: note.id, text: note.text }));
    });
  }

  const className = ['note', `note--${note.kind}`, note.withdrawn ? 'note--withdrawn' : ''].join(' ').trim();
  return (
    <li className={className} data-note-id={note.id}>
      <div className="note__head">
        <input
          type="checkbox"
          checked={chosen && canCarry}
          disabled={!canCarry}
          onChange={() => onToggle(note.id)}
          aria-label={t('voice.notes.choose', { text: note.text.slice(0, 60) })}
          title={canCarry ? undefined : t('voice.notes.cannotCarry')}
        />
        <span className="badge">{t(noteKindKey[note.kind])}</span>
        <span className="note__who">{note.pseudonym ?? t('voice.capture.nobody')}</span>
        <span className={`consent consent--${note.consent}`}>{t(consentKey[note.consent])}</span>
        {note.withdrawn ? <span className="badge badge--danger">{t('voice.notes.withdrawn')}</span> : null}
        <span className="note__time">{note.capturedAt.slice(11, 16)}</span>
      </div>
      {editing ? (
        <>
          <textarea
            className="note__edit"
            aria-label={t('voice.notes.editLabel')}
            value={text}
            rows={3}
            autoFocus
            onChange={(event) => {
              setText(event.target.value);
              saveText(event.target.value);
            }}
            onBlur={() => {
              // A text too long to save stays open for shortening rather than reverting to the saved one.
              if (tooLongMessage(text.length)) return;
              setEditing(false);
              void refetch();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape' || (event.key === 'Enter' && !event.shiftKey)) {
                event.preventDefault();
                event.currentTarget.blur();
              }
            }}
          />
          <TooLongNotice text={text} />
        </>
      ) : (
        <p className="note__text">{note.text}</p>
      )}
      <div className="note__tools">
        {themes.map((theme) => {
          const on = note.themeIds.includes(theme.id);
          if (!on && !editing) return null;
          return (
            <button
              key={theme.id}
              type="button"
              className={on ? 'chip chip--on' : 'chip'}
              style={{ '--chip-colour': theme.colour } as CSSProperties}
              aria-pressed={on}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void toggleTheme(theme.id)}
            >
              {theme.name}
            </button>
          );
        })}
        <span className="note__spacer" />
        <select
          aria-label={t('voice.notes.consentLabel')}
          value={note.ownConsent}
          onChange={(event) => void setConsent(event.target.value as ConsentLevel)}
        >
          {consentLevels.map((level) => (
            <option key={level} value={level} disabled={consentRank(level) < consentRank(floor)}>
              {t(consentKey[level])}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--small button--ghost"
          onClick={() => {
            setText(note.text);
            setEditing(true);
          }}
        >
          {t('voice.notes.edit')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={() => void remove()}>
          {t('voice.notes.delete')}
        </button>
      </div>
      {note.carriedTo.length > 0 ? (
        <p className="note__carried">
          {t('voice.notes.carriedTo', { sessions: note.carriedTo.map((session) => session.title).join(', ') })}
        </p>
      ) : null}
      {note.citedBy.length > 0 ? (
        <p className="note__carried">
          {t('voice.notes.citedBy', { decisions: note.citedBy.map((decision) => decision.text).join(' · ') })}
        </p>
      ) : null}
      <ErrorLine error={error} />
    </li>
  );
}
