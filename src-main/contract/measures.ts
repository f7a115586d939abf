import { z } from 'zod';
import { ExportFile, ImportRowError } from './exchange';
import { entityId, limits } from './models';

/**
 * Shared measurement: indicators, the dimensions and categories readings are split by, and the
 * readings themselves (indicator × period × category combination, and the total).
 */
export const indicatorKinds = ['population', 'performance'] as const;
/** The three questions of a program (performance) measure in Results-Based Accountability. */
export const performanceQuestions = ['how_much', 'how_well', 'better_off'] as const;
export const polarities = ['higher_is_better', 'lower_is_better'] as const;
export const reportingPeriods = ['month', 'quarter', 'school_year', 'year'] as const;
export type ReportingPeriod = (typeof reportingPeriods)[number];

/** The spelling of a period for each reporting period: 2026-03, 2026-Q1, 2025/26, 2026. */
const periodPatterns: Record<ReportingPeriod, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  school_year: /^\d{4}\/\d{2}$/,
  year: /^\d{4}$/,
};

/** Whether a period is spelled the way an indicator's reporting period expects. */
export function periodFits(reportingPeriod: ReportingPeriod, period: string): boolean {
  if (!periodPatterns[reportingPeriod].test(period)) return false;
  if (reportingPeriod !== 'school_year') return true;
  // A school year runs into the next calendar year: 2025/26, never 2025/27.
  const start = Number(period.slice(0, 4));
  return (start + 1) % 100 === Number(period.slice(5));
}

export const Period = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|\/\d{2})?$/, 'must be a period like 2026, 2026-Q1, 2026-03 or 2025/26');

const name = z.string().trim().min(1, 'must not be empty').max(limits.name);
const shortText = z.string().max(limits.shortText);
const longText = z.string().max(limits.longText);
/** A figure as people type it: finite, within what a spreadsheet shows without losing digits. */
export const maxMeasureValue = 1e12;
export const MeasureValue = z.number().finite().min(-maxMeasureValue).max(maxMeasureValue);
/** How many people a reading counts; small-group suppression depends on it. */
export const maxGroupCount = 1e9;
export const GroupCount = z.number().int().min(0).max(maxGroupCount);

export const Baseline = z.object({ period: Period, value: MeasureValue }).strict();
export type Baseline = z.infer<typeof Baseline>;
export const Target = z.object({ period: Period, value: MeasureValue }).strict();
export type Target = z.infer<typeof Target>;

export const Indicator = z.object({
  id: entityId,
  name: z.string(),
  definition: z.string(),
  kind: z.enum(indicatorKinds),
  /** Only for performance measures; null for population indicators. */
  question: z.enum(performanceQuestions).nullable(),
  unit: z.string(),
  polarity: z.enum(polarities),
  reportingPeriod: z.enum(reportingPeriods),
  dataSource: z.string(),
  ownerIds: z.array(entityId),
  groupId: entityId.nullable(),
  strategy: z.string(),
  notes: z.string(),
  /** The dimensions its readings are split by, in the order the grid shows them. */
  dimensionIds: z.array(entityId),
  baseline: Baseline.nullable(),
  targets: z.array(Target),
});
export type Indicator = z.infer<typeof Indicator>;

const indicatorFields = {
  name,
  definition: longText,
  kind: z.enum(indicatorKinds),
  question: z.enum(performanceQuestions).nullable(),
  unit: shortText,
  polarity: z.enum(polarities),
  reportingPeriod: z.enum(reportingPeriods),
  dataSource: shortText,
  ownerIds: z.array(entityId).max(50),
  groupId: entityId.nullable(),
  strategy: shortText,
  notes: longText,
  dimensionIds: z.array(entityId).max(10),
  baseline: Baseline.nullable(),
};

export const IndicatorDraft = z
  .object({
    ...indicatorFields,
    definition: indicatorFields.definition.default(''),
    kind: indicatorFields.kind.default('population'),
    question: indicatorFields.question.default(null),
    unit: shortText.default(''),
    polarity: indicatorFields.polarity.default('higher_is_better'),
    reportingPeriod: indicatorFields.reportingPeriod.default('year'),
    dataSource: shortText.default(''),
    ownerIds: indicatorFields.ownerIds.default([]),
    groupId: indicatorFields.groupId.default(null),
    strategy: shortText.default(''),
    notes: longText.default(''),
    dimensionIds: indicatorFields.dimensionIds.default([]),
    baseline: indicatorFields.baseline.default(null),
  })
  .strict();
export type IndicatorDraft = z.input<typeof IndicatorDraft>;

export const IndicatorPatch = z.object(indicatorFields).partial().strict();
export type IndicatorPatch = z.infer<typeof IndicatorPatch>;

export const Category = z.object({ id: entityId, name: z.string() });
export type Category = z.infer<typeof Category>;
export const Dimension = z.object({ id: entityId, name: z.string(), categories: z.array(Category) });
export type Dimension = z.infer<typeof Dimension>;

