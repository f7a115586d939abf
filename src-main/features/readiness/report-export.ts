import type { ExportFile } from '../../contract/exchange';
import type { Locale } from '../../contract/models';
import { AppError } from '../../contract/result';
import type { InitiativeStore } from '../../store/initiative-store';
import type { PdfPrinter } from '../summary/export';
import { buildReadinessReport, readinessReportHtml } from './report';
import { readinessReportDocx } from './report-docx';

const mimeTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** A round's results as PDF (Chromium's print, as session summaries) or Word (the docx library). */
export async function exportReadinessReport(
  store: InitiativeStore,
  roundId: string,
  format: 'pdf' | 'docx',
  locale: Locale,
  printPdf?: PdfPrinter,
): Promise<ExportFile> {
  const report = buildReadinessReport(store, roundId, locale);
  let bytes: Uint8Array;
  if (format === 'docx') bytes = await readinessReportDocx(report);
  else {
    if (!printPdf)
      throw new AppError('export_failed', 'PDF printing is not available in this window; export Word instead.');
    try {
      bytes = await printPdf(readinessReportHtml(report));
    } catch (error) {
      throw new AppError(
        'export_failed',
        `The PDF could not be printed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  // Only letters, digits and dashes from the round's name: the file name is safe on every system.
  const safe = `${report.heldOn} ${report.round}`
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return {
    fileName: `${report.t('fileName')}-${safe || 'round'}.${format}`,
    mimeType: mimeTypes[format],
    contentBase64: Buffer.from(bytes).toString('base64'),
  };
}
