import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, MeetingView } from '../../../src-main/contract/index';
import { clock } from './labels';
import { elapsedOf } from './store';

function timeOfDay(millis: number): string {
  const at = new Date(millis);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** The current item's time left, amber in its last fifth and red once over; then the whole agenda. */
export function Countdown({ view, item }: { view: MeetingView; item: AgendaItem }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const running = view.live.timerStartedAt !== null;
  // A steady tick; a paused timer ignores `now`, so a second of staleness never shows.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);

  const box = item.timeboxMinutes * 60_000;
  const left = box - elapsedOf(view, now);
  const tone = left < 0 ? 'over' : left <= box * 0.2 ? 'amber' : 'calm';
  const index = view.items.findIndex((other) => other.id === item.id);
  const later = view.items.slice(index + 1).reduce((sum, other) => sum + other.timeboxMinutes * 60_000, 0);
  const projectedEnd = now + Math.max(0, left) + later;
  const planned = view.items.reduce((sum, other) => sum + other.timeboxMinutes, 0);
  const startsAt = view.session.startsAt.length > 10 ? Date.parse(view.session.startsAt) : NaN;
  const plannedEnd = view.session.endsAt.length > 10 ? Date.parse(view.session.endsAt) : startsAt + planned * 60_000;

  return (
    <div className="countdown">
      <p className={`countdown__time countdown__time--${tone}`} role="timer" aria-label={t('meeting.live.timeLeft')}>
        {/* Isolated left to right: in Arabic an overrun must read −0:35, not 0:35− with the sign after. */}
        <bdi dir="ltr">{clock(left)}</bdi>
      </p>
      <p className="countdown__state">
        {running ? t('meeting.live.running') : t('meeting.live.paused')} · {t('meeting.live.spaceHint')}
      </p>
      <p className="countdown__total" data-testid="running-total">
        {Number.isNaN(plannedEnd)
          ? t('meeting.live.totalMinutes', { planned })
          : t('meeting.live.projected', { projected: timeOfDay(projectedEnd), planned: timeOfDay(plannedEnd) })}
      </p>
    </div>
  );
}