export const DimensionDraft = z
  .object({ name, categories: z.array(name).max(100).default([]) })
  .strict()
  .refine((draft) => new Set(draft.categories.map((c) => c.toLowerCase())).size === draft.categories.length, {
    message: 'each category name may appear once',
    path: ['categories'],
  });
export type DimensionDraft = z.input<typeof DimensionDraft>;

/** At most one category per dimension; the empty list is the total. */
export const maxCategoriesPerReading = 10;
export const CategoryIds = z.array(entityId).max(maxCategoriesPerReading);

export const Reading = z.object({
  indicatorId: entityId,
  period: z.string(),
  categoryIds: z.array(entityId),
  value: z.number(),
  /** null when nobody recorded how many people the figure counts. */
  count: z.number().int().nullable(),
});
export type Reading = z.infer<typeof Reading>;

/** One cell as entered: a null value clears the cell (it shows as missing again). */
export const ReadingEntry = z
  .object({
    period: Period,
    categoryIds: CategoryIds.default([]),
    value: MeasureValue.nullable(),
    count: GroupCount.nullable().default(null),
  })
  .strict();
export type ReadingEntry = z.input<typeof ReadingEntry>;
export const maxReadingsPerSave = 5000;

export const MeasureSettings = z.object({
  /** Readings counting fewer people than this are left out of anything shared with partners. */
  smallGroupThreshold: z.number().int().min(1).max(1000),
});
export type MeasureSettings = z.infer<typeof MeasureSettings>;
export const defaultSmallGroupThreshold = 10;

export const maxReadingsImportBytes = 32 * 1024 * 1024;
export const ReadingsImportRequest = z
  .object({
    initiativeId: entityId,
    fileName: z.string().max(260),
    contentBase64: z.string().max(Math.ceil((maxReadingsImportBytes * 4) / 3) + 4),
  })
  .strict();
export type ReadingsImportRequest = z.infer<typeof ReadingsImportRequest>;

export const ReadingsImportPreview = z.object({
  /** Readings the file holds (when it has no errors, exactly what the import would write). */
  readings: z.number().int(),
  indicators: z.array(z.string()),
  dimensions: z.array(z.string()),
  /** The first rows as they will be saved, for the preview table. */
  sample: z.array(
    z.object({
      line: z.number().int(),
      indicator: z.string(),
      period: z.string(),
      categories: z.array(z.string()),
      value: z.number(),
      count: z.number().int().nullable(),
    }),
  ),
  /** One per bad row; any error refuses the whole file. */
  errors: z.array(ImportRowError),
});
export type ReadingsImportPreview = z.infer<typeof ReadingsImportPreview>;

export const ReadingsExportFile = ExportFile.extend({
  /** How many readings were held back as small groups (0 for the backbone's own copy). */
  suppressed: z.number().int(),
  /** How many more were held back so that no small group can be worked out by subtraction. */
  alsoHidden: z.number().int(),
});

/** A scorecard row's trend: the way the figure moves, and whether that is good news given its polarity. */
export const trendDirections = ['up', 'down', 'flat'] as const;
export const trendReadings = ['better', 'worse', 'steady', 'too_few'] as const;
export const trackStatuses = ['on_track', 'off_track', 'no_target', 'no_data'] as const;
const PeriodValue = z.object({ period: z.string(), value: z.number() });

