import { v7 as uuidv7 } from 'uuid';
import {
  IndicatorDraft,
  indicatorKinds,
  performanceQuestions,
  periodFits,
  polarities,
  reportingPeriods,
  type Indicator,
  type IndicatorPatch,
  type ReportingPeriod,
} from '../contract/measures';
import { AppError } from '../contract/result';
import type { Db } from './connection';
import type { DimensionRepository } from './measures-dimensions';
import { oneOf, text } from './rows';
import type { RowChange, WritePath } from './write-path';

interface IndicatorRow {
  id: string;
  name: string | null;
  definition: string | null;
  kind: string | null;
  question: string | null;
  unit: string | null;
  polarity: string | null;
  reporting_period: string | null;
  data_source: string | null;
  owner_ids: string | null;
  group_id: string | null;
  strategy: string | null;
  notes: string | null;
  dimension_ids: string | null;
  baseline_period: string | null;
  baseline_value: number | null;
  tombstone: number;
}

interface TargetRow {
  indicator_id: string;
  period: string;
  value: number | null;
}

/** One target per indicator and period: `${indicatorId}.${period}`, so two devices agree on it. */
export const targetId = (indicatorId: string, period: string) => `${indicatorId}.${period}`;

/** A JSON list of ids as stored; anything unreadable (a field not arrived yet) is an empty list. */
export function parseIds(value: string | null): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

const plainColumns = {
  name: 'name',
  definition: 'definition',
  kind: 'kind',
  question: 'question',
  unit: 'unit',
  polarity: 'polarity',
  reportingPeriod: 'reporting_period',
  dataSource: 'data_source',
  groupId: 'group_id',
  strategy: 'strategy',
  notes: 'notes',
} as const satisfies Partial<Record<keyof IndicatorPatch, string>>;

function indicatorValues(patch: IndicatorPatch): Record<string, string | number | null> {
  const values: Record<string, string | number | null> = {};
  for (const [key, column] of Object.entries(plainColumns) as [keyof typeof plainColumns, string][]) {
    const value = patch[key];
    if (value !== undefined) values[column] = value;
  }
  if (patch.ownerIds) values.owner_ids = JSON.stringify([...new Set(patch.ownerIds)]);
  if (patch.dimensionIds) values.dimension_ids = JSON.stringify([...new Set(patch.dimensionIds)]);
  if (patch.baseline !== undefined) {
    values.baseline_period = patch.baseline?.period ?? null;
    values.baseline_value = patch.baseline?.value ?? null;
  }
  // A population indicator answers none of the program questions.
  if (patch.kind === 'population') values.question = null;
  return values;
}

