import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../features/summary/export';

/**
 * Electron's print to PDF of a summary's self-contained HTML, in a hidden window with scripts off
 * and the same sandbox as the main window. The host prints the same HTML with headless Chromium.
 */
export const printPdfInElectron: PdfPrinter = async (html) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
};
