import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { HostProcess } from '../host-process';
import { AppPage } from './app-page';
import { api } from './meeting-page';

/** Locators for the scorecard and an indicator's charts, in the words a facilitator sees. */
export class MeasuresChartsPage {
  readonly scorecard: Locator;

  constructor(readonly page: Page) {
    this.scorecard = page.getByRole('region', { name: 'Scorecard' }).getByRole('table');
  }

  scorecardRow(indicator: string): Locator {
    return this.scorecard.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: indicator }) });
  }

  /** The chart itself: an SVG image named for what it shows. */
  chart(name: string): Locator {
    return this.page.getByRole('img', { name, exact: true });
  }

  /** Opens a chart's table alternative and returns the table. */
  async tableOf(chartTitle: string, tableName: string): Promise<Locator> {
    const frame = this.page.getByRole('region', { name: chartTitle, exact: true });
    await frame.getByRole('button', { name: 'Show as table' }).click();
    const table = frame.getByRole('table', { name: tableName, exact: true });
    await expect(table).toBeVisible();
    return table;
  }

  /** Opens the initiative, switches the app to Arabic in Settings (right to left), then opens Measures. */
  async openInArabic(openUrl: string): Promise<void> {
    await new AppPage(this.page).openInitiative(openUrl);
    await this.page.keyboard.press('Control+7');
    await this.page.getByLabel('Language of the app').selectOption('ar');
    await expect(this.page.locator('html')).toHaveAttribute('dir', 'rtl');
    await this.page.keyboard.press('Control+5');
  }

  row(table: Locator, period: string): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: period }) });
  }
}

/**
 * Two indicators made through the API: readiness (higher is better, split by income, a small
 * low-income group in 2025) and chronic absence (lower is better), each with baseline and target.
 */
export async function seedScorecard(request: APIRequestContext, host: HostProcess, names = seedNames.en) {
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const income = await api<{ id: string; categories: { id: string }[] }>(request, host, 'measures.dimensions.create', {
    initiativeId,
    dimension: { name: names.income, categories: names.categories },
  });
  const [low, middle, high] = income.categories.map((category) => category.id);
  const readiness = await api<{ id: string }>(request, host, 'measures.indicators.create', {
    initiativeId,
    indicator: {
      name: names.readiness,
      unit: '%',
      dimensionIds: [income.id],
      baseline: { period: '2022', value: 50 },
    },
  });
  await api(request, host, 'measures.indicators.setTarget', {
    initiativeId,
    indicatorId: readiness.id,
    period: '2026',
    value: 70,
  });
  await api(request, host, 'measures.readings.save', {
    initiativeId,
    indicatorId: readiness.id,
    readings: [
      { period: '2023', value: 54, count: 8 },
      { period: '2024', value: 58, count: 850 },
      { period: '2025', value: 62.5, count: 900 },
      { period: '2025', categoryIds: [low], value: 41, count: 6 },
      { period: '2025', categoryIds: [middle], value: 57, count: 300 },
      { period: '2025', categoryIds: [high], value: 71, count: 400 },
      { period: '2024', categoryIds: [low], value: 38, count: 40 },
      { period: '2024', categoryIds: [high], value: 70, count: 380 },
    ],
  });
  const absence = await api<{ id: string }>(request, host, 'measures.indicators.create', {
    initiativeId,
    indicator: { name: names.absence, polarity: 'lower_is_better', baseline: { period: '2022', value: 30 } },
  });
  await api(request, host, 'measures.indicators.setTarget', {
    initiativeId,
    indicatorId: absence.id,
    period: '2026',
    value: 10,
  });
  await api(request, host, 'measures.readings.save', {
    initiativeId,
    indicatorId: absence.id,
    readings: [
      { period: '2023', value: 26 },
      { period: '2024', value: 22 },
      { period: '2025', value: 14 },
    ],
  });
  return { initiativeId };
}

export const seedNames = {
  en: {
    income: 'Income',
    categories: ['Low', 'Middle', 'High'],
    readiness: 'Kindergarten readiness',
    absence: 'Chronic absence',
  },
  ar: {
    income: 'الدخل',
    categories: ['منخفض', 'متوسط', 'مرتفع'],
    readiness: 'الجاهزية للمدرسة',
    absence: 'الغياب المزمن',
  },
};
