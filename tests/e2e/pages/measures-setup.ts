import type { APIRequestContext } from '@playwright/test';
import type { HostProcess } from '../host-process';
import { api } from './meeting-page';

export interface MadeDimension {
  id: string;
  categories: { id: string }[];
}

export interface Reading {
  period: string;
  categoryIds?: string[];
  value: number;
  count?: number;
}

/**
 * An initiative made through the host, with the measures channels bound to it: the data a
 * measures test needs is there before the facilitator opens the app, as if typed in earlier.
 */
export interface MeasuresSetup {
  initiativeId: string;
  call<T>(channel: string, data: Record<string, unknown>): Promise<T>;
  dimension(name: string, categories: string[]): Promise<MadeDimension>;
  indicator(indicator: Record<string, unknown>): Promise<{ id: string }>;
  readings(indicatorId: string, readings: Reading[]): Promise<void>;
}

export async function measuresInitiative(
  request: APIRequestContext,
  host: HostProcess,
  name = 'Eastside',
): Promise<MeasuresSetup> {
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name });
  const call = <T>(channel: string, data: Record<string, unknown>) =>
    api<T>(request, host, channel, { initiativeId, ...data });
  return {
    initiativeId,
    call,
    dimension: (dimensionName, categories) =>
      call<MadeDimension>('measures.dimensions.create', { dimension: { name: dimensionName, categories } }),
    indicator: (indicator) => call<{ id: string }>('measures.indicators.create', { indicator }),
    readings: async (indicatorId, readings) => {
      await call('measures.readings.save', { indicatorId, readings });
    },
  };
}

/**
 * Kindergarten readiness split by Income (Low, High), with a 2024 total and two low-income
 * readings (2024, 2025): what the tests that rename, delete and restore categories work on.
 */
export async function incomeReadings(request: APIRequestContext, host: HostProcess) {
  const setup = await measuresInitiative(request, host);
  const income = await setup.dimension('Income', ['Low', 'High']);
  const [low] = income.categories.map((category) => category.id);
  const indicator = await setup.indicator({
    name: 'Kindergarten readiness',
    reportingPeriod: 'year',
    dimensionIds: [income.id],
  });
  await setup.readings(indicator.id, [
    { period: '2024', value: 55, count: 300 },
    { period: '2024', categoryIds: [low], value: 41, count: 120 },
    { period: '2025', categoryIds: [low], value: 44, count: 130 },
  ]);
  return { ...setup, income, indicatorId: indicator.id };
}
