import { firstDifference, type MerkleLookup } from './merkle';
import type { LocalReplica, MerkleNodes, SyncPeer } from './replica';

/** Past this, a peer's clock runs so far ahead of ours that the person should check both clocks. */
export const driftWarningMs = 10 * 60_000;

export interface SyncProgress {
  received: number;
  sent: number;
}

/** What a long sync shows while it runs. */
export interface SyncProgressEvent extends SyncProgress {
  phase: 'receiving' | 'sending';
  /**
   * While sending: all that this sync will have sent once the current push ends, counted from the
   * local log before it starts. While receiving: null, as the hub does not say how much is waiting.
   */
  total: number | null;
}

export interface SyncReport extends SyncProgress {
  /** Messages that were new here (the rest were repeats). */
  added: number;
  rounds: number;
  inSync: boolean;
  /** How far the furthest-ahead clock among received messages ran ahead of ours. */
  maxDriftMs: number;
  driftWarning: boolean;
}

export interface SyncOptions {
  pageSize?: number;
  maxRounds?: number;
  onProgress?: (progress: SyncProgressEvent) => void;
}

export function lookupOf(nodes: MerkleNodes): MerkleLookup {
  return (key) => nodes[key] ?? 0;
}

/** Timestamps of a minute sort after its ISO start, so "after this" includes the whole minute. */
function minuteStart(millis: number): string {
  return new Date(millis).toISOString();
}

/** Pages come oldest first, but a relaying peer need not keep that order: take the newest seen. */
function newest(messages: readonly { timestamp: string }[], cursor: string): string {
  let latest = cursor;
  for (const { timestamp } of messages) if (timestamp > latest) latest = timestamp;
  return latest;
}

/**
 * Brings a replica and a peer to the same set of messages. Each round compares merkle tries, pulls
 * everything from the first minute where they differ, then pushes what the peer's trie shows it
 * lacks. Pages are applied as they arrive, each in its own transaction, so a cut connection keeps
 * what came and the next sync starts from the new first difference: resumable, and safe with
 * repeats because applying a message twice changes nothing. A few rounds cover writes that
 * happen on either side meanwhile.
 */
export async function syncWith(local: LocalReplica, peer: SyncPeer, options: SyncOptions = {}): Promise<SyncReport> {
  const pageSize = options.pageSize ?? 2000;
  const maxRounds = options.maxRounds ?? 4;
  const report: SyncReport = {
    received: 0,
    sent: 0,
    added: 0,
    rounds: 0,
    inSync: false,
    maxDriftMs: 0,
    driftWarning: false,
  };
  const progress = (phase: SyncProgressEvent['phase'], total: number | null) =>
    options.onProgress?.({ received: report.received, sent: report.sent, phase, total });
  while (report.rounds < maxRounds) {
    report.rounds++;
    const remote = lookupOf(await peer.merkle());
    const ours = lookupOf(local.merkle());
    const pullFrom = firstDifference(ours, remote);
    if (pullFrom === null) {
      report.inSync = true;
      break;
    }
    let cursor = minuteStart(pullFrom);
    for (;;) {
      const page = await peer.pull(cursor, pageSize);
      if (page.messages.length > 0) {
        const outcome = local.applySealed(page.messages);
        report.received += page.messages.length;
        report.added += outcome.added;
        report.maxDriftMs = Math.max(report.maxDriftMs, outcome.maxDriftMs);
        cursor = newest(page.messages, cursor);
        progress('receiving', null);
      }
      if (!page.more || page.messages.length === 0) break;
    }
    // We now hold everything the peer had when it gave us its trie, so where we still differ from
    // that trie is where the peer lacks messages of ours.
    const pushFrom = firstDifference(lookupOf(local.merkle()), remote);
    if (pushFrom === null) continue;
    cursor = minuteStart(pushFrom);
    const total = report.sent + local.countAfter(cursor);
    progress('sending', total);
    for (;;) {
      const page = local.sealedAfter(cursor, pageSize);
      if (page.messages.length === 0) break;
      await peer.push(page.messages);
      report.sent += page.messages.length;
      cursor = page.messages[page.messages.length - 1].timestamp;
      progress('sending', Math.max(total, report.sent));
      if (!page.more) break;
    }
  }
  report.driftWarning = report.maxDriftMs > driftWarningMs;
  return report;
}
