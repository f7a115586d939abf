import type { Browser } from 'playwright-core';
import type { PdfPrinter } from '../features/summary/export';

/**
 * The browser host has no Electron, so it prints summaries with headless Chromium (Debian's, the
 * same one the e2e tests drive): the same HTML, the same print engine as webContents.printToPDF.
 * The browser starts on the first PDF and is reused; `close` ends it with the host.
 */
export function chromiumPdfPrinter(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): {
  printPdf: PdfPrinter;
  close: () => Promise<void>;
} {
  let browser: Promise<Browser> | null = null;
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  };
  return {
    printPdf: async (html) => {
      browser ??= launch().catch((error: unknown) => {
        browser = null;
        throw new Error(
          `Chromium could not be started for printing (${executablePath}): ${String(error).split('\n')[0]}`,
        );
      });
      const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
      } finally {
        await context.close();
      }
    },
    close: async () => {
      const running = browser;
      browser = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
