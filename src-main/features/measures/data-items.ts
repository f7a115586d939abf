import type { DataItemView, IndicatorSnapshot, ReadingLine } from '../../contract/data-items';
import type { Reading } from '../../contract/measures';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';
import type { InitiativeStore } from '../../store/initiative-store';
import { suppressionReason } from './suppression';

/**
 * The indicator as the room reads it: the latest period's total and groups against baseline and
 * target. The room holds partners and residents, so a small group is held back here as it is in
 * anything shared with partners (and the table says so), rather than projected on a wall.
 */
export function indicatorSnapshot(store: InitiativeStore, indicatorId: string): IndicatorSnapshot {
  const { measures } = store;
  const indicator = measures.indicators.get(indicatorId);
  const threshold = measures.settings().smallGroupThreshold;
  const readings = measures.readings.list(indicatorId);
  const periods = [...new Set(readings.map((reading) => reading.period))].sort();
  const period = periods.at(-1) ?? null;
  const names = new Map<string, { name: string; order: number }>();
  for (const dimension of measures.dimensions.list()) {
    const order = indicator.dimensionIds.indexOf(dimension.id);
    for (const category of dimension.categories) names.set(category.id, { name: category.name, order });
  }
  const line = (reading: Reading): ReadingLine => {
    const heldBack = suppressionReason(reading, threshold) !== null;
    const label = [...reading.categoryIds]
      .sort((a, b) => (names.get(a)?.order ?? 0) - (names.get(b)?.order ?? 0))
      .map((id) => names.get(id)?.name ?? '')
      .join(' · ');
    return {
      categoryIds: reading.categoryIds,
      label,
      value: heldBack ? null : reading.value,
      count: reading.count,
      heldBack,
    };
  };
  const latest = readings.filter((reading) => reading.period === period).map(line);
  return {
    indicator,
    period,
    total: latest.find((reading) => reading.categoryIds.length === 0) ?? null,
    groups: latest
      .filter((reading) => reading.categoryIds.length > 0)
      .sort((a, b) => a.categoryIds.length - b.categoryIds.length || a.label.localeCompare(b.label)),
    target: indicator.targets.find((target) => target.period === period)?.value ?? null,
    periods,
    smallGroupThreshold: threshold,
  };
}

function dataItemView(store: InitiativeStore, itemId: string): DataItemView {
  const item = store.agenda.get(itemId);
  const indicatorId = store.dataItems.indicatorOf(itemId);
  if (!indicatorId)
    return { itemId, sessionId: item.sessionId, snapshot: null, factors: [], voice: [], hiddenVoice: 0 };
  return {
    itemId,
    sessionId: item.sessionId,
    snapshot: indicatorSnapshot(store, indicatorId),
    factors: store.dataItems.factorsOf(indicatorId, item.sessionId),
    ...store.dataItems.linksOf(indicatorId),
  };
}

/** Data items in meeting mode and the indicator's trail in Measures. */
export function dataItemHandlers({ library }: HandlerContext) {
  const open = (initiativeId: string) => library.open(initiativeId);
  return {
    'dataItems.view': ({ initiativeId, itemId }) => dataItemView(open(initiativeId), itemId),
    'dataItems.addFactor': ({ initiativeId, itemId, kind, text, id }) =>
      open(initiativeId).dataItems.addFactor(itemId, kind, text, id),
    'dataItems.updateFactor': ({ initiativeId, factorId, text }) =>
      open(initiativeId).dataItems.updateFactor(factorId, text),
    'dataItems.deleteFactor': ({ initiativeId, factorId }) => {
      open(initiativeId).dataItems.removeFactor(factorId);
      return { factorId };
    },
    'dataItems.shareableNotes': ({ initiativeId, query }) => open(initiativeId).dataItems.shareableNotes(query),
    'dataItems.linkVoice': ({ initiativeId, itemId, noteId, period }) =>
      open(initiativeId).dataItems.linkVoice(itemId, noteId, period),
    'dataItems.unlinkVoice': ({ initiativeId, linkId }) => {
      open(initiativeId).dataItems.unlinkVoice(linkId);
      return { linkId };
    },
    'dataItems.indicatorTrail': ({ initiativeId, indicatorId }) => open(initiativeId).dataItems.trail(indicatorId),
    'dataItems.sources': ({ initiativeId }) => open(initiativeId).dataItems.sources(),
    'dataItems.linkVoiceToIndicator': ({ initiativeId, indicatorId, noteId, period }) =>
      open(initiativeId).dataItems.linkVoiceToIndicator(indicatorId, noteId, period),
  } satisfies Partial<HandlerMap>;
}
