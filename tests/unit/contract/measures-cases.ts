import { randomUUID } from 'node:crypto';
import type { Channel } from '../../../src-main/contract/channels';
import { maxReadingsPerSave } from '../../../src-main/contract/measures';
import type { ContractFixture } from './contract-fixture';

/** The channels of shared measurement. */
export type MeasuresChannel = Extract<Channel, `measures.${string}`>;

export function isMeasuresChannel(channel: Channel): channel is MeasuresChannel {
  return channel.startsWith('measures.');
}

export interface MeasuresIds {
  initiativeId: string;
  partnerId: string;
  indicatorId: string;
  deletedIndicatorId: string;
  dimensionId: string;
  lowId: string;
  highId: string;
  deletedDimensionId: string;
  deletedCategoryId: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** An indicator split by income, with a few readings and a target, made through the channels. */
export function seedMeasures(fixture: ContractFixture, initiativeId: string, partnerId: string): MeasuresIds {
  const dimension = fixture.ok('measures.dimensions.create', {
    initiativeId,
    dimension: { name: 'Income', categories: ['Low', 'High'] },
  });
  const [lowId, highId] = dimension.categories.map((category) => category.id);
  const indicatorId = fixture.ok('measures.indicators.create', {
    initiativeId,
    indicator: {
      name: 'Kindergarten readiness',
      reportingPeriod: 'year',
      dimensionIds: [dimension.id],
      ownerIds: [partnerId],
    },
  }).id;
  fixture.ok('measures.readings.save', {
    initiativeId,
    indicatorId,
    readings: [
      { period: '2025', value: 58, count: 400 },
      { period: '2025', categoryIds: [lowId], value: 41, count: 6 },
    ],
  });
  const deletedIndicatorId = fixture.ok('measures.indicators.create', {
    initiativeId,
    indicator: { name: 'Retired measure' },
  }).id;
  fixture.ok('measures.indicators.delete', { initiativeId, indicatorId: deletedIndicatorId });
  // What the Undo channels bring back: a deleted dimension, and a deleted category of a live one.
  const deletedDimensionId = fixture.ok('measures.dimensions.create', {
    initiativeId,
    dimension: { name: 'Retired split', categories: ['One'] },
  }).id;
  fixture.ok('measures.dimensions.delete', { initiativeId, dimensionId: deletedDimensionId });
  const ages = fixture.ok('measures.dimensions.create', {
    initiativeId,
    dimension: { name: 'Age band', categories: ['Under 18', 'Adults'] },
  });
  const deletedCategoryId = ages.categories[0].id;
  fixture.ok('measures.categories.delete', { initiativeId, categoryId: deletedCategoryId });
  return {
    initiativeId,
    partnerId,
    indicatorId,
    deletedIndicatorId,
    dimensionId: dimension.id,
    lowId,
    highId,
    deletedDimensionId,
    deletedCategoryId,
  };
}

export function measuresValidInput(channel: MeasuresChannel, ids: MeasuresIds): Record<string, unknown> {
  const { initiativeId, indicatorId, dimensionId, lowId, highId, partnerId } = ids;
  const csv = base64('Indicator,Period,Income,Value,Count\nKindergarten readiness,2026,High,71,30\n');
  switch (channel) {
    case 'measures.indicators.list':
    case 'measures.dimensions.list':
    case 'measures.settings.get':
      return { initiativeId };
    case 'measures.indicators.create':
      return {
        initiativeId,
        indicator: {
          name: 'Families served',
          kind: 'performance',
          question: 'how_much',
          reportingPeriod: 'quarter',
          ownerIds: [partnerId],
          baseline: { period: '2025-Q1', value: 40 },
        },
      };
    case 'measures.indicators.update':
      return { initiativeId, indicatorId, patch: { unit: '%', polarity: 'higher_is_better' } };
    case 'measures.indicators.delete':
      return { initiativeId, indicatorId };
    case 'measures.indicators.restore':
      return { initiativeId, indicatorId: ids.deletedIndicatorId };
    case 'measures.indicators.setTarget':
      return { initiativeId, indicatorId, period: '2030', value: 75 };
    case 'measures.dimensions.create':
      return { initiativeId, dimension: { name: 'Neighbourhood', categories: ['Northside', 'Riverside'] } };
    case 'measures.dimensions.rename':
      return { initiativeId, dimensionId, name: 'Household income' };
    case 'measures.dimensions.delete':
      return { initiativeId, dimensionId };
    case 'measures.categories.add':
      return { initiativeId, dimensionId, name: 'Middle' };
    case 'measures.categories.rename':
      return { initiativeId, categoryId: lowId, name: 'Under 30k' };
    case 'measures.categories.delete':
      return { initiativeId, categoryId: highId };
    case 'measures.readings.list':
      return { initiativeId, indicatorId, period: '2025' };
    case 'measures.readings.save':
      return {
        initiativeId,
        indicatorId,
        readings: [{ period: '2026', categoryIds: [highId], value: 70.5, count: 31 }],
      };
    case 'measures.settings.update':
      return { initiativeId, smallGroupThreshold: 5 };
    case 'measures.import.preview':
    case 'measures.import.commit':
      return { initiativeId, fileName: 'readings.csv', contentBase64: csv };
    case 'measures.export':
      return { initiativeId, indicatorIds: [indicatorId] };
    case 'measures.scorecard':
      return { initiativeId };
    case 'measures.charts':
      return { initiativeId, indicatorId };
    case 'measures.dimensions.readingsAffected':
      return { initiativeId, dimensionId, categoryId: null };
    case 'measures.dimensions.restore':
      return { initiativeId, dimensionId: ids.deletedDimensionId };
    case 'measures.categories.restore':
      return { initiativeId, categoryId: ids.deletedCategoryId };
  }
}

export function measuresBadInputs(channel: MeasuresChannel, ids: MeasuresIds): [string, unknown][] {
  const valid = measuresValidInput(channel, ids);
  const common: [string, unknown][] = [
    ['an unknown extra field', { ...valid, unexpected: 1 }],
    ['initiativeId missing', { ...valid, initiativeId: undefined }],
    ['initiativeId not an id', { ...valid, initiativeId: '../../etc/passwd' }],
  ];
  const { initiativeId, indicatorId } = ids;
  switch (channel) {
    case 'measures.indicators.create':
      return [
        ...common,
        ['no name', { initiativeId, indicator: {} }],
        ['blank name', { initiativeId, indicator: { name: '  ' } }],
        ['unknown kind', { initiativeId, indicator: { name: 'x', kind: 'vanity' } }],
        ['unknown question', { initiativeId, indicator: { name: 'x', question: 'how_nice' } }],
        ['unknown polarity', { initiativeId, indicator: { name: 'x', polarity: 'up' } }],
        ['unknown reporting period', { initiativeId, indicator: { name: 'x', reportingPeriod: 'week' } }],
        ['owner not an id', { initiativeId, indicator: { name: 'x', ownerIds: ['Library'] } }],
        ['baseline without value', { initiativeId, indicator: { name: 'x', baseline: { period: '2025' } } }],
        [
          'baseline value infinite',
          { initiativeId, indicator: { name: 'x', baseline: { period: '2025', value: Infinity } } },
        ],
        [
          'baseline period misspelt',
          { initiativeId, indicator: { name: 'x', baseline: { period: 'last year', value: 1 } } },
        ],
        ['caller-chosen id', { initiativeId, indicator: { name: 'x', id: randomUUID() } }],
      ];
    case 'measures.indicators.update':
      return [
        ...common,
        ['no patch', { initiativeId, indicatorId }],
        ['patch with unknown field', { initiativeId, indicatorId, patch: { tombstone: 1 } }],
        ['targets are not patched here', { initiativeId, indicatorId, patch: { targets: [] } }],
        ['empty name', { initiativeId, indicatorId, patch: { name: '' } }],
      ];
    case 'measures.indicators.setTarget':
      return [
        ...common,
        ['period a month number', { ...valid, period: '2030-13' }],
        ['value a string', { ...valid, value: '75' }],
        ['value missing', { ...valid, value: undefined }],
      ];
    case 'measures.dimensions.create':
      return [
        ...common,
        ['no name', { initiativeId, dimension: { categories: ['a'] } }],
        ['a category twice', { initiativeId, dimension: { name: 'Age', categories: ['Under 5', 'under 5'] } }],
        ['an empty category', { initiativeId, dimension: { name: 'Age', categories: [' '] } }],
      ];
    case 'measures.readings.save':
      return [
        ...common,
        ['no readings', { initiativeId, indicatorId, readings: [] }],
        ['value a string', { initiativeId, indicatorId, readings: [{ period: '2026', value: '12' }] }],
        ['value NaN', { initiativeId, indicatorId, readings: [{ period: '2026', value: Number.NaN }] }],
        ['count negative', { initiativeId, indicatorId, readings: [{ period: '2026', value: 1, count: -1 }] }],
        ['count not whole', { initiativeId, indicatorId, readings: [{ period: '2026', value: 1, count: 2.5 }] }],
        [
          'category not an id',
          { initiativeId, indicatorId, readings: [{ period: '2026', categoryIds: ['Low'], value: 1 }] },
        ],
        [
          'too many readings',
          {
            initiativeId,
            indicatorId,
            readings: Array.from({ length: maxReadingsPerSave + 1 }, () => ({ period: '2026', value: 1 })),
          },
        ],
      ];
    case 'measures.settings.update':
      return [
        ...common,
        ['threshold zero', { initiativeId, smallGroupThreshold: 0 }],
        ['threshold not whole', { initiativeId, smallGroupThreshold: 9.5 }],
        ['threshold missing', { initiativeId }],
      ];
    case 'measures.import.preview':
    case 'measures.import.commit':
      return [
        ...common,
        ['content not a string', { ...valid, contentBase64: 5 }],
        ['file name over the limit', { ...valid, fileName: 'f'.repeat(261) }],
      ];
    case 'measures.export':
      return [
        ...common,
        ['shared a string', { ...valid, shared: 'no' }],
        ['no indicators listed', { ...valid, indicatorIds: [] }],
      ];
    case 'measures.readings.list':
      return [...common, ['period misspelt', { ...valid, period: 'this year' }]];
    default:
      return [
        ...common,
        ...Object.keys(valid)
          .filter((key) => key.endsWith('Id') && key !== 'initiativeId')
          .map((key): [string, unknown] => [`${key} not an id`, { ...valid, [key]: 'x1' }]),
      ];
  }
}