/** Indicators with their baseline and targets. */
export function createIndicatorRepository(db: Db, writePath: WritePath, dimensions: DimensionRepository) {
  const selectAll = db.prepare('SELECT * FROM indicators WHERE tombstone = 0 ORDER BY name COLLATE NOCASE, id');
  const selectOne = db.prepare('SELECT * FROM indicators WHERE id = ?');
  const targetsOf = db.prepare(
    'SELECT indicator_id, period, value FROM indicator_targets WHERE indicator_id = ? AND tombstone = 0 AND value IS NOT NULL ORDER BY period',
  );
  const allTargets = db.prepare(
    'SELECT indicator_id, period, value FROM indicator_targets WHERE tombstone = 0 AND value IS NOT NULL ORDER BY period',
  );
  const partnerAlive = db.prepare('SELECT 1 FROM partners WHERE id = ? AND tombstone = 0').pluck();
  const targetExists = db.prepare('SELECT 1 FROM indicator_targets WHERE id = ?').pluck();
  const groupAlive = db.prepare('SELECT 1 FROM groups WHERE id = ? AND tombstone = 0').pluck();
  const readingPeriods = db
    .prepare('SELECT DISTINCT period FROM readings WHERE indicator_id = ? AND tombstone = 0')
    .pluck();

  function toIndicator(row: IndicatorRow, targets: TargetRow[]): Indicator {
    const kind = oneOf(indicatorKinds, row.kind, 'population');
    const baselineValue = row.baseline_value;
    return {
      id: row.id,
      name: text(row.name),
      definition: text(row.definition),
      kind,
      question: kind === 'performance' && row.question ? oneOf(performanceQuestions, row.question, 'how_much') : null,
      unit: text(row.unit),
      polarity: oneOf(polarities, row.polarity, 'higher_is_better'),
      reportingPeriod: oneOf(reportingPeriods, row.reporting_period, 'year'),
      dataSource: text(row.data_source),
      ownerIds: parseIds(row.owner_ids).filter((id) => partnerAlive.get(id) === 1),
      groupId: row.group_id && groupAlive.get(row.group_id) === 1 ? row.group_id : null,
      strategy: text(row.strategy),
      notes: text(row.notes),
      dimensionIds: parseIds(row.dimension_ids).filter((id) => dimensions.isLive(id)),
      baseline:
        row.baseline_period && typeof baselineValue === 'number'
          ? { period: row.baseline_period, value: baselineValue }
          : null,
      targets: targets.map(({ period, value }) => ({ period, value: value ?? 0 })),
    };
  }

  function row(id: string): IndicatorRow {
    const found = selectOne.get(id) as IndicatorRow | undefined;
    if (!found || found.tombstone) throw new AppError('not_found', 'No indicator with that id in this initiative.');
    return found;
  }

  function get(id: string): Indicator {
    return toIndicator(row(id), targetsOf.all(id) as TargetRow[]);
  }

  function list(): Indicator[] {
    const targets = new Map<string, TargetRow[]>();
    for (const target of allTargets.all() as TargetRow[]) {
      const of = targets.get(target.indicator_id) ?? [];
      of.push(target);
      targets.set(target.indicator_id, of);
    }
    return (selectAll.all() as IndicatorRow[]).map((found) => toIndicator(found, targets.get(found.id) ?? []));
  }

  /** Owners, group and dimensions must be live rows of this initiative; periods spelled as the indicator counts. */
  function check(patch: IndicatorPatch, reportingPeriod: ReportingPeriod, id?: string): void {
    for (const ownerId of patch.ownerIds ?? [])
      if (partnerAlive.get(ownerId) !== 1) throw new AppError('not_found', 'An owner chosen is not a partner here.');
    if (patch.groupId && groupAlive.get(patch.groupId) !== 1)
      throw new AppError('not_found', 'The group chosen is not a group in this initiative.');
    for (const dimensionId of patch.dimensionIds ?? [])
      if (!dimensions.isLive(dimensionId))
        throw new AppError('not_found', 'A dimension chosen is not in this initiative.');
    if (patch.baseline && !periodFits(reportingPeriod, patch.baseline.period))
      throw new AppError(
        'invalid_input',
        `The baseline period ${patch.baseline.period} is not a ${reportingPeriod} period.`,
      );
    if (id && patch.reportingPeriod) {
      const current = get(id);
      const periods = [
        ...(patch.baseline === undefined && current.baseline ? [current.baseline.period] : []),
        ...current.targets.map((target) => target.period),
        ...(readingPeriods.all(id) as string[]),
      ];
      const misfit = periods.find((period) => !periodFits(reportingPeriod, period));
      if (misfit)
        throw new AppError(
          'invalid_input',
          `This indicator already has figures for ${misfit}; its reporting period cannot change to ${reportingPeriod}.`,
        );
    }
  }

  function create(draft: IndicatorDraft, id: string = uuidv7()): Indicator {
    const indicator = IndicatorDraft.parse(draft);
    check(indicator, indicator.reportingPeriod);
    writePath.write([{ table: 'indicators', row: id, values: { ...indicatorValues(indicator), tombstone: 0 } }]);
    return get(id);
  }

  function update(id: string, patch: IndicatorPatch): Indicator {
    const current = get(id);
    check(patch, patch.reportingPeriod ?? current.reportingPeriod, id);
    const values = indicatorValues(patch);
    if (Object.keys(values).length > 0) writePath.write([{ table: 'indicators', row: id, values }]);
    return get(id);
  }

  /** A null value removes the target for that period. */
  function setTarget(id: string, period: string, value: number | null): Indicator {
    const indicator = get(id);
    if (!periodFits(indicator.reportingPeriod, period))
      throw new AppError('invalid_input', `${period} is not a ${indicator.reportingPeriod} period.`);
    // Removing a target that was never set writes nothing (no keyless row for sync to carry).
    if (value === null && !targetExists.get(targetId(id, period))) return indicator;
    const values: RowChange['values'] =
      value === null ? { tombstone: 1 } : { indicator_id: id, period, value, tombstone: 0 };
    writePath.write([{ table: 'indicator_targets', row: targetId(id, period), values }]);
    return get(id);
  }

  function remove(id: string): void {
    get(id);
    writePath.write([{ table: 'indicators', row: id, values: { tombstone: 1 } }]);
  }

  function restore(id: string): Indicator {
    if (!selectOne.get(id)) throw new AppError('not_found', 'No indicator with that id in this initiative.');
    writePath.write([{ table: 'indicators', row: id, values: { tombstone: 0 } }]);
    return get(id);
  }

  return { list, get, create, update, setTarget, remove, restore };
}

export type IndicatorRepository = ReturnType<typeof createIndicatorRepository>;
