import { expect, test } from './fixtures';
import { MeasuresChartsPage } from './pages/measures-charts-page';
import { api } from './pages/meeting-page';

/**
 * The figures axis and the table beside it write numbers the same way in Arabic: both through the
 * app's language (Intl.NumberFormat('ar')), so a figure in the thousands is grouped in both. Read
 * back through the page's own Intl, so it holds whichever digits this browser gives Arabic.
 */
test('in Arabic the figures axis of a chart writes its numbers as the table beside it does', async ({ page, host }) => {
  const request = page.request;
  const { id: initiativeId } = await api<{ id: string }>(request, host, 'initiatives.create', { name: 'Eastside' });
  const { id: indicatorId } = await api<{ id: string }>(request, host, 'measures.indicators.create', {
    initiativeId,
    indicator: { name: 'قائمة انتظار الحضانة', baseline: { period: '2022', value: 1200 } },
  });
  await api(request, host, 'measures.readings.save', {
    initiativeId,
    indicatorId,
    readings: [
      { period: '2023', value: 1800 },
      { period: '2024', value: 2600 },
    ],
  });

  const charts = new MeasuresChartsPage(page);
  await charts.openInArabic(host.openUrl);
  await page
    .getByRole('region', { name: 'بطاقة الأداء' })
    .getByRole('button', { name: 'قائمة انتظار الحضانة' })
    .click();
  const title = 'قائمة انتظار الحضانة عبر الزمن';
  const trend = charts.chart(title);
  await expect(trend).toBeVisible();

  // Each tick of the figures axis, taken back to its number, is that number as Intl writes it in Arabic.
  const figureTicks = trend.locator('.recharts-yAxis-tick-labels text.recharts-cartesian-axis-tick-value');
  await expect(figureTicks.first()).toBeVisible();
  const ticks = await figureTicks.allTextContents();
  const asArabicWrites = await page.evaluate(
    (texts) =>
      texts.map((text) => {
        const digits = text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));
        return new Intl.NumberFormat('ar', { maximumFractionDigits: 2 }).format(Number(digits.replace(/\D/g, '')));
      }),
    ticks,
  );
  expect(ticks).toEqual(asArabicWrites);
  // At least one tick is in the thousands, so plain digits (no grouping) would not pass.
  const [grouped] = await page.evaluate(() => [new Intl.NumberFormat('ar').format(1000)]);
  expect(grouped).not.toBe('1000');
  expect(ticks.some((text) => text.replace(/[\u0660-\u0669\d]/g, '') !== '')).toBe(true);

  // And the table beside it: the same way.
  const frame = page.getByRole('region', { name: title, exact: true });
  await frame.getByRole('button', { name: 'اعرض كجدول' }).click();
  const table = frame.getByRole('table', { name: `${title}، كجدول` });
  const [figure2600] = await page.evaluate(() => [
    new Intl.NumberFormat('ar', { maximumFractionDigits: 2 }).format(2600),
  ]);
  await expect(charts.row(table, '2024').getByRole('cell').first()).toHaveText(figure2600);
});
