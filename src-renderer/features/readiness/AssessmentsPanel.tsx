import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../components/Field';
import { describeError } from '../../i18n/index';
import { InstrumentEditor } from './InstrumentEditor';
import { NewInstrumentForm } from './NewInstrumentForm';
import { RoundView } from './RoundView';
import { shownText, today } from './labels';
import { useReadiness } from './store';

/** Instruments on the side with their rounds; the open round (entry and results) or the instrument's items in the main area. */
export function AssessmentsPanel() {
  const { t, i18n } = useTranslation();
  const { instruments, rounds, roundId, openRound, createRound } = useReadiness(
    useShallow((state) => ({
      instruments: state.instruments,
      rounds: state.rounds,
      roundId: state.roundId,
      openRound: state.openRound,
      createRound: state.createRound,
    })),
  );
  const [instrumentId, setInstrumentId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(today);
  const [error, setError] = useState<string | null>(null);

  const openRoundEntry = rounds.find((round) => round.id === roundId) ?? null;
  const instrument =
    instruments.find((one) => one.id === (openRoundEntry?.instrumentId ?? instrumentId)) ?? instruments[0] ?? null;
  const instrumentRounds = rounds.filter((round) => round.instrumentId === instrument?.id);

  function pickInstrument(id: string) {
    setInstrumentId(id);
    void openRound(null);
  }

  async function addRound(event: FormEvent) {
    event.preventDefault();
    if (!instrument) return;
    if (title.trim() === '') return setError(t('errors.required'));
    const result = await createRound({ instrumentId: instrument.id, title, heldOn });
    if (!result.ok) return setError(describeError(result.error));
    setTitle('');
    setError(null);
    await openRound(result.value.id);
  }

  return (
    <div className="readiness__layout">
      <div className="readiness__side">
        <nav className="card" aria-label={t('readiness.instruments.title')}>
          <h2>{t('readiness.instruments.title')}</h2>
          <ul className="readiness__list">
            {instruments.map((one) => (
              <li key={one.id}>
                <button
                  type="button"
                  className={
                    one.id === instrument?.id ? 'button button--ghost readiness__current' : 'button button--ghost'
                  }
                  aria-current={one.id === instrument?.id ? 'true' : undefined}
                  onClick={() => pickInstrument(one.id)}
                >
                  {shownText(one.name, one.builtinName, i18n.language)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {instrument ? (
          <nav className="card" aria-label={t('readiness.rounds.title')}>
            <h2>{t('readiness.rounds.title')}</h2>
            {instrumentRounds.length === 0 ? <p className="field__hint">{t('readiness.rounds.empty')}</p> : null}
            <ul className="readiness__list">
              {instrumentRounds.map((round) => (
                <li key={round.id}>
                  <button
                    type="button"
                    className={
                      round.id === roundId ? 'button button--ghost readiness__current' : 'button button--ghost'
                    }
                    aria-current={round.id === roundId ? 'true' : undefined}
                    onClick={() => void openRound(round.id)}
                  >
                    {t('readiness.rounds.entry', { title: round.title, date: round.heldOn, sheets: round.sheets })}
                  </button>
                </li>
              ))}
            </ul>
            <form aria-label={t('readiness.rounds.new')} onSubmit={addRound}>
              <Field label={t('readiness.rounds.name')} error={error}>
                {(props) => (
                  <input {...props} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
                )}
              </Field>
              <Field label={t('readiness.rounds.heldOn')}>
                {(props) => <input {...props} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
              </Field>
              <button type="submit" className="button button--primary">
                {t('readiness.rounds.new')}
              </button>
            </form>
          </nav>
        ) : null}
        <NewInstrumentForm onCreated={pickInstrument} />
      </div>
      <div className="readiness__main">
        {openRoundEntry && instrument ? (
          <RoundView key={openRoundEntry.id} round={openRoundEntry} instrument={instrument} />
        ) : instrument ? (
          <InstrumentEditor key={instrument.id} instrument={instrument} />
        ) : null}
      </div>
    </div>
  );
}
