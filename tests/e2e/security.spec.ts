import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

test('the host refuses a request without its token or from another site', async ({ page, host }) => {
  const withoutToken = await page.request.post(`${host.url}/api/initiatives.list`, { data: {} });
  expect(withoutToken.status()).toBe(401);
  expect(await withoutToken.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

  const wrongToken = await page.request.post(`${host.url}/api/initiatives.list`, {
    data: {},
    headers: { Authorization: 'Bearer not-the-right-token-at-all' },
  });
  expect(wrongToken.status()).toBe(401);

  const otherSite = await page.request.post(`${host.url}/api/initiatives.list`, {
    data: {},
    headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' },
  });
  expect(otherSite.status()).toBe(403);

  const ok = await page.request.post(`${host.url}/api/initiatives.list`, {
    data: {},
    headers: { Authorization: `Bearer ${host.token}` },
  });
  expect(ok.status()).toBe(200);
});

test('a link to another site cannot navigate the app away', async ({ page, host, context }) => {
  const app = new AppPage(page);
  await app.open(host.openUrl);
  await app.createInitiative('Canal Street Roundtable');
  await app.goTo('Settings');
  const appUrl = page.url();
  // The link opens outside the app (a separate browsing context, with no opener back to it).
  const popup = context.waitForEvent('page');
  await page.getByRole('link', { name: /Read about collective impact/ }).click();
  const opened = await popup;
  expect(opened).not.toBe(page);
  expect(await opened.evaluate(() => window.opener)).toBeNull();
  expect(page.url()).toBe(appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // Navigation by script is refused by the page's own policy too: nothing but the app loads.
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.org/elsewhere';
    link.textContent = 'planted';
    document.body.append(link);
    link.click();
  });
  expect(page.url()).toBe(appUrl);
});

test('the renderer is served with a strict content security policy', async ({ page, host }) => {
  const response = await page.goto(host.openUrl);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('https://example.org/');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
});
