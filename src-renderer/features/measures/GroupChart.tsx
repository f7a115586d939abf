import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { GroupReading, GroupSeries, IndicatorCharts } from '../../../src-main/contract/index';
import { ChartFrame, lineColours } from './ChartFrame';
import { figureFormat } from './figures';

/**
 * One line per category of a chosen dimension. The tooltip and the table say how far each group
 * is behind the best-off group of that period, best-off meaning highest or lowest by polarity.
 */
export function GroupChart({ name, charts }: { name: string; charts: IndicatorCharts }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const series = charts.groups.find((s) => s.dimensionId === chosen) ?? charts.groups[0];
  if (!series) return null;
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const figure = figureFormat(i18n.language);
  const title = t('measures.charts.groupTitle', { name, dimension: series.name });
  const data = series.periods.map((row) => ({
    period: row.period,
    ...Object.fromEntries(row.readings.map((reading) => [reading.categoryId, reading.value])),
  }));

  /** A group's figure with what the reader needs beside it: best off, or how far behind; small group. */
  function describe(reading: GroupReading): string {
    if (reading.value === null) return t('measures.charts.missing');
    const parts = [figure(reading.value)];
    if (reading.bestOff) parts.push(t('measures.charts.bestOff'));
    else if (reading.gap !== null) parts.push(t('measures.charts.behind', { gap: figure(reading.gap) }));
    if (reading.smallGroup) parts.push(t('measures.charts.smallGroup'));
    return parts.join(t('measures.charts.separator'));
  }

  function GroupTooltip({ active, label }: TooltipContentProps) {
    const row = series.periods.find((p) => p.period === label);
    if (!active || !row) return null;
    return (
      <div className="measures__tooltip">
        <strong>{row.period}</strong>
        <ul>
          {row.readings.map((reading) => (
            <li key={reading.categoryId}>
              {categoryName(series, reading.categoryId)}: {describe(reading)}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const chart =
    series.periods.length === 0 ? (
      <p className="field__hint">{t('measures.charts.noGroupsYet', { dimension: series.name })}</p>
    ) : (
      <LineChart
        responsive
        className="measures__plot"
        style={{ width: '100%', height: 280 }}
        data={data}
        margin={{ top: 16, right: 24, bottom: 8, left: 24 }}
        role="img"
        aria-label={title}
      >
        <CartesianGrid stroke="var(--line)" vertical={false} />
        <XAxis dataKey="period" reversed={rtl} />
        <YAxis orientation={rtl ? 'right' : 'left'} tickFormatter={figure} width="auto" />
        <Tooltip content={GroupTooltip} />
        <Legend />
        {series.categories.map((category, index) => (
          <Line
            key={category.id}
            type="linear"
            dataKey={category.id}
            name={category.name}
            stroke={lineColours[index % lineColours.length]}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );

  const table = (
    <table className="measures__table" aria-label={t('measures.charts.groupTable', { dimension: series.name })}>
      <thead>
        <tr>
          <th scope="col">{t('measures.charts.period')}</th>
          {series.categories.map((category) => (
            <th scope="col" key={category.id}>
              {category.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {series.periods.map((row) => (
          <tr key={row.period}>
            <th scope="row">{row.period}</th>
            {row.readings.map((reading) => (
              <td key={reading.categoryId} className={reading.smallGroup ? 'measures__small' : undefined}>
                {describe(reading)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <>
      {charts.groups.length > 1 ? (
        <label className="measures__pick-dimension">
          {t('measures.charts.dimension')}{' '}
          <select value={series.dimensionId} onChange={(event) => setChosen(event.target.value)}>
            {charts.groups.map((s) => (
              <option key={s.dimensionId} value={s.dimensionId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ChartFrame title={title} chart={chart} table={table} />
      {charts.groups.length > 0 ? (
        <p className="field__hint">{t('measures.charts.smallGroupHint', { threshold: charts.smallGroupThreshold })}</p>
      ) : null}
    </>
  );
}

const categoryName = (series: GroupSeries, id: string) =>
  series.categories.find((category) => category.id === id)?.name ?? '';
