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
  // One retry on CI only, so a timing slip on a loaded 2-core machine does not sink a run; a retried
  // test is still reported as flaky in the log (and counted in .ci/run's summary line) to be fixed.
  retries: process.env.CI ? 1 : 0,
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
