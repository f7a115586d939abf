import type { InitiativeLibrary } from '../store/library';
import type { PdfPrinter } from './summary/export';

export interface HandlerContext {
  library: InitiativeLibrary;
  /** Folder holding the bundled resources (locales, sample initiative). */
  resourcesDir: string;
  version: string;
  transport: 'electron' | 'host';
  /** Chromium's print to PDF (Electron's webContents, or headless Chromium for the host). */
  printPdf?: PdfPrinter;
  /** Where exported summaries are written; `<dataDir>/summaries` when not set. */
  exportDir?: string;
  /** The built renderer folder: room mode serves its phone page (room/index.html) from it. */
  rendererDir?: string;
}
