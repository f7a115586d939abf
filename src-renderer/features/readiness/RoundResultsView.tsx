import { useTranslation } from 'react-i18next';
import {
  levelOutOfFive,
  notableDifference,
  type Instrument,
  type ItemResult,
  type RoundResults,
} from '../../../src-main/contract/index';
import { levelKeys, oneDecimal, shownText, signedDecimal } from './labels';

/** A bar drawn as a width out of the scale, with the figure written beside it so no one has to read a length. */
function Bar({ value, outOf, kind }: { value: number | null; outOf: number; kind: 'importance' | 'done' }) {
  const { i18n } = useTranslation();
  if (value === null) return <span>–</span>;
  return (
    <span className="readiness__bar-cell">
      <span className="readiness__bar-track" aria-hidden="true">
        <span
          className={`readiness__bar readiness__bar--${kind}`}
          style={{ inlineSize: `${(value / outOf) * 100}%` }}
        />
      </span>
      <span>{oneDecimal(value, i18n.language)}</span>
    </span>
  );
}

/** Results of one round: the gap chart (a table with bars), the spread, and where residents and agencies differ. */
export function RoundResultsView({ results, instrument }: { results: RoundResults; instrument: Instrument }) {
  const { t, i18n } = useTranslation();
  const textOf = new Map(
    instrument.sections.flatMap((section) =>
      section.items.map((item) => [item.id, shownText(item.text, item.builtinText, i18n.language)] as const),
    ),
  );
  const rated = results.items.filter((item) => item.raters > 0);
  const byGap = [...rated].sort((a, b) => (b.gap ?? -Infinity) - (a.gap ?? -Infinity));
  const groupsShown = results.residentSheets !== null;
  const byDifference = [...rated].sort((a, b) => Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0));
  const hasPrevious = results.previousRoundId !== null;
  const name = (item: ItemResult) => textOf.get(item.itemId) ?? '';

  return (
    <div className="readiness__results">
      <p role="status">
        {groupsShown
          ? t('readiness.results.sheets', {
              sheets: results.sheets,
              residents: results.residentSheets,
              agencies: results.agencySheets,
            })
          : t('readiness.results.sheetsOnly', { sheets: results.sheets })}
      </p>
      {instrument.ratesImportance ? (
        <table className="table readiness__gap" aria-label={t('readiness.results.gapTitle')}>
          <caption>{t('readiness.results.gapTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('readiness.results.item')}</th>
              <th scope="col">{t('readiness.results.importance')}</th>
              <th scope="col">{t('readiness.results.done')}</th>
              <th scope="col">{t('readiness.results.gap')}</th>
              {hasPrevious ? <th scope="col">{t('readiness.results.change')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {byGap.map((item) => (
              <tr key={item.itemId}>
                <th scope="row">{name(item)}</th>
                <td>
                  <Bar value={item.meanImportance} outOf={5} kind="importance" />
                </td>
                <td>
                  <Bar value={item.meanLevel === null ? null : levelOutOfFive(item.meanLevel)} outOf={5} kind="done" />
                </td>
                <td>{signedDecimal(item.gap, i18n.language)}</td>
                {hasPrevious ? <td>{signedDecimal(item.change, i18n.language)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="field__hint">{t('readiness.results.gapHint')}</p>

      <table className="table readiness__spread" aria-label={t('readiness.results.spreadTitle')}>
        <caption>{t('readiness.results.spreadTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('readiness.results.item')}</th>
            {levelKeys[instrument.scale].map((key) => (
              <th scope="col" key={key}>
                {t(key)}
              </th>
            ))}
            <th scope="col">{t('readiness.results.average')}</th>
            {!instrument.ratesImportance && hasPrevious ? <th scope="col">{t('readiness.results.change')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rated.map((item) => (
            <tr key={item.itemId}>
              <th scope="row">{name(item)}</th>
              {item.spread.map((count, level) => (
                <td key={level}>{count}</td>
              ))}
              <td>{oneDecimal(item.meanLevel, i18n.language)}</td>
              {!instrument.ratesImportance && hasPrevious ? <td>{signedDecimal(item.change, i18n.language)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>

      <table className="table readiness__differ" aria-label={t('readiness.results.differTitle')}>
        <caption>{t('readiness.results.differTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('readiness.results.item')}</th>
            <th scope="col">{t('readiness.results.residents')}</th>
            <th scope="col">{t('readiness.results.agencies')}</th>
            <th scope="col">{t('readiness.results.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {byDifference.map((item) => (
            <tr key={item.itemId}>
              <th scope="row">{name(item)}</th>
              {item.residents.shown && item.agencies.shown ? (
                <>
                  <td>{oneDecimal(item.residents.meanLevel, i18n.language)}</td>
                  <td>{oneDecimal(item.agencies.meanLevel, i18n.language)}</td>
                  <td>
                    {signedDecimal(item.difference, i18n.language)}
                    {Math.abs(item.difference ?? 0) >= notableDifference ? (
                      <strong className="readiness__notable"> {t('readiness.results.notable')}</strong>
                    ) : null}
                  </td>
                </>
              ) : (
                <td colSpan={3}>{t('readiness.results.tooFew')}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
