import { expect, test } from './fixtures';
import { api } from './pages/meeting-page';
import type { Page } from '@playwright/test';

const sections = ['Control+1', 'Control+2', 'Control+3', 'Control+4', 'Control+5', 'Control+6', 'Control+7', 'Control+8'];
/** A translation key shown as is, like `meeting.live.title`: namespace, dot, more name parts. */
const rawKey =
  /\b(app|nav|placeholder|status|firstStart|initiative|phases|partners|kinds|sectors|settings|languages|errors|stages|roles|groupKinds|relationshipKinds|groups|relationships|partnerTabs|backups|exchange|map|meeting|representation|voice|summary|lanHub|exportHub|members|measures|readiness|dataItem|direction|room|sync)\.[A-Za-z_]+(\.[A-Za-z_]+)*\b/;

/** Walks every section, screenshots it, and returns the screenshots with the nav's first item's centre. */
async function tour(page: Page, language: string) {
  const shots: Buffer[] = [];
  for (const [index, key] of sections.entries()) {
    await page.keyboard.press(key);
    await expect(page.getByRole('navigation').getByRole('button').nth(index)).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading').first()).toBeVisible();
    const text = await page.locator('body').innerText();
    expect(text.match(rawKey)?.[0] ?? null, `${language} ${key} shows a raw key`).toBeNull();
    shots.push(await page.screenshot({ fullPage: false }));
  }
  const box = await page.getByRole('navigation').getByRole('button').first().boundingBox();
  return { shots, firstNavX: (box?.x ?? 0) + (box?.width ?? 0) / 2 };
}

test('the app in Arabic is laid out right to left with no raw translation key, unlike English', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  const { id: initiativeId } = await api<{ id: string }>(page.request, host, 'initiatives.create', {
    name: 'Eastside',
  });
  await api(page.request, host, 'partners.create', {
    initiativeId,
    partner: { name: 'Eastside Library', sector: 'education' },
  });
  await api(page.request, host, 'sessions.create', {
    initiativeId,
    session: { kind: 'roundtable', title: 'November roundtable', startsAt: '2026-11-23T18:00' },
  });
  await page.goto(host.openUrl);
  await expect(page.locator('.topbar__initiative')).toHaveText('Eastside');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const english = await tour(page, 'en');

  await page.keyboard.press('Control+7');
  await page.getByLabel('Language of the app').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الإعدادات');
  const arabic = await tour(page, 'ar');

  const width = page.viewportSize()?.width ?? 1280;
  // Mirrored: the first section's button sits on the opposite side of the window.
  expect(english.firstNavX < width / 2).toBe(true);
  expect(arabic.firstNavX > width / 2).toBe(true);
  for (const [index, shot] of arabic.shots.entries()) {
    expect(shot.equals(english.shots[index]), `section ${index + 1} looks the same in both languages`).toBe(false);
    await testInfo.attach(`ar-section-${index + 1}.png`, { body: shot, contentType: 'image/png' });
    await testInfo.attach(`en-section-${index + 1}.png`, { body: english.shots[index], contentType: 'image/png' });
  }

  // Remembered after a reload, as English and Spanish are.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});
