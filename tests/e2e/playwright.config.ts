import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../fixtures/chromium';

/**
 * Debian's Chromium, because Playwright's own browser download is not possible on these machines.
 * Each test starts its own host with its own data folder (see fixtures.ts), so tests can run in
 * parallel and never share state.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: './.artifacts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
