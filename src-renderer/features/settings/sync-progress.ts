import type { SyncStatus } from '../../../src-main/contract/sync';

/** What the progress bar shows: a filling bar needs a total, which only sending has. */
export type SyncProgressView =
  { kind: 'starting' } | { kind: 'sending'; sent: number; total: number } | { kind: 'receiving'; received: number };

export function syncProgressView(progress: SyncStatus['progress']): SyncProgressView {
  if (!progress) return { kind: 'starting' };
  if (progress.phase === 'sending' && progress.total !== null && progress.total > 0) {
    return { kind: 'sending', sent: Math.min(progress.sent, progress.total), total: progress.total };
  }
  return { kind: 'receiving', received: progress.received };
}
