import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../../../src-main/contract/index';
import { call } from '../../../api/client';
import { useMeeting } from '../store';

/**
 * Puts one of the initiative's readiness rounds on the phones: each phone then rates the round's
 * items as one rater. The rounds themselves are made in the Readiness section.
 */
export function ReadinessOpener({ onOpen }: { onOpen(roundId: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const initiativeId = useMeeting((state) => state.initiativeId);
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [roundId, setRoundId] = useState('');

  useEffect(() => {
    if (!initiativeId) return;
    let stopped = false;
    void call('readiness.rounds.list', { initiativeId }).then((result) => {
      if (stopped || !result.ok) return;
      // The newest round first: the one a facilitator most likely means today.
      const newestFirst = [...result.value].reverse();
      setRounds(newestFirst);
      setRoundId((chosen) => chosen || (newestFirst[0]?.id ?? ''));
    });
    return () => {
      stopped = true;
    };
  }, [initiativeId]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (roundId) void onOpen(roundId);
  }

  return (
    <form className="room__opener" aria-labelledby="room-readiness-title" onSubmit={submit}>
      <h4 id="room-readiness-title">{t('roomReadiness.title')}</h4>
      <p className="field__hint">{t('roomReadiness.help')}</p>
      {rounds && rounds.length === 0 ? (
        <p className="field__hint">{t('roomReadiness.noRounds')}</p>
      ) : (
        <>
          <label>
            {t('roomReadiness.round')}
            <select value={roundId} onChange={(event) => setRoundId(event.target.value)}>
              {(rounds ?? []).map((round) => (
                <option key={round.id} value={round.id}>
                  {round.title} ({round.heldOn})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={!roundId}>
            {t('roomReadiness.open')}
          </button>
        </>
      )}
    </form>
  );
}
