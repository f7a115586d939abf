import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorCharts } from '../../../src-main/contract/index';
import { ChartFrame, lineColours } from './ChartFrame';
import { figureFormat } from './figures';

/**
 * The total over the periods, the baseline as a horizontal reference line and the targets as a
 * dashed line of points. In a right-to-left language time runs from right to left, as the text does.
 */
export function TrendChart({ name, charts }: { name: string; charts: IndicatorCharts }) {
  const { t, i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const figure = figureFormat(i18n.language);
  const title = t('measures.charts.trendTitle', { name });
  const baseline = charts.baseline;

  const chart =
    charts.trend.length === 0 ? (
      <p className="field__hint">{t('measures.charts.nothingYet')}</p>
    ) : (
      <LineChart
        responsive
        className="measures__plot"
        style={{ width: '100%', height: 260 }}
        data={charts.trend}
        margin={{ top: 16, right: 24, bottom: 8, left: 24 }}
        role="img"
        aria-label={title}
      >
        <CartesianGrid stroke="var(--line)" vertical={false} />
        <XAxis dataKey="period" reversed={rtl} />
        <YAxis orientation={rtl ? 'right' : 'left'} tickFormatter={figure} width="auto" />
        <Tooltip formatter={(value) => (typeof value === 'number' ? figure(value) : String(value))} />
        {baseline ? (
          <ReferenceLine
            y={baseline.value}
            stroke="var(--ink-soft)"
            strokeDasharray="2 4"
            label={{ value: t('measures.charts.baselineMark', { period: baseline.period }), position: 'insideTop' }}
          />
        ) : null}
        <Line
          type="linear"
          dataKey="total"
          name={t('measures.charts.total')}
          stroke={lineColours[0]}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="target"
          name={t('measures.charts.target')}
          stroke={lineColours[1]}
          strokeDasharray="6 4"
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    );

  const table = (
    <table className="measures__table" aria-label={t('measures.charts.trendTable', { name })}>
      <thead>
        <tr>
          <th scope="col">{t('measures.charts.period')}</th>
          <th scope="col">{t('measures.charts.total')}</th>
          <th scope="col">{t('measures.charts.counted')}</th>
          <th scope="col">{t('measures.charts.target')}</th>
        </tr>
      </thead>
      <tbody>
        {charts.trend.map((point) => (
          <tr key={point.period}>
            <th scope="row">
              {point.period}
              {baseline?.period === point.period ? (
                <span className="measures__note">
                  {' '}
                  {t('measures.charts.baselineNote', { value: figure(baseline.value) })}
                </span>
              ) : null}
            </th>
            <td>{point.total === null ? t('measures.charts.missing') : figure(point.total)}</td>
            <td>
              {point.count === null ? '' : figure(point.count)}
              {point.count !== null && point.count < charts.smallGroupThreshold
                ? ` (${t('measures.charts.smallGroup')})`
                : ''}
            </td>
            <td>{point.target === null ? '' : figure(point.target)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return <ChartFrame title={title} chart={chart} table={table} />;
}
