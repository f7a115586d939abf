import { useTranslation } from 'react-i18next';

export interface MeetingCommands {
  decision(): void;
  action(): void;
  parking(): void;
  notes(): void;
  previous(): void;
  next(): void;
  timer(): void;
}

/** The shortcut keys as buttons, so a mouse or a touch screen can run the meeting too. */
export function MeetingControls({
  commands,
  running,
  rtl,
  hasPrevious,
  hasNext,
}: {
  commands: MeetingCommands;
  running: boolean;
  /** Arabic reads right to left: "next" points left, as the → key's meaning flips there too. */
  rtl: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
}) {
  const { t } = useTranslation();
  const button = (label: string, key: string, run: () => void, disabled = false) => (
    <button type="button" className="button" aria-keyshortcuts={key} disabled={disabled} onClick={run}>
      {label}
    </button>
  );
  // The arrow is decoration: the name read out is the word alone.
  const arrow = (glyph: string) => <span aria-hidden="true">{glyph}</span>;
  return (
    <div className="meeting__controls" role="group" aria-label={t('meeting.controls.label')}>
      <button
        type="button"
        className="button"
        aria-keyshortcuts={rtl ? 'ArrowRight' : 'ArrowLeft'}
        disabled={!hasPrevious}
        onClick={commands.previous}
      >
        {arrow(rtl ? '→' : '←')} {t('meeting.controls.previous')}
      </button>
      <button
        type="button"
        className="button"
        aria-keyshortcuts={rtl ? 'ArrowLeft' : 'ArrowRight'}
        disabled={!hasNext}
        onClick={commands.next}
      >
        {t('meeting.controls.next')} {arrow(rtl ? '←' : '→')}
      </button>
      {button(running ? t('meeting.controls.pause') : t('meeting.controls.start'), 'Space', commands.timer)}
      {button(t('meeting.controls.notes'), 'N', commands.notes)}
      {button(t('meeting.controls.decision'), 'D', commands.decision)}
      {button(t('meeting.controls.action'), 'A', commands.action)}
      {button(t('meeting.controls.parking'), 'P', commands.parking)}
    </div>
  );
}
