import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sharePercent } from './findings';

export interface ChartRow {
  key: string;
  label: string;
  seats: number;
  livedExperienceSeats: number;
}

// Drawn in viewBox units; the SVG scales to the card's width.
const width = 560;
const rowHeight = 30;
const labelWidth = 190;
const barX = labelWidth + 10;
const barWidth = 230;
const valueX = barX + barWidth + 10;
const longestLabel = 26;

function shorten(label: string): string {
  return label.length > longestLabel ? `${label.slice(0, longestLabel - 1)}…` : label;
}

/**
 * One horizontal bar per scope: the filled part is the share of seats held by people with lived
 * experience. Plain SVG, no chart library; the numbers are written beside each bar, so the chart
 * never depends on colour or on reading a length.
 */
export function LivedExperienceChart({ rows }: { rows: readonly ChartRow[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const height = rows.length * rowHeight;
  return (
    <figure className="representation-chart">
      <figcaption id={titleId}>{t('representation.chartTitle')}</figcaption>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {rows.map((row, index) => {
          const y = index * rowHeight;
          const share = row.seats === 0 ? 0 : row.livedExperienceSeats / row.seats;
          return (
            <g key={row.key}>
              <title>{row.label}</title>
              <text className="representation-chart__label" x={0} y={y + rowHeight / 2} dominantBaseline="middle">
                {shorten(row.label)}
              </text>
              <rect
                className="representation-chart__track"
                x={barX}
                y={y + 7}
                width={barWidth}
                height={rowHeight - 14}
                rx={3}
              />
              {share > 0 ? (
                <rect
                  className="representation-chart__fill"
                  x={barX}
                  y={y + 7}
                  width={Math.max(2, share * barWidth)}
                  height={rowHeight - 14}
                  rx={3}
                />
              ) : null}
              <text className="representation-chart__value" x={valueX} y={y + rowHeight / 2} dominantBaseline="middle">
                {row.seats === 0
                  ? t('representation.chartNoSeats')
                  : t('representation.chartSeats', {
                      percent: sharePercent(i18n.language, row.livedExperienceSeats, row.seats),
                      count: row.livedExperienceSeats,
                      seats: row.seats,
                    })}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
