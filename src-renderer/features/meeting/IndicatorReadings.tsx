import { useTranslation } from 'react-i18next';
import type { IndicatorSnapshot, ReadingLine } from '../../../src-main/contract/index';

/**
 * An indicator as the room reads it on a projector: the latest period's total and each group,
 * with the baseline and the target. A plain table on purpose: it reads in every language and
 * direction, and a chart can take its place later without changing what the data item holds.
 */
export function IndicatorReadings({ snapshot }: { snapshot: IndicatorSnapshot }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { indicator } = snapshot;
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const figure = (value: number | null) => (value === null ? '—' : `${number.format(value)}${unit}`);
  const row = (line: ReadingLine, label: string) => (
    <tr key={line.categoryIds.join(',') || 'total'}>
      <th scope="row">
        <bdi>{label}</bdi>
      </th>
      <td>{line.heldBack ? t('dataItem.readings.heldBack') : figure(line.value)}</td>
      <td>{line.count === null ? '—' : number.format(line.count)}</td>
    </tr>
  );
  return (
    <section className="data-item__readings" aria-labelledby={`indicator-${indicator.id}`}>
      <h3 id={`indicator-${indicator.id}`}>
        <bdi>{indicator.name}</bdi>
      </h3>
      <dl className="data-item__facts">
        <div>
          <dt>{t('dataItem.readings.baseline')}</dt>
          <dd>
            {indicator.baseline
              ? t('dataItem.readings.inPeriod', {
                  value: figure(indicator.baseline.value),
                  period: indicator.baseline.period,
                })
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('dataItem.readings.target')}</dt>
          <dd>{figure(snapshot.target)}</dd>
        </div>
      </dl>
      {snapshot.period === null ? (
        <p>{t('dataItem.readings.none')}</p>
      ) : (
        <table className="data-item__table">
          <caption>{t('dataItem.readings.caption', { period: snapshot.period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dataItem.readings.group')}</th>
              <th scope="col">{t('dataItem.readings.value')}</th>
              <th scope="col">{t('dataItem.readings.count')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.total ? row(snapshot.total, t('dataItem.readings.total')) : null}
            {snapshot.groups.map((line) => row(line, line.label))}
          </tbody>
        </table>
      )}
      {[snapshot.total, ...snapshot.groups].some((line) => line?.heldBack) ? (
        <p className="field__hint">{t('dataItem.readings.heldBackWhy', { threshold: snapshot.smallGroupThreshold })}</p>
      ) : null}
    </section>
  );
}
