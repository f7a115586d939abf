import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import type { Locale } from '../../contract/models';
import { AppError } from '../../contract/result';
import type { BatchStatus, SummaryFile } from '../../contract/summary';
import type { InitiativeStore } from '../../store/initiative-store';
import { writeZip } from '../exchange/zip';
import { buildSummary, partnersOfSession } from './build';
import { fileNameFor, renderSummary, type ExportOptions } from './export';
import { removeQuietly, summaryFileName, uniqueFileNames, writeAtomically } from './files';
import { translator } from './text';

export interface BatchJob {
  sessionId: string;
  language: Locale;
  format: 'pdf' | 'docx' | 'md' | 'html';
  partnerIds: string[];
  packaging: 'files' | 'zip';
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Finished jobs are kept for a while so a late status poll still gets the answer. */
const keepFinished = 50;

/**
 * Per-partner summaries, one partner at a time with a turn of the event loop between them, so
 * status polls and a cancel get through while it runs. Everything is written at the end in one
 * move (a zip renamed into place, or a finished folder renamed into place): a cancel or a failure
 * part-way leaves nothing behind.
 */
type Job = BatchStatus & { cancel: boolean; packaging: BatchJob['packaging'] };

export class SummaryBatches {
  private readonly jobs = new Map<string, Job>();

  start(store: InitiativeStore, job: BatchJob, options: ExportOptions): BatchStatus {
    store.sessions.get(job.sessionId);
    const partnerIds = job.partnerIds.length ? job.partnerIds : partnersOfSession(store, job.sessionId);
    if (partnerIds.length === 0)
      throw new AppError(
        'invalid_input',
        'No partner attended this session or owns one of its actions, so there is no one to send a summary to.',
      );
    const status = {
      jobId: uuidv4(),
      state: 'running' as const,
      done: 0,
      total: partnerIds.length,
      savedTo: [],
      savedIn: '',
      error: '',
      cancel: false,
      packaging: job.packaging,
    };
    this.jobs.set(status.jobId, status);
    for (const id of [...this.jobs.keys()].slice(0, Math.max(0, this.jobs.size - keepFinished)))
      if (this.jobs.get(id)?.state !== 'running') this.jobs.delete(id);
    void this.run(store, job, partnerIds, options, status);
    return this.view(status);
  }

  status(jobId: string): BatchStatus {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new AppError('not_found', 'There is no export with that id (it may be from before the app restarted).');
    return this.view(job);
  }

  cancel(jobId: string): BatchStatus {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new AppError('not_found', 'There is no export with that id (it may be from before the app restarted).');
    if (job.state === 'running') job.cancel = true;
    return this.view(job);
  }

  /** The finished batch as one zip: the one written, or the folder's files zipped now. */
  file(jobId: string): SummaryFile {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new AppError('not_found', 'There is no export with that id (it may be from before the app restarted).');
    if (job.state !== 'done')
      throw new AppError('invalid_input', 'These summaries are not finished, so there is nothing to download yet.');
    try {
      const bytes =
        job.packaging === 'zip'
          ? readFileSync(job.savedIn)
          : writeZip(job.savedTo.map((path) => ({ name: basename(path), data: readFileSync(path) })));
      const fileName = job.packaging === 'zip' ? basename(job.savedIn) : `${basename(job.savedIn)}.zip`;
      return {
        fileName,
        mimeType: 'application/zip',
        contentBase64: Buffer.from(bytes).toString('base64'),
        savedTo: job.savedIn,
      };
    } catch {
      throw new AppError('not_found', `The summaries are no longer in ${job.savedIn}; export them again.`);
    }
  }

  /** Resolves when the job has stopped (tests and the bench wait on this instead of polling). */
  async settled(jobId: string): Promise<BatchStatus> {
    while (this.status(jobId).state === 'running') await nextTurn();
    return this.status(jobId);
  }

  private view({ cancel: _cancel, packaging: _packaging, ...status }: Job): BatchStatus {
    return { ...status, savedTo: [...status.savedTo] };
  }

  private async run(
    store: InitiativeStore,
    job: BatchJob,
    partnerIds: string[],
    options: ExportOptions,
    status: Job,
  ): Promise<void> {
    const files: { name: string; data: Uint8Array }[] = [];
    try {
      for (const partnerId of partnerIds) {
        await nextTurn();
        if (status.cancel) {
          status.state = 'cancelled';
          return;
        }
        const summary = buildSummary(store, { sessionId: job.sessionId, language: job.language, partnerId });
        files.push({
          name: fileNameFor(summary, job.format),
          data: await renderSummary(summary, job.format, options.printPdf),
        });
        status.done++;
      }
      if (status.cancel) {
        status.state = 'cancelled';
        return;
      }
      const names = uniqueFileNames(files.map((file) => file.name));
      files.forEach((file, index) => (file.name = names[index]));
      const session = store.sessions.get(job.sessionId);
      const t = translator(job.language);
      if (job.packaging === 'zip') {
        const name = summaryFileName(session.startsAt, session.title, t('filePartners'), 'zip');
        status.savedTo = [writeAtomically(options.folder, name, writeZip(files))];
        status.savedIn = status.savedTo[0];
      } else {
        const folderName = summaryFileName(session.startsAt, session.title, t('filePartners'), '').replace(/\.$/, '');
        const final = join(options.folder, folderName);
        const temporary = join(options.folder, `.${folderName}.${randomBytes(4).toString('hex')}.part`);
        try {
          mkdirSync(temporary, { recursive: true });
          for (const file of files) writeFileSync(join(temporary, file.name), file.data);
          rmSync(final, { recursive: true, force: true });
          renameSync(temporary, final);
        } catch (error) {
          removeQuietly(temporary);
          throw new AppError(
            'export_failed',
            `The summaries were not saved: ${(error as Error).message.split('\n')[0]}. No partial files were left.`,
          );
        }
        status.savedTo = files.map((file) => join(final, file.name));
        status.savedIn = final;
      }
      status.state = 'done';
    } catch (error) {
      status.state = 'failed';
      status.error = error instanceof Error ? error.message : String(error);
    }
  }
}
