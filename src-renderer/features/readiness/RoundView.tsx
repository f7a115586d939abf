import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { locales, type Instrument, type Round } from '../../../src-main/contract/index';
import { call } from '../../api/client';
import { describeError } from '../../i18n/index';
import { downloadFile } from '../exchange/files';
import { RoundResultsView } from './RoundResultsView';
import { SheetEntry } from './SheetEntry';
import { SheetList } from './SheetList';
import { useReadiness } from './store';

/** An open round: typing in paper sheets, and the results as they grow. */
export function RoundView({ round, instrument }: { round: Round; instrument: Instrument }) {
  const { t, i18n } = useTranslation();
  const results = useReadiness((state) => state.results);
  const initiativeId = useReadiness((state) => state.initiativeId);
  const [error, setError] = useState<string | null>(null);

  async function report(format: 'pdf' | 'docx') {
    if (!initiativeId) return;
    const locale = locales.find((one) => one === i18n.language) ?? 'en';
    const file = await call('readiness.report', { initiativeId, roundId: round.id, format, locale });
    if (!file.ok) return setError(describeError(file.error));
    setError(null);
    downloadFile(file.value);
  }

  return (
    <article className="readiness__round" aria-label={round.title}>
      <h2>{t('readiness.rounds.heading', { title: round.title, date: round.heldOn })}</h2>
      <SheetEntry roundId={round.id} instrument={instrument} />
      <SheetList round={round} />
      <section className="card" aria-label={t('readiness.results.title')}>
        <h3>{t('readiness.results.title')}</h3>
        {results && results.sheets > 0 ? (
          <>
            <RoundResultsView results={results} instrument={instrument} />
            <div className="readiness__report">
              <button type="button" className="button" onClick={() => void report('pdf')}>
                {t('readiness.report.pdf')}
              </button>
              <button type="button" className="button" onClick={() => void report('docx')}>
                {t('readiness.report.docx')}
              </button>
              {error ? (
                <p className="field__error" role="alert">
                  {error}
                </p>
              ) : null}
            </div>
          </>
        ) : (
          <p className="field__hint">{t('readiness.results.none')}</p>
        )}
      </section>
    </article>
  );
}
