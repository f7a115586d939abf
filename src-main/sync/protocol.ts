import { holdCheckpoints } from '../store/checkpoint-hold';
import type { Unsealed } from './crypto';
import { firstDifference, type MerkleLookup } from './merkle';
import { OpeningWorker } from './opening-worker';
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
 * Lets an HTTP request just started go out before a long synchronous step holds the thread: fetch
 * writes to the socket a few turns of the event loop later, not when it is called.
 */
function requestSent(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

type Page = Awaited<ReturnType<SyncPeer['pull']>>;
interface Held {
  messages: Page['messages'];
  unsealed: Promise<Unsealed[] | null>;
}

/**
 * Pulls every page after `from` and applies them in order, each in its own transaction, as a
 * pipeline: while page n is applied on this thread, page n+1 is unsealed on a worker thread and
 * page n+2 is read and sent by the peer, with SQLite's checkpoints held back until the end (see
 * store/checkpoint-hold.ts). A sync of one page keeps to this thread. If a pull fails,
 * the pages already received are applied before the error goes on, so a cut connection keeps
 * what came.
 */
async function pull(
  local: LocalReplica,
  peer: SyncPeer,
  from: string,
  pageSize: number,
  applied: (outcome: ReturnType<LocalReplica['applySealed']>, count: number) => void,
): Promise<void> {
  let cursor = from;
  let next: Promise<Page> | null = peer.pull(cursor, pageSize);
  let opener: OpeningWorker | null = null;
  let releaseCheckpoints: (() => void) | null = null;
  // Received and being unsealed, not applied yet.
  let waiting: Held | null = null;
  const apply = async ({ messages, unsealed }: Held) =>
    applied(local.applySealed(messages, { unsealed: await unsealed }), messages.length);
  try {
    while (next) {
      let page: Page;
      try {
        page = await next;
      } catch (error) {
        if (waiting) await apply(waiting);
        throw error;
      }
      next = null;
      if (page.more && page.messages.length > 0) {
        // The next cursor is known before this page is applied: ask for the next page now.
        cursor = newest(page.messages, cursor);
        next = peer.pull(cursor, pageSize);
        // Not awaited if applying fails first; that error is the one to report.
        next.catch(() => {});
        opener ??= new OpeningWorker(local.key);
        releaseCheckpoints ??= holdCheckpoints(local.db);
      }
      const previous = waiting;
      waiting =
        page.messages.length > 0
          ? { messages: page.messages, unsealed: opener ? opener.unseal(page.messages) : Promise.resolve(null) }
          : null;
      await requestSent();
      if (previous) await apply(previous);
    }
    if (waiting) await apply(waiting);
  } finally {
    if (opener) void opener.close();
    releaseCheckpoints?.();
  }
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
    await pull(local, peer, minuteStart(pullFrom), pageSize, (outcome, count) => {
      report.received += count;
      report.added += outcome.added;
      report.maxDriftMs = Math.max(report.maxDriftMs, outcome.maxDriftMs);
      progress('receiving', null);
    });
    // We now hold everything the peer had when it gave us its trie, so where we still differ from
    // that trie is where the peer lacks messages of ours.
    const pushFrom = firstDifference(lookupOf(local.merkle()), remote);
    if (pushFrom === null) continue;
    let cursor = minuteStart(pushFrom);
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
