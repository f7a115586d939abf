import type { Locale } from '../../contract/models';
import { AppError } from '../../contract/result';
import type { SessionSummary, SummaryFile, SummaryFormat } from '../../contract/summary';
import type { InitiativeStore } from '../../store/initiative-store';
import { buildSummary } from './build';
import { summaryDocx } from './docx';
import { summaryFileName, uniqueFileNames, writeAtomically } from './files';
import { renderSummaryHtml } from './html';
import { scorecardCsv } from './scorecard-text';
import { translator } from './text';
import { actionsCsv, decisionsCsv, summaryCalendar, summaryMarkdown } from './text-formats';

/** Prints a self-contained HTML page to PDF: Chromium's print, in Electron or headless. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

const formats: Record<
  SummaryFormat,
  {
    extension: string;
    mimeType: string;
    what: 'fileSummary' | 'fileDecisions' | 'fileActions' | 'fileCalendar' | 'fileScorecard';
  }
> = {
  html: { extension: 'html', mimeType: 'text/html', what: 'fileSummary' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf', what: 'fileSummary' },
  docx: {
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    what: 'fileSummary',
  },
  md: { extension: 'md', mimeType: 'text/markdown', what: 'fileSummary' },
  'decisions-csv': { extension: 'csv', mimeType: 'text/csv', what: 'fileDecisions' },
  'actions-csv': { extension: 'csv', mimeType: 'text/csv', what: 'fileActions' },
  ics: { extension: 'ics', mimeType: 'text/calendar', what: 'fileCalendar' },
  'scorecard-csv': { extension: 'csv', mimeType: 'text/csv', what: 'fileScorecard' },
};

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** The bytes of one format; PDF needs a printer (Electron's or headless Chromium). */
export async function renderSummary(
  summary: SessionSummary,
  format: SummaryFormat,
  printPdf?: PdfPrinter,
): Promise<Uint8Array> {
  switch (format) {
    case 'html':
      return utf8(renderSummaryHtml(summary));
    case 'md':
      return utf8(summaryMarkdown(summary));
    case 'decisions-csv':
      return utf8(decisionsCsv(summary));
    case 'actions-csv':
      return utf8(actionsCsv(summary));
    case 'ics':
      return utf8(summaryCalendar(summary));
    case 'scorecard-csv':
      return utf8(scorecardCsv(summary));
    case 'docx':
      return summaryDocx(summary);
    case 'pdf': {
      if (!printPdf)
        throw new AppError(
          'export_failed',
          'PDF printing is not available in this window; export HTML and print it instead.',
        );
      try {
        return await printPdf(renderSummaryHtml(summary));
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError(
          'export_failed',
          `The PDF could not be printed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
        );
      }
    }
  }
}

export function fileNameFor(summary: SessionSummary, format: SummaryFormat): string {
  const { extension, what } = formats[format];
  const t = translator(summary.language);
  // The same Windows rules as a batch (reserved names, length), for a single file too.
  return uniqueFileNames([
    summaryFileName(summary.session.startsAt, summary.session.title, t(what), extension, summary.partner?.name ?? ''),
  ])[0];
}

export interface ExportOptions {
  folder: string;
  printPdf?: PdfPrinter;
}

export async function exportSummary(
  store: InitiativeStore,
  request: { sessionId: string; language: Locale; partnerId: string | null; format: SummaryFormat },
  options: ExportOptions,
): Promise<SummaryFile> {
  const summary = buildSummary(store, request);
  const bytes = await renderSummary(summary, request.format, options.printPdf);
  const fileName = fileNameFor(summary, request.format);
  const savedTo = writeAtomically(options.folder, fileName, bytes);
  return {
    fileName,
    mimeType: formats[request.format].mimeType,
    contentBase64: Buffer.from(bytes).toString('base64'),
    savedTo,
  };
}
