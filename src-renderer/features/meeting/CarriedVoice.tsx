import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView, VoiceNote } from '../../../src-main/contract/index';
import { useMeeting } from './store';

/** The carried notes shown beside one agenda item, or (null) those pinned to no item. */
export function voiceBeside(view: MeetingView, carried: readonly VoiceNote[], itemId: string | null): VoiceNote[] {
  const pinned = new Map(view.voicePins.map((pin) => [pin.noteId, pin.agendaItemId]));
  return carried.filter((note) => (pinned.get(note.id) ?? null) === itemId);
}

/** Quotes from the community, with the speaker's pseudonym where consent allows it. */
export function VoiceQuotes({ notes, label }: { notes: readonly VoiceNote[]; label: string }) {
  if (notes.length === 0) return null;
  return (
    <ul className="meeting__voice" aria-label={label}>
      {notes.map((note) => (
        <li key={note.id}>
          “<bdi>{note.text}</bdi>”
          {note.pseudonym ? (
            <>
              {' '}
              — <bdi>{note.pseudonym}</bdi>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * In the plan: each note carried to the session, and the agenda item it is to be shown beside.
 * The item picker opens for one note at a time: two hundred notes with a thirty-item list each
 * would put six thousand options in the page and slow the plan's opening.
 */
export function CarriedVoicePlan({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  const carried = useMeeting((state) => state.carried);
  const [picking, setPicking] = useState<string | null>(null);
  if (carried.length === 0) return null;
  const pinned = new Map(view.voicePins.map((pin) => [pin.noteId, pin.agendaItemId]));
  const titleOf = new Map(view.items.map((item) => [item.id, item.title]));
  return (
    <section className="card" aria-labelledby="carried-plan-title">
      <h3 id="carried-plan-title">{t('meeting.live.voice')}</h3>
      <ul className="carried">
        {carried.map((note) => {
          const itemId = pinned.get(note.id) ?? null;
          return (
            <li key={note.id}>
              <span>“{note.text}”</span>
              {picking === note.id ? (
                <select
                  aria-label={t('meeting.voice.beside', { text: note.text })}
                  value={itemId ?? ''}
                  autoFocus
                  onBlur={() => setPicking(null)}
                  onChange={(event) => {
                    setPicking(null);
                    void useMeeting.getState().act('agenda.pinVoice', {
                      sessionId: view.session.id,
                      noteId: note.id,
                      agendaItemId: event.target.value || null,
                    });
                  }}
                >
                  <option value="">{t('meeting.voice.noItem')}</option>
                  {view.items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.title}
                    </option>
                  ))}
                </select>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('meeting.voice.beside', { text: note.text })}
                  onClick={() => setPicking(note.id)}
                >
                  {(itemId && titleOf.get(itemId)) || t('meeting.voice.noItem')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** What was promised at the session whose agenda this one reused, and is still open. */
export function OpenFromLast({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  if (view.openFromLast.length === 0) return null;
  return (
    <section aria-labelledby="open-from-last-title">
      <h3 id="open-from-last-title">{t('meeting.live.openFromLast', { count: view.openFromLast.length })}</h3>
      <ul aria-label={t('meeting.live.openFromLastList')}>
        {view.openFromLast.map((action) => (
          <li key={action.id}>
            <bdi>{action.text}</bdi>
            {action.dueDate ? ` · ${action.dueDate}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
