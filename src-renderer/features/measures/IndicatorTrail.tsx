import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelAnswer } from '../../api/useChannelAnswer';
import { formatLocalDateTime } from '../../i18n/format';
import { VoiceLinks } from '../meeting/VoiceLinks';
import { useMeasures } from './store';

/**
 * Where an indicator went: the sessions that read it together, what they said helps and holds it
 * back, the community voice linked to it (only what may be shown; a withdrawn voice is counted,
 * never quoted; cited and removed here too, the same links a data item makes), and the decisions
 * and actions that came from it.
 */
export function IndicatorTrail({ indicatorId }: { indicatorId: string }) {
  const { t } = useTranslation();
  const initiativeId = useMeasures((state) => state.initiativeId);
  const indicators = useMeasures((state) => state.indicators);
  const readings = useMeasures((state) => state.readings);
  const readingsOf = useMeasures((state) => state.readingsOf);
  const periods = useMemo(
    () => (readingsOf === indicatorId ? [...new Set(readings.map((reading) => reading.period))].sort() : []),
    [readings, readingsOf, indicatorId],
  );
  const { value: trail, refetch } = useChannelAnswer(
    'dataItems.indicatorTrail',
    initiativeId ? { initiativeId, indicatorId } : null,
    indicators,
  );
  if (!initiativeId || !trail || trail.indicatorId !== indicatorId) return null;
  const when = (startsAt: string) => (startsAt ? ` · ${formatLocalDateTime(startsAt)}` : '');
  return (
    <section className="card" aria-labelledby={`trail-${indicatorId}`}>
      <h2 id={`trail-${indicatorId}`}>{t('dataItem.trail.title')}</h2>
      <h3>{t('dataItem.trail.talkedAbout')}</h3>
      {trail.talkedAbout.length === 0 ? <p className="field__hint">{t('dataItem.trail.never')}</p> : null}
      <ul aria-label={t('dataItem.trail.talkedAbout')}>
        {trail.talkedAbout.map((entry) => (
          <li key={entry.itemId}>
            <bdi>{entry.sessionTitle}</bdi>
            {when(entry.startsAt)} — <bdi>{entry.itemTitle}</bdi>
          </li>
        ))}
      </ul>
      {trail.factors.length > 0 ? (
        <>
          <h3>{t('dataItem.story.title')}</h3>
          <ul aria-label={t('dataItem.story.title')}>
            {trail.factors.map((factor) => (
              <li key={factor.id}>
                {t(factor.kind === 'helps' ? 'dataItem.story.helps' : 'dataItem.story.holdsBack')}:{' '}
                <bdi>{factor.text}</bdi> <span className="field__hint">({factor.sessionTitle})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <VoiceLinks
        initiativeId={initiativeId}
        at={{ indicatorId }}
        voice={trail.voice}
        hiddenVoice={trail.hiddenVoice}
        periods={periods}
        onChange={() => void refetch()}
      />
      <h3>{t('dataItem.trail.decisions')}</h3>
      {trail.decisions.length === 0 ? <p className="field__hint">{t('dataItem.trail.noDecisions')}</p> : null}
      <ul aria-label={t('dataItem.trail.decisions')}>
        {trail.decisions.map((decision) => (
          <li key={decision.decisionId}>
            <bdi>{decision.text}</bdi> <span className="field__hint">({decision.sessionTitle})</span>
          </li>
        ))}
      </ul>
      <h3>{t('dataItem.trail.actions')}</h3>
      {trail.actions.length === 0 ? <p className="field__hint">{t('dataItem.trail.noActions')}</p> : null}
      <ul aria-label={t('dataItem.trail.actions')}>
        {trail.actions.map((action) => (
          <li key={action.actionId}>
            <bdi>{action.text}</bdi> <span className="field__hint">({action.sessionTitle})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
