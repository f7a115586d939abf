import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useReadiness } from '../../readiness/store';
import { useMeeting } from '../store';

/**
 * Puts one of the initiative's readiness rounds on the phones: each phone then rates the round's
 * items as one rater. The rounds themselves are made in the Readiness section.
 */
export function ReadinessOpener({ onOpen }: { onOpen(roundId: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const initiativeId = useMeeting((state) => state.initiativeId);
  // The Readiness section's store, which the app refetches on every change notice about rounds:
  // a round made, removed or renamed while this panel is open (there, in another window or by a
  // sync) shows here at once, as in that section.
  const { rounds, loadedFor, status } = useReadiness(
    useShallow((state) => ({ rounds: state.rounds, loadedFor: state.initiativeId, status: state.status })),
  );
  const loaded = initiativeId !== null && loadedFor === initiativeId && status === 'ready';
  // The newest round first: the one a facilitator most likely means today.
  const newestFirst = useMemo(() => (loaded ? [...rounds].reverse() : []), [loaded, rounds]);
  const [chosen, setChosen] = useState('');
  // What the facilitator picked while it is still there; otherwise the newest.
  const roundId = newestFirst.some((round) => round.id === chosen) ? chosen : (newestFirst[0]?.id ?? '');

  useEffect(() => {
    // For the same initiative this only refetches: the store keeps what the section shows.
    if (initiativeId) void useReadiness.getState().load(initiativeId);
  }, [initiativeId]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (roundId) void onOpen(roundId);
  }

  return (
    <form className="room__opener" aria-labelledby="room-readiness-title" onSubmit={submit}>
      <h4 id="room-readiness-title">{t('roomReadiness.title')}</h4>
      <p className="field__hint">{t('roomReadiness.help')}</p>
      {loaded && newestFirst.length === 0 ? (
        <p className="field__hint">{t('roomReadiness.noRounds')}</p>
      ) : (
        <>
          <label>
            {t('roomReadiness.round')}
            <select value={roundId} onChange={(event) => setChosen(event.target.value)}>
              {newestFirst.map((round) => (
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