/** One indicator at a glance: its latest total against its target, its trend and its baseline. */
export const ScorecardRow = z.object({
  indicatorId: entityId,
  name: z.string(),
  unit: z.string(),
  polarity: z.enum(polarities),
  reportingPeriod: z.enum(reportingPeriods),
  /** The latest period with a total. */
  current: PeriodValue.extend({ count: z.number().int().nullable() }).nullable(),
  /** The target for the current period, or else the next one. */
  target: PeriodValue.nullable(),
  /** Over the last few periods with a total (at most three); `periods` names them, oldest first. */
  trend: z.object({
    direction: z.enum(trendDirections),
    reading: z.enum(trendReadings),
    periods: z.array(z.string()),
  }),
  baseline: PeriodValue.nullable(),
  changeSinceBaseline: z.number().nullable(),
  status: z.enum(trackStatuses),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

/** One period of the trend chart: the total (null when missing) and the target set for it. */
export const TrendPoint = z.object({
  period: z.string(),
  total: z.number().nullable(),
  count: z.number().int().nullable(),
  target: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** A category's reading in one period, with its distance behind the best-off category then. */
export const GroupReading = z.object({
  categoryId: entityId,
  value: z.number().nullable(),
  count: z.number().int().nullable(),
  /** n known and under the small-group threshold (shown here, held back from partners). */
  smallGroup: z.boolean(),
  /** How far behind the best-off category, never negative; 0 for the best-off itself. */
  gap: z.number().nullable(),
  bestOff: z.boolean(),
});
export type GroupReading = z.infer<typeof GroupReading>;

export const GroupSeries = z.object({
  dimensionId: entityId,
  name: z.string(),
  categories: z.array(Category),
  periods: z.array(z.object({ period: z.string(), readings: z.array(GroupReading) })),
});
export type GroupSeries = z.infer<typeof GroupSeries>;

export const IndicatorCharts = z.object({
  indicatorId: entityId,
  polarity: z.enum(polarities),
  unit: z.string(),
  baseline: Baseline.nullable(),
  smallGroupThreshold: z.number().int(),
  /** Every period with a total, a group reading, the baseline or a target, oldest first. */
  trend: z.array(TrendPoint),
  /** One per dimension the indicator is split by. */
  groups: z.array(GroupSeries),
});
export type IndicatorCharts = z.infer<typeof IndicatorCharts>;

const inInitiative = { initiativeId: entityId };
const initiativeOnly = z.object(inInitiative).strict();
const oneIndicator = z.object({ ...inInitiative, indicatorId: entityId }).strict();
const oneDimension = z.object({ ...inInitiative, dimensionId: entityId }).strict();
const oneCategory = z.object({ ...inInitiative, categoryId: entityId }).strict();

export const measuresChannels = {
  'measures.indicators.list': { input: initiativeOnly, output: z.array(Indicator) },
  'measures.indicators.create': {
    input: z.object({ ...inInitiative, indicator: IndicatorDraft }).strict(),
    output: Indicator,
    write: true,
  },
  'measures.indicators.update': {
    input: z.object({ ...inInitiative, indicatorId: entityId, patch: IndicatorPatch }).strict(),
    output: Indicator,
    write: true,
  },
  'measures.indicators.delete': { input: oneIndicator, output: z.object({ indicatorId: entityId }), write: true },
  'measures.indicators.restore': { input: oneIndicator, output: Indicator, write: true },
  /** A null value removes the target for that period. */
  'measures.indicators.setTarget': {
    input: z
      .object({ ...inInitiative, indicatorId: entityId, period: Period, value: MeasureValue.nullable() })
      .strict(),
    output: Indicator,
    write: true,
  },
  'measures.dimensions.list': { input: initiativeOnly, output: z.array(Dimension) },
  'measures.dimensions.create': {
    input: z.object({ ...inInitiative, dimension: DimensionDraft }).strict(),
    output: Dimension,
    write: true,
  },
  'measures.dimensions.rename': {
    input: z.object({ ...inInitiative, dimensionId: entityId, name }).strict(),
    output: Dimension,
    write: true,
  },
  'measures.dimensions.delete': { input: oneDimension, output: z.object({ dimensionId: entityId }), write: true },
  'measures.categories.add': {
    input: z.object({ ...inInitiative, dimensionId: entityId, name }).strict(),
    output: Dimension,
    write: true,
  },
  'measures.categories.rename': {
    input: z.object({ ...inInitiative, categoryId: entityId, name }).strict(),
    output: Dimension,
    write: true,
  },
  'measures.categories.delete': { input: oneCategory, output: Dimension, write: true },
  /** One indicator's readings, of one period when given. */
  'measures.readings.list': {
    input: z.object({ ...inInitiative, indicatorId: entityId, period: Period.optional() }).strict(),
    output: z.array(Reading),
  },
  /** Cells of one indicator: all saved, or none when one is wrong. */
  'measures.readings.save': {
    input: z
      .object({
        ...inInitiative,
        indicatorId: entityId,
        readings: z.array(ReadingEntry).min(1).max(maxReadingsPerSave),
      })
      .strict(),
    output: z.object({ saved: z.number().int(), cleared: z.number().int() }),
    write: true,
  },
  'measures.settings.get': { input: initiativeOnly, output: MeasureSettings },
  'measures.settings.update': {
    input: z.object({ ...inInitiative, ...MeasureSettings.shape }).strict(),
    output: MeasureSettings,
    write: true,
  },
  'measures.import.preview': {
    input: ReadingsImportRequest,
    output: ReadingsImportPreview,
    maxBytes: Math.ceil((maxReadingsImportBytes * 4) / 3) + 4096,
  },
  'measures.import.commit': {
    input: ReadingsImportRequest,
    output: z.object({ readings: z.number().int() }),
    write: true,
    maxBytes: Math.ceil((maxReadingsImportBytes * 4) / 3) + 4096,
  },
  /** For partners unless `shared` is false: small groups are held back, and the answer says how many. */
  'measures.export': {
    input: z
      .object({
        ...inInitiative,
        indicatorIds: z.array(entityId).min(1).max(500).optional(),
        shared: z.boolean().default(true),
      })
      .strict(),
    output: ReadingsExportFile,
  },
  /** One row per indicator: current total, target, trend, change since baseline, on track or not. */
  'measures.scorecard': { input: initiativeOnly, output: z.array(ScorecardRow) },
  /** One indicator's trend and group charts (small groups marked, not held back: this is the backbone's app). */
  'measures.charts': { input: oneIndicator, output: IndicatorCharts },
  /** How many readings a delete would hide: the category's, or with no category the dimension's. */
  'measures.dimensions.readingsAffected': {
    input: z.object({ ...inInitiative, dimensionId: entityId, categoryId: entityId.nullable().default(null) }).strict(),
    output: z.object({ readings: z.number().int() }),
  },
} as const;
