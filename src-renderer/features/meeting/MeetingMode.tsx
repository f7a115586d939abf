import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../../../src-main/contract/index';
import { AutosaveText } from '../../components/AutosaveText';
import { CheckInPanel } from './CheckInPanel';
import { OpenFromLast, voiceBeside, VoiceQuotes } from './CarriedVoice';
import { Countdown } from './Countdown';
import { DecisionForm } from './DecisionForm';
import { purposeKey } from './labels';
import { ActionForm, ParkingForm } from './QuickForms';
import { ReviewScreen } from './ReviewScreen';
import { isRightToLeft, ShortcutSheet } from './ShortcutSheet';
import { MeetingControls, type MeetingCommands } from './MeetingControls';
import { useMeeting } from './store';
import { longTextLimit } from '../../components/TooLongNotice';
import { useInertOutside } from './useInertOutside';
import { RoomPanel } from './room/RoomPanel';
import { deleteDecision } from './undo';
import { DataItemPanel } from './DataItemPanel';

type Dialog = 'decision' | 'action' | 'parking' | 'help' | 'review' | null;
const contrastKey = 'commonground.meetingContrast';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Full screen, large type: the current item, its timer, who is here, and one key per capture. */
export function MeetingMode({ view, onLeave }: { view: MeetingView; onLeave(): void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [contrast, setContrast] = useState(() => localStorage.getItem(contrastKey) === 'on');
  const notesRef = useRef<HTMLDivElement>(null);
  const carried = useMeeting((state) => state.carried);
  const { session, items, live } = view;
  const index = Math.max(
    0,
    items.findIndex((item) => item.id === live.currentItemId),
  );
  const current = items[index] ?? null;
  const sessionId = session.id;
  const sectionRef = useRef<HTMLElement>(null);
  useInertOutside(sectionRef, dialog !== 'review');

  // The same commands for the keys and the buttons. Keys can come faster than answers: the store
  // moves on at once and keeps the move until the stored answer is back, so two quick presses of →
  // go two items on.
  const commands = useMemo<MeetingCommands>(
    () => ({
      decision: () => setDialog('decision'),
      action: () => setDialog('action'),
      parking: () => setDialog('parking'),
      notes: () => notesRef.current?.querySelector('textarea')?.focus(),
      previous: () => useMeeting.getState().move(-1),
      next: () => useMeeting.getState().move(1),
      timer: () => {
        const running = useMeeting.getState().view?.live.timerStartedAt != null;
        void useMeeting.getState().act('meeting.timer', { sessionId, action: running ? 'pause' : 'start' });
      },
    }),
    [sessionId],
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && dialog) return setDialog(null);
      // Escape leaves a field (the notes), so the single-key shortcuts work again.
      if (event.key === 'Escape' && isTyping(event.target)) return (event.target as HTMLElement).blur();
      if (dialog || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const actions: Record<string, () => void> = {
        d: commands.decision,
        a: commands.action,
        p: commands.parking,
        '?': () => setDialog('help'),
        n: commands.notes,
        // "Next" points the way the text reads: left in Arabic, right in English.
        ArrowRight: isRightToLeft() ? commands.previous : commands.next,
        ArrowLeft: isRightToLeft() ? commands.next : commands.previous,
        ' ': commands.timer,
      };
      const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog, commands]);

  if (dialog === 'review') return <ReviewScreen view={view} onBack={() => setDialog(null)} />;
  return (
    <section
      ref={sectionRef}
      className={contrast ? 'meeting meeting--contrast' : 'meeting'}
      aria-labelledby="meeting-title"
    >
      <header className="meeting__bar">
        <h1 id="meeting-title">
          <bdi>{session.title}</bdi>
        </h1>
        <button
          type="button"
          className="button"
          aria-pressed={contrast}
          onClick={() => {
            localStorage.setItem(contrastKey, contrast ? 'off' : 'on');
            setContrast(!contrast);
          }}
        >
          {t('meeting.live.contrast')}
        </button>
        <button type="button" className="button" onClick={() => setDialog('help')}>
          {t('meeting.live.shortcuts')}
        </button>
        <button type="button" className="button" onClick={onLeave}>
          {t('meeting.live.leave')}
        </button>
        <button type="button" className="button button--primary" onClick={() => setDialog('review')}>
          {t('meeting.live.close')}
        </button>
      </header>
      <MeetingControls
        commands={commands}
        running={live.timerStartedAt !== null}
        rtl={isRightToLeft()}
        hasPrevious={index > 0}
        hasNext={index < items.length - 1}
      />
      <div className="meeting__body">
        <div className="meeting__main">
          {current ? (
            <>
              <p className="meeting__position">
                {t('meeting.live.itemOf', { number: index + 1, total: items.length })} ·{' '}
                {t(purposeKey[current.purpose])}
              </p>
              <h2 className="meeting__current" aria-live="polite">
                <bdi>{current.title}</bdi>
              </h2>
              <Countdown view={view} item={current} />
              {current.indicatorId ? <DataItemPanel key={current.id} itemId={current.id} /> : null}
              <VoiceQuotes
                notes={voiceBeside(view, carried, current.id)}
                label={t('meeting.voice.onItem', { title: current.title })}
              />
              <div ref={notesRef} className="meeting__notes">
                <AutosaveText
                  key={current.id}
                  label={t('meeting.live.notes')}
                  value={current.notes}
                  multiline
                  maxLength={longTextLimit}
                  save={async (notes) => {
                    const result = await useMeeting
                      .getState()
                      .act('agenda.update', { itemId: current.id, patch: { notes } });
                    return result.ok ? null : result.error;
                  }}
                />
              </div>
              <h3>{t('meeting.live.next')}</h3>
              <ol className="meeting__next" aria-label={t('meeting.live.next')}>
                {items.slice(index + 1).map((item) => (
                  <li key={item.id}>
                    <bdi>{item.title}</bdi> · {t('meeting.live.minutes', { count: item.timeboxMinutes })}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p>{t('meeting.live.noAgenda')}</p>
          )}
          <Captured view={view} />
        </div>
        <aside className="meeting__side">
          <CheckInPanel view={view} />
          <RoomPanel view={view} itemId={current?.id ?? null} />
          <section aria-labelledby="carried-title">
            <h3 id="carried-title">{t('meeting.live.voice')}</h3>
            {carried.length === 0 ? <p className="field__hint">{t('meeting.live.noVoice')}</p> : null}
            <VoiceQuotes notes={voiceBeside(view, carried, null)} label={t('meeting.live.voice')} />
          </section>
          <OpenFromLast view={view} />
        </aside>
      </div>
      {dialog === 'decision' ? (
        <DecisionForm view={view} itemId={current?.id ?? null} onDone={() => setDialog(null)} />
      ) : null}
      {dialog === 'action' ? (
        <ActionForm view={view} itemId={current?.id ?? null} onDone={() => setDialog(null)} />
      ) : null}
      {dialog === 'parking' ? <ParkingForm view={view} onDone={() => setDialog(null)} /> : null}
      {dialog === 'help' ? <ShortcutSheet onDone={() => setDialog(null)} /> : null}
    </section>
  );
}

/** What this meeting has produced so far. */
function Captured({ view }: { view: MeetingView }) {
  const { t } = useTranslation();
  return (
    <div className="meeting__captured">
      <section aria-labelledby="captured-decisions">
        <h3 id="captured-decisions">{t('meeting.review.decisions', { count: view.decisions.length })}</h3>
        <ul aria-label={t('meeting.tabs.decisions')}>
          {view.decisions.map((decision) => (
            <li key={decision.id}>
              <bdi>{decision.text}</bdi>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={t('meeting.undo.deleteDecision', { text: decision.text })}
                onClick={() => void deleteDecision(decision)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="captured-actions">
        <h3 id="captured-actions">{t('meeting.review.actions', { count: view.actions.length })}</h3>
        <ul aria-label={t('meeting.tabs.actions')}>
          {view.actions.map((action) => (
            <li key={action.id}>
              <bdi>{action.text}</bdi>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="captured-parking">
        <h3 id="captured-parking">{t('meeting.review.parking', { count: view.parking.length })}</h3>
        <ul aria-label={t('meeting.parking.title')}>
          {view.parking.map((item) => (
            <li key={item.id}>
              <bdi>{item.text}</bdi>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
