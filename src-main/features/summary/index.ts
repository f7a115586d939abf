import { join } from 'node:path';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../handlers';
import { SummaryBatches } from './batch';
import { buildSummary } from './build';
import { exportSummary } from './export';
import { renderSummaryHtml } from './html';

/** Session summaries: preview, export in every format, and per-partner batches. */
export function summaryHandlers({ library, printPdf, exportDir }: HandlerContext) {
  const open = (initiativeId: string) => library.open(initiativeId);
  const options = { folder: exportDir ?? join(library.dataDir, 'summaries'), printPdf };
  const batches = new SummaryBatches();
  return {
    'summary.preview': ({ initiativeId, ...scope }) => {
      const summary = buildSummary(open(initiativeId), scope);
      return { summary, html: renderSummaryHtml(summary) };
    },
    'summary.export': ({ initiativeId, ...request }) => exportSummary(open(initiativeId), request, options),
    'summary.batchStart': ({ initiativeId, ...job }) => batches.start(open(initiativeId), job, options),
    'summary.batchStatus': ({ jobId }) => batches.status(jobId),
    'summary.batchCancel': ({ jobId }) => batches.cancel(jobId),
    'summary.batchFile': ({ jobId }) => batches.file(jobId),
  } satisfies Partial<HandlerMap>;
}
