import { useTranslation } from 'react-i18next';
import { useChannelAnswer } from '../../api/useChannelAnswer';
import { CurveStory } from './CurveStory';
import { IndicatorReadings } from './IndicatorReadings';
import { useMeeting } from './store';
import { VoiceLinks } from './VoiceLinks';
import './data-item.css';

/**
 * What a data item shows in meeting mode: the indicator's figures, what the room says helps and
 * holds it back, and the community voice linked to it. It asks again whenever the meeting's view
 * is refetched (a change notice, another device's edit), and after its own writes.
 */
export function DataItemPanel({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const initiativeId = useMeeting((state) => state.initiativeId);
  const view = useMeeting((state) => state.view);
  const { value, refetch } = useChannelAnswer('dataItems.view', initiativeId ? { initiativeId, itemId } : null, view);
  if (!initiativeId || !value || value.itemId !== itemId) return null;
  if (!value.snapshot) return <p className="field__hint">{t('dataItem.gone')}</p>;
  const changed = () => void refetch();
  return (
    <section className="data-item" aria-label={t('dataItem.label')}>
      <IndicatorReadings snapshot={value.snapshot} />
      <h3>{t('dataItem.story.title')}</h3>
      <CurveStory initiativeId={initiativeId} itemId={itemId} factors={value.factors} onChange={changed} />
      <VoiceLinks
        initiativeId={initiativeId}
        at={{ itemId }}
        voice={value.voice}
        hiddenVoice={value.hiddenVoice}
        periods={value.snapshot.periods}
        onChange={changed}
      />
    </section>
  );
}
