import { useTranslation } from 'react-i18next';
import type { Instrument, Round } from '../../../src-main/contract/index';
import { RoundResultsView } from './RoundResultsView';
import { SheetEntry } from './SheetEntry';
import { useReadiness } from './store';

/** An open round: typing in paper sheets, and the results as they grow. */
export function RoundView({ round, instrument }: { round: Round; instrument: Instrument }) {
  const { t } = useTranslation();
  const results = useReadiness((state) => state.results);
  return (
    <article className="readiness__round" aria-label={round.title}>
      <h2>{t('readiness.rounds.heading', { title: round.title, date: round.heldOn })}</h2>
      <SheetEntry roundId={round.id} instrument={instrument} />
      <section className="card" aria-label={t('readiness.results.title')}>
        <h3>{t('readiness.results.title')}</h3>
        {results && results.sheets > 0 ? (
          <RoundResultsView results={results} instrument={instrument} />
        ) : (
          <p className="field__hint">{t('readiness.results.none')}</p>
        )}
      </section>
    </article>
  );
}
