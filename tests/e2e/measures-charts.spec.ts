import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { MeasuresChartsPage, seedNames, seedScorecard } from './pages/measures-charts-page';

test('the scorecard reads each indicator at a glance, and an indicator shows its trend and its groups as charts and tables', async ({
  page,
  host,
}) => {
  await seedScorecard(page.request, host);
  const charts = new MeasuresChartsPage(page);
  await new AppPage(page).openInitiative(host.openUrl);
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Measures' })).toBeVisible();

  // Higher is better: climbing, but behind the straight line from the baseline to the target.
  const readiness = charts.scorecardRow('Kindergarten readiness');
  await expect(readiness.getByRole('cell')).toHaveText([
    '62.5 % 2025',
    '70 % 2026',
    '↑ Getting better',
    '+12.5 since 2022',
    'Off track',
  ]);
  // Lower is better: a falling figure is good news, and ahead of the line.
  await expect(charts.scorecardRow('Chronic absence').getByRole('cell')).toHaveText([
    '14 2025',
    '10 2026',
    '↓ Getting better',
    '-16 since 2022',
    'On track',
  ]);

  await readiness.getByRole('button', { name: 'Kindergarten readiness' }).click();
  await expect(page.getByRole('heading', { name: 'About Kindergarten readiness' })).toBeVisible();
  const trend = charts.chart('Kindergarten readiness over time');
  await expect(trend).toBeVisible();
  expect(await trend.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');
  // The dashed target line and the baseline's reference line are drawn.
  await expect(trend.locator('.recharts-reference-line')).toHaveCount(1);
  await expect(trend.locator('.recharts-line')).toHaveCount(2);

  const trendTable = await charts.tableOf(
    'Kindergarten readiness over time',
    'Kindergarten readiness over time, as a table',
  );
  await expect(charts.row(trendTable, '2022 (baseline 50)').getByRole('cell')).toHaveText(['missing', '', '']);
  await expect(charts.row(trendTable, '2025').getByRole('cell')).toHaveText(['62.5', '900', '']);
  // A total that counts few people is marked too; it is shown here, not held back.
  await expect(charts.row(trendTable, '2023').getByRole('cell')).toHaveText(['54', '8 (small group)', '']);
  await expect(charts.row(trendTable, '2026').getByRole('cell')).toHaveText(['missing', '', '70']);

  const groups = charts.chart('Kindergarten readiness by Income');
  await expect(groups).toBeVisible();
  await expect(groups.locator('.recharts-line')).toHaveCount(3);
  const groupTable = await charts.tableOf('Kindergarten readiness by Income', 'By Income, as a table');
  await expect(charts.row(groupTable, '2025').getByRole('cell')).toHaveText([
    '41, 30 behind the best off, small group',
    '57, 14 behind the best off',
    '71, best off',
  ]);
  await expect(charts.row(groupTable, '2024').getByRole('cell')).toHaveText([
    '38, 32 behind the best off',
    'missing',
    '70, best off',
  ]);

  // The tooltip says the same gaps when the pointer rests on a period.
  const box = await groups.boundingBox();
  if (!box) throw new Error('the group chart has no box');
  await groups.hover({ position: { x: box.width - 40, y: box.height / 3 } });
  await expect(page.locator('.measures__tooltip')).toContainText('Low: 41, 30 behind the best off, small group');

  const { violations } = await new AxeBuilder({ page }).include('.measures').analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('in Arabic the charts run right to left: the first period sits right of the last, figures in Arabic', async ({
  page,
  host,
}) => {
  const names = seedNames.ar;
  await seedScorecard(page.request, host, names);
  const charts = new MeasuresChartsPage(page);
  await charts.openInArabic(host.openUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'المؤشرات' })).toBeVisible();
  // Figures as this browser writes Arabic numbers, the way the rest of the section shows them.
  const [figure625, figure70] = await page.evaluate(() =>
    [62.5, 70].map((value) => new Intl.NumberFormat('ar', { maximumFractionDigits: 2 }).format(value)),
  );

  const scorecard = page.getByRole('region', { name: 'بطاقة الأداء' }).getByRole('table');
  const row = scorecard.getByRole('row').filter({ has: page.getByRole('rowheader', { name: names.readiness }) });
  await expect(row.getByRole('cell').first()).toHaveText(`${figure625} % 2025`);
  await expect(row.getByRole('cell').nth(2)).toHaveText('↑ يتحسن');
  await row.getByRole('button', { name: names.readiness }).click();

  const trend = charts.chart(`${names.readiness} عبر الزمن`);
  await expect(trend).toBeVisible();
  const tick = (period: string) =>
    // Periods are only on the time axis: the figures axis counts from 0 to 80.
    trend.locator('text.recharts-cartesian-axis-tick-value', { hasText: new RegExp(`^${period}$`) });
  const first = await tick('2022').boundingBox();
  const last = await tick('2026').boundingBox();
  expect(first && last && first.x > last.x).toBe(true);
  await expect(charts.chart(`${names.readiness} حسب ${names.income}`)).toBeVisible();

  const frame = page.getByRole('region', { name: `${names.readiness} عبر الزمن`, exact: true });
  await frame.getByRole('button', { name: 'اعرض كجدول' }).click();
  const table = frame.getByRole('table', { name: `${names.readiness} عبر الزمن، كجدول` });
  await expect(
    table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '2026' }) })
      .getByRole('cell')
      .last(),
  ).toHaveText(figure70);
});
