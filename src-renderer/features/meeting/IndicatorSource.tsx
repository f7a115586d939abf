import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelAnswer } from '../../api/useChannelAnswer';

/** Which indicator each decision and action came from (through its data item), asked once per list. */
export function useIndicatorSources(initiativeId: string, refreshKey: unknown) {
  const { value } = useChannelAnswer('dataItems.sources', { initiativeId }, refreshKey);
  return useMemo(
    () => ({
      decisions: new Map(value?.decisions.map((entry) => [entry.decisionId, entry.indicatorName]) ?? []),
      actions: new Map(value?.actions.map((entry) => [entry.actionId, entry.indicatorName]) ?? []),
    }),
    [value],
  );
}

/** "From indicator: …" beside a decision or action that came from a data item. */
export function FromIndicator({ name }: { name: string | undefined }) {
  const { t } = useTranslation();
  if (name === undefined) return null;
  return (
    <span className="data-item__chip">
      {t('dataItem.fromIndicator')} <bdi>{name}</bdi>
    </span>
  );
}
