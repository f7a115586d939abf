import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from './host-process';

interface Fixtures {
  dataDir: string;
  host: HostProcess;
}

/** Every test gets its own data folder and its own host process. */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring argument
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use, testInfo) => {
    const host = await startHostProcess(dataDir);
    await use(host);
    await host.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('host output', { body: host.output(), contentType: 'text/plain' });
    }
  },
});

export { expect } from '@playwright/test';
