import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, MeetingView, Result, RoomStatus } from '../../../../src-main/contract/index';
import { call } from '../../../api/client';
import { useMeeting } from '../store';
import { PromptOpener, type OpenRequest } from './PromptOpener';
import { ReadinessOpener } from './ReadinessOpener';
import { RoomResults } from './RoomResults';
import './room.css';

/** How often the projector's counts are refreshed while room mode is on. */
const refreshMs = 1000;

/**
 * Room mode in meeting mode: turn it on for this session, show the QR code and the code, open a
 * question on the phones, see how many answered, reveal and record the result, and moderate the
 * ideas sent in. Answers live in main's memory only; recording writes through the write path.
 */
export function RoomPanel({ view, itemId }: { view: MeetingView; itemId: string | null }) {
  const { t } = useTranslation();
  const sessionId = view.session.id;
  const [status, setStatus] = useState<RoomStatus | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const here = status?.running === true && status.sessionId === sessionId;

  const take = useCallback((result: Result<RoomStatus>): boolean => {
    if (result.ok) setStatus(result.value);
    setProblem(result.ok ? null : result.error);
    return result.ok;
  }, []);

  useEffect(() => {
    let stopped = false;
    const refresh = () =>
      void call('room.status', {}).then((result) => {
        if (!stopped && result.ok) setStatus(result.value);
      });
    refresh();
    const timer = here ? setInterval(refresh, refreshMs) : undefined;
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [here]);

  const act = useMeeting.getState().act;
  const open = async (request: OpenRequest) => take(await call('room.open', { prompt: request }));

  return (
    <section aria-labelledby="room-title" className="room">
      <h3 id="room-title">{t('room.title')}</h3>
      {problem ? (
        <p role="alert" className="room__problem">
          {t(`errors.${problem.code}`)}
        </p>
      ) : null}
      {!here ? (
        <>
          <p className="field__hint">{t('room.help')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void act('room.start', { sessionId }).then(take)}
          >
            {t('room.turnOn')}
          </button>
        </>
      ) : (
        <>
          <div className="room__join">
            {status.endpoints[0] ? (
              <svg
                role="img"
                aria-label={t('room.qrLabel')}
                className="room__qr"
                viewBox={`0 0 ${status.endpoints[0].qr.size} ${status.endpoints[0].qr.size}`}
              >
                <rect width={status.endpoints[0].qr.size} height={status.endpoints[0].qr.size} fill="#ffffff" />
                <path d={status.endpoints[0].qr.path} fill="#000000" />
              </svg>
            ) : null}
            <div>
              <p>{t('room.scanOrType')}</p>
              <p className="room__address" dir="ltr">
                {status.endpoints[0]?.url.split('#')[0]}
              </p>
              <p>
                {t('room.codeIs')}{' '}
                <strong className="room__code" dir="ltr" data-testid="room-code">
                  {status.code}
                </strong>
              </p>
              <p role="status">{t('room.phones', { phones: status.phones })}</p>
            </div>
          </div>
          <button type="button" className="button" onClick={() => void call('room.stop', {}).then(take)}>
            {t('room.turnOff')}
          </button>
          <PromptOpener view={view} onOpen={open} />
          <ReadinessOpener onOpen={async (roundId) => take(await act('room.readiness.open', { sessionId, roundId }))} />
          <RoomResults
            status={status}
            onClose={() => void call('room.close', {}).then(take)}
            onReveal={() => void call('room.reveal', {}).then(take)}
            onRecord={(wording) => void act('room.record', { sessionId, agendaItemId: itemId, wording }).then(take)}
            onRecordSheets={() => void act('room.readiness.record', { sessionId }).then(take)}
            onModerate={(ideaId, to) =>
              void act('room.moderate', { sessionId, ideaId, to, agendaItemId: itemId }).then(take)
            }
          />
        </>
      )}
    </section>
  );
}
