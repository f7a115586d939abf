import type { ExportFile } from '../../contract/exchange';
import { createHash } from 'node:crypto';
import type { Dimension, Indicator, ReadingsImportPreview, ReadingsImportRequest } from '../../contract/measures';
import { AppError } from '../../contract/result';
import type { InitiativeStore } from '../../store/initiative-store';
import type { RowChange } from '../../store/write-path';
import { decodeText } from '../exchange/decode';
import { safeFileName } from '../exchange/export';
import { planReadingsImport, previewOf, readingsCsv, type PlannedReading, type ReadingsPlan } from './readings-csv';
import { suppressForPartners } from './complementary-suppression';

interface CheckedFile {
  key: string;
  plan: ReadingsPlan;
}

/**
 * The last file each initiative previewed without a problem, so the commit that follows does not
 * read and check 100,000 rows a second time (about a third of an import's time). Kept by the store
 * object, so a closed initiative lets it go, and used once.
 */
const lastChecked = new WeakMap<InitiativeStore, CheckedFile>();

/**
 * What a plan depends on: the file's bytes and the indicators and dimensions it was checked
 * against. A rename, a new category or a deleted indicator between preview and commit changes the
 * key, and the commit checks the file again rather than trust a plan made for another state.
 */
function checkedFileKey(content: Buffer, indicators: readonly Indicator[], dimensions: readonly Dimension[]): string {
  return createHash('sha256')
    .update(content)
    .update('\u0000')
    .update(JSON.stringify([indicators, dimensions]))
    .digest('hex');
}

function plan(store: InitiativeStore, request: ReadingsImportRequest, reuse: 'keep' | 'take'): ReadingsPlan {
  const content = Buffer.from(request.contentBase64, 'base64');
  const indicators = store.measures.indicators.list();
  const dimensions = store.measures.dimensions.list();
  const key = checkedFileKey(content, indicators, dimensions);
  const kept = lastChecked.get(store);
  lastChecked.delete(store);
  if (reuse === 'take' && kept?.key === key) return kept.plan;
  const decoded = decodeText(content);
  if (decoded.errors.length > 0) return { readings: [], errors: decoded.errors, dimensionNames: [] };
  const checked = planReadingsImport(decoded.text, indicators, dimensions);
  if (reuse === 'keep' && checked.errors.length === 0) lastChecked.set(store, { key, plan: checked });
  return checked;
}

export function previewReadingsImport(store: InitiativeStore, request: ReadingsImportRequest): ReadingsImportPreview {
  return previewOf(plan(store, request, 'keep'), store.measures.indicators.list(), store.measures.dimensions.list());
}

/**
 * All the file's readings in one transaction, or, when any row is wrong, nothing at all. A file
 * just previewed against the same indicators and dimensions is not checked twice; the store still
 * checks every reading against the indicator as it writes.
 */
export function commitReadingsImport(store: InitiativeStore, request: ReadingsImportRequest): { readings: number } {
  const checked = plan(store, request, 'take');
  if (checked.errors.length > 0) {
    const first = checked.errors[0];
    throw new AppError(
      'invalid_input',
      `The file has ${checked.errors.length} problem(s), so nothing was imported. First: ${first.where}: ${first.message}`,
    );
  }
  writeReadings(store, checked.readings);
  return { readings: checked.readings.length };
}

/** Large enough that a write's fixed cost (clock, trie, savepoint) is nothing beside its rows. */
export const readingsPerWrite = 5000;

/**
 * Planned readings through the store, all of them or none, in one transaction written a few
 * thousand readings at a time: each part's changes are garbage once written, where 100,000 of
 * them held to the end kept the garbage collector busy for about a third of the commit. Listeners
 * hear of it once, after the whole file.
 */
export function writeReadings(store: InitiativeStore, readings: readonly PlannedReading[]): void {
  const byIndicator = new Map<string, PlannedReading[]>();
  for (const reading of readings) {
    const list = byIndicator.get(reading.indicatorId);
    if (list) list.push(reading);
    else byIndicator.set(reading.indicatorId, [reading]);
  }
  store.writePath.batch(() => {
    let changes: RowChange[] = [];
    for (const [indicatorId, planned] of byIndicator) {
      const entries = planned.map(({ period, categoryIds, value, count }) => ({ period, categoryIds, value, count }));
      for (const change of store.measures.readings.changesFor(indicatorId, entries)) changes.push(change);
      if (changes.length >= readingsPerWrite) {
        store.writePath.writeMany(changes);
        changes = [];
      }
    }
    if (changes.length > 0) store.writePath.writeMany(changes);
  });
}

export interface ReadingsExport extends ExportFile {
  /** Readings held back because they count too few people (or an unknown number of them). */
  suppressed: number;
  /** Readings big enough to share but held back so a small group cannot be worked out from the rest. */
  alsoHidden: number;
}

/**
 * Readings as CSV. A file for partners (the default) goes through small-group suppression; the
 * backbone's own working copy (`shared: false`) keeps every figure, for a round trip through a
 * spreadsheet.
 */
export function exportReadings(
  store: InitiativeStore,
  options: { indicatorIds?: string[]; shared: boolean },
): ReadingsExport {
  const indicators = store.measures.indicators
    .list()
    .filter((indicator) => !options.indicatorIds || options.indicatorIds.includes(indicator.id));
  if (options.indicatorIds && indicators.length !== new Set(options.indicatorIds).size)
    throw new AppError('not_found', 'An indicator asked for is not in this initiative.');
  const dimensions = store.measures.dimensions.list();
  const all = indicators.flatMap((indicator) => store.measures.readings.list(indicator.id));
  const { shown, suppressed } = options.shared
    ? suppressForPartners(all, indicators, dimensions, store.measures.settings().smallGroupThreshold)
    : { shown: all, suppressed: [] };
  const date = new Date().toISOString().slice(0, 10);
  // The BOM makes Excel read accents as UTF-8.
  const content = '\ufeff' + readingsCsv(shown, indicators, dimensions);
  const scope = options.shared ? 'readings' : 'readings (all, not for sharing)';
  return {
    fileName: `${safeFileName(`${date} ${store.initiative.get().name} - ${scope}`)}.csv`,
    mimeType: 'text/csv',
    contentBase64: Buffer.from(content, 'utf8').toString('base64'),
    suppressed: suppressed.filter((reading) => reading.reason !== 'complementary').length,
    alsoHidden: suppressed.filter((reading) => reading.reason === 'complementary').length,
  };
}
