import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';
import { chartsOf, scorecardOf } from './charts';
import { commitReadingsImport, exportReadings, previewReadingsImport } from './exchange';

/** Shared measurement: each handler opens the initiative and calls its measures store. */
export function measuresHandlers({ library }: HandlerContext) {
  const measures = (initiativeId: string) => library.open(initiativeId).measures;
  return {
    'measures.indicators.list': ({ initiativeId }) => measures(initiativeId).indicators.list(),
    'measures.indicators.create': ({ initiativeId, indicator }) => measures(initiativeId).indicators.create(indicator),
    'measures.indicators.update': ({ initiativeId, indicatorId, patch }) =>
      measures(initiativeId).indicators.update(indicatorId, patch),
    'measures.indicators.delete': ({ initiativeId, indicatorId }) => {
      measures(initiativeId).indicators.remove(indicatorId);
      return { indicatorId };
    },
    'measures.indicators.restore': ({ initiativeId, indicatorId }) =>
      measures(initiativeId).indicators.restore(indicatorId),
    'measures.indicators.setTarget': ({ initiativeId, indicatorId, period, value }) =>
      measures(initiativeId).indicators.setTarget(indicatorId, period, value),
    'measures.dimensions.list': ({ initiativeId }) => measures(initiativeId).dimensions.list(),
    'measures.dimensions.create': ({ initiativeId, dimension }) => measures(initiativeId).dimensions.create(dimension),
    'measures.dimensions.rename': ({ initiativeId, dimensionId, name }) =>
      measures(initiativeId).dimensions.rename(dimensionId, name),
    'measures.dimensions.delete': ({ initiativeId, dimensionId }) => {
      measures(initiativeId).dimensions.remove(dimensionId);
      return { dimensionId };
    },
    'measures.categories.add': ({ initiativeId, dimensionId, name }) =>
      measures(initiativeId).dimensions.addCategory(dimensionId, name),
    'measures.categories.rename': ({ initiativeId, categoryId, name }) =>
      measures(initiativeId).dimensions.renameCategory(categoryId, name),
    'measures.categories.delete': ({ initiativeId, categoryId }) =>
      measures(initiativeId).dimensions.removeCategory(categoryId),
    'measures.readings.list': ({ initiativeId, indicatorId, period }) =>
      measures(initiativeId).readings.list(indicatorId, period),
    'measures.readings.save': ({ initiativeId, indicatorId, readings }) =>
      measures(initiativeId).readings.save(indicatorId, readings),
    'measures.settings.get': ({ initiativeId }) => measures(initiativeId).settings(),
    'measures.settings.update': ({ initiativeId, smallGroupThreshold }) =>
      measures(initiativeId).updateSettings({ smallGroupThreshold }),
    'measures.import.preview': (request) => previewReadingsImport(library.open(request.initiativeId), request),
    'measures.import.commit': (request) => commitReadingsImport(library.open(request.initiativeId), request),
    'measures.export': ({ initiativeId, indicatorIds, shared }) =>
      exportReadings(library.open(initiativeId), { indicatorIds, shared }),
    'measures.scorecard': ({ initiativeId }) => scorecardOf(library.open(initiativeId)),
    'measures.charts': ({ initiativeId, indicatorId }) => chartsOf(library.open(initiativeId), indicatorId),
    'measures.dimensions.readingsAffected': ({ initiativeId, dimensionId, categoryId }) => ({
      readings: measures(initiativeId).dimensions.readingsAffected(dimensionId, categoryId),
    }),
  } satisfies Partial<HandlerMap>;
}
