import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../src-main/contract/index';
import { GroupChart } from './GroupChart';
import { useMeasures } from './store';
import { TrendChart } from './TrendChart';

/** The open indicator's pictures: its trend against baseline and targets, and its groups side by side. */
export function IndicatorCharts({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const charts = useMeasures((state) => (state.charts?.indicatorId === indicator.id ? state.charts : null));
  return (
    <section className="card measures__charts" aria-label={t('measures.charts.title', { name: indicator.name })}>
      {charts ? (
        <>
          <TrendChart name={indicator.name} charts={charts} />
          <GroupChart name={indicator.name} charts={charts} />
        </>
      ) : (
        <p className="field__hint">{t('measures.charts.loading')}</p>
      )}
    </section>
  );
}
