import { gunzipSync, gzipSync } from 'node:zlib';
import { AppError } from '../contract/result';
import { deviceState } from '../store/device-state';
import { isNodeId } from './hlc';
import { keyCheckMatches, type SealedMessage } from './crypto';
import { firstDifference } from './merkle';
import { lookupOf } from './protocol';
import type { LocalReplica, MerkleNodes } from './replica';

/**
 * A bundle file carries sealed messages on a USB stick. It also carries the exporting device's
 * merkle trie: the importing device keeps it, and its next bundle holds only what that device
 * lacked when it exported (or everything, if asked or if it has never heard from anyone).
 */
export const bundleFormat = 'common-ground-sync-bundle';
const maxBundleBytes = 512 * 1024 * 1024;

export interface BundleFile {
  format: typeof bundleFormat;
  version: 1;
  syncId: string;
  keyCheck: string;
  node: string;
  merkle: MerkleNodes;
  messages: SealedMessage[];
}

export interface BundleExport {
  bytes: Buffer;
  messages: number;
  /** True when the bundle holds the whole history. */
  everything: boolean;
}

export interface BundleImport {
  added: number;
  duplicates: number;
  fromNode: string;
}

function knownPeerTries(replica: LocalReplica): MerkleNodes[] {
  return deviceState(replica.db)
    .peerTries()
    .map((trie) => JSON.parse(trie) as MerkleNodes);
}

export function exportBundle(
  replica: LocalReplica,
  node: string,
  options: { everything?: boolean } = {},
): BundleExport {
  const ours = lookupOf(replica.merkle());
  let after = '';
  const peers = options.everything ? [] : knownPeerTries(replica);
  if (peers.length > 0) {
    // From the earliest minute any known device lacks; null everywhere means they have it all.
    const starts = peers.map((peer) => firstDifference(ours, lookupOf(peer)));
    const missing = starts.filter((start): start is number => start !== null);
    after = missing.length === 0 ? '\uffff' : new Date(Math.min(...missing)).toISOString();
  }
  const messages: SealedMessage[] = [];
  for (;;) {
    const page = replica.sealedAfter(after, 5000);
    messages.push(...page.messages);
    if (!page.more || page.messages.length === 0) break;
    after = page.messages[page.messages.length - 1].timestamp;
  }
  const file: BundleFile = {
    format: bundleFormat,
    version: 1,
    syncId: replica.key.syncId,
    keyCheck: replica.key.keyCheck,
    node,
    merkle: replica.merkle(),
    messages,
  };
  return { bytes: gzipSync(JSON.stringify(file)), messages: messages.length, everything: peers.length === 0 };
}

function parseBundle(bytes: Buffer): BundleFile {
  let file: unknown;
  try {
    file = JSON.parse(gunzipSync(bytes, { maxOutputLength: maxBundleBytes }).toString('utf8'));
  } catch {
    throw new AppError('invalid_input', 'This file is not a Common Ground sync bundle, or it is damaged.');
  }
  const candidate = file as Partial<BundleFile> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    candidate.format !== bundleFormat ||
    candidate.version !== 1 ||
    typeof candidate.syncId !== 'string' ||
    typeof candidate.keyCheck !== 'string' ||
    typeof candidate.node !== 'string' ||
    !isNodeId(candidate.node) ||
    typeof candidate.merkle !== 'object' ||
    candidate.merkle === null ||
    !Object.values(candidate.merkle).every((hash) => Number.isInteger(hash)) ||
    !Array.isArray(candidate.messages) ||
    !candidate.messages.every(
      (message: unknown) =>
        typeof message === 'object' &&
        message !== null &&
        typeof (message as SealedMessage).timestamp === 'string' &&
        typeof (message as SealedMessage).payload === 'string',
    )
  ) {
    throw new AppError('invalid_input', 'This file is not a Common Ground sync bundle, or it is damaged.');
  }
  return candidate as BundleFile;
}

/** Applies a bundle; importing it again adds nothing. Refused whole when anything is wrong. */
export function importBundle(replica: LocalReplica, bytes: Buffer): BundleImport {
  const file = parseBundle(bytes);
  if (file.syncId !== replica.key.syncId) {
    throw new AppError('invalid_input', 'This bundle belongs to another initiative. Nothing was changed.');
  }
  if (!keyCheckMatches(replica.key, file.keyCheck)) {
    throw new AppError(
      'wrong_passphrase',
      'This bundle was sealed with another passphrase than the one set here. Nothing was changed.',
    );
  }
  const outcome = replica.applySealed(file.messages, { whole: true });
  deviceState(replica.db).savePeerTrie(file.node, JSON.stringify(file.merkle));
  return { added: outcome.added, duplicates: outcome.duplicates, fromNode: file.node };
}
