import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its table alternative: the same figures as a table, one press away and announced
 * as such, for anyone who cannot read (or does not trust) a picture.
 */
export function ChartFrame({ title, chart, table }: { title: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const tableId = useId();
  return (
    <section className="measures__chart" aria-labelledby={titleId}>
      <div className="measures__chart-head">
        <h3 id={titleId}>{title}</h3>
        <button
          type="button"
          className="button button--ghost"
          aria-expanded={asTable}
          aria-controls={tableId}
          onClick={() => setAsTable((shown) => !shown)}
        >
          {asTable ? t('measures.charts.hideTable') : t('measures.charts.showTable')}
        </button>
      </div>
      {chart}
      <div id={tableId} hidden={!asTable}>
        {asTable ? table : null}
      </div>
    </section>
  );
}

/** Colours told apart with the common kinds of colour blindness (Okabe and Ito), darkened to read on white. */
export const lineColours = ['#0b6aa2', '#b84a00', '#00795a', '#a8467f', '#8a6200', '#3d7fa8', '#1f2328'];
