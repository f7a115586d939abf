import { useTranslation } from 'react-i18next';
import type { ScorecardRow } from '../../../src-main/contract/index';
import { changeFormat, figureFormat, statusKey, trendArrow, trendKey } from './figures';

/**
 * Every indicator at a glance: the latest total and its period, the target for that period or the
 * next, the trend in words and an arrow, the change since the baseline, and whether it is on track.
 */
export function Scorecard({ rows, onOpen }: { rows: readonly ScorecardRow[]; onOpen(indicatorId: string): void }) {
  const { t, i18n } = useTranslation();
  const figure = figureFormat(i18n.language);
  const change = changeFormat(i18n.language);
  const withUnit = (value: number, unit: string) => (unit ? `${figure(value)} ${unit}` : figure(value));

  return (
    <section className="card measures__scorecard" aria-labelledby="measures-scorecard-title">
      <h2 id="measures-scorecard-title">{t('measures.scorecard.title')}</h2>
      {rows.length === 0 ? (
        <p className="field__hint">{t('measures.scorecard.empty')}</p>
      ) : (
        <table className="measures__table" aria-labelledby="measures-scorecard-title">
          <thead>
            <tr>
              <th scope="col">{t('measures.scorecard.indicator')}</th>
              <th scope="col">{t('measures.scorecard.current')}</th>
              <th scope="col">{t('measures.scorecard.target')}</th>
              <th scope="col">{t('measures.scorecard.trend')}</th>
              <th scope="col">{t('measures.scorecard.sinceBaseline')}</th>
              <th scope="col">{t('measures.scorecard.onTrack')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.indicatorId}>
                <th scope="row">
                  <button type="button" className="button button--ghost" onClick={() => onOpen(row.indicatorId)}>
                    {row.name}
                  </button>
                </th>
                <td>
                  {row.current ? (
                    <>
                      {withUnit(row.current.value, row.unit)}{' '}
                      <span className="measures__period">{row.current.period}</span>
                    </>
                  ) : (
                    t('measures.scorecard.none')
                  )}
                </td>
                <td>
                  {row.target ? (
                    <>
                      {withUnit(row.target.value, row.unit)}{' '}
                      <span className="measures__period">{row.target.period}</span>
                    </>
                  ) : (
                    t('measures.scorecard.none')
                  )}
                </td>
                <td className={`measures__trend measures__trend--${row.trend.reading}`}>
                  <span aria-hidden="true">{trendArrow[row.trend.direction]}</span> {t(trendKey[row.trend.reading])}
                </td>
                <td>
                  {row.changeSinceBaseline === null
                    ? t('measures.scorecard.noBaseline')
                    : t('measures.scorecard.since', {
                        change: change(row.changeSinceBaseline),
                        period: row.baseline?.period ?? '',
                      })}
                </td>
                <td className={`measures__status measures__status--${row.status}`}>{t(statusKey[row.status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
