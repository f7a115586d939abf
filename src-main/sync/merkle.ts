/**
 * A merkle trie over change timestamps, as in Actual Budget: the path of a timestamp is its minute
 * written in base 3 (16 digits), and every node holds the XOR of the hashes of the timestamps below
 * it. Two replicas holding the same messages have the same root; where roots differ, walking down
 * finds the first minute from which messages must travel. Stored flat as key -> hash, where the
 * key is the path prefix ('' is the root).
 */
export const merkleDepth = 16;

/** FNV-1a, 32 bit: cheap, stable and good enough to spread timestamps; XOR makes order irrelevant. */
export function hashTimestamp(timestamp: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < timestamp.length; i++) {
    hash ^= timestamp.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/**
 * hashTimestamp of a timestamp given by its parts, without writing it out: the hash of the
 * millisecond's part is kept, so each timestamp only hashes its counter and node.
 */
export class TimestampHasher {
  private millis = Number.NaN;
  private head = 0;
  private readonly nodeCodes: number[];

  constructor(node: string) {
    this.nodeCodes = [...`-${node}`].map((character) => character.charCodeAt(0));
  }

  hash(millis: number, counter: number): number {
    if (millis !== this.millis) {
      this.millis = millis;
      const head = `${new Date(millis).toISOString()}-`;
      let hash = fnvOffset;
      for (let i = 0; i < head.length; i++) hash = Math.imul(hash ^ head.charCodeAt(i), fnvPrime);
      this.head = hash;
    }
    let hash = this.head;
    // The counter as four lowercase hex digits, as formatHlc writes it.
    for (let shift = 12; shift >= 0; shift -= 4) {
      const digit = (counter >> shift) & 15;
      hash = Math.imul(hash ^ (digit < 10 ? 48 + digit : 87 + digit), fnvPrime);
    }
    const codes = this.nodeCodes;
    for (let i = 0; i < codes.length; i++) hash = Math.imul(hash ^ codes[i], fnvPrime);
    return hash >>> 0;
  }
}

export function minuteKey(millis: number): string {
  return Math.floor(millis / 60_000)
    .toString(3)
    .padStart(merkleDepth, '0');
}

/** Every node key a timestamp touches, from the root down to its minute. */
export function merklePath(millis: number): string[] {
  const key = minuteKey(millis);
  const path = [''];
  for (let i = 1; i <= key.length; i++) path.push(key.slice(0, i));
  return path;
}

/** Adds the XOR deltas for one timestamp into a pending map of node key -> delta. */
export function addToDelta(delta: Map<string, number>, millis: number, timestamp: string): void {
  const hash = hashTimestamp(timestamp);
  for (const key of merklePath(millis)) delta.set(key, ((delta.get(key) ?? 0) ^ hash) >>> 0);
}

/**
 * Collects timestamps minute by minute and only walks each minute's path once at the end:
 * a burst of thousands of changes touches a handful of minutes. Same result as addToDelta.
 */
export class MerkleDelta {
  private readonly byMinute = new Map<number, number>();

  add(millis: number, timestamp: string): void {
    this.addHash(millis, hashTimestamp(timestamp));
  }

  /** Adds hashes already XORed together, all of timestamps in the minute of `millis`. */
  addHash(millis: number, hash: number): void {
    const minute = Math.floor(millis / 60_000);
    this.byMinute.set(minute, ((this.byMinute.get(minute) ?? 0) ^ hash) >>> 0);
  }

  /** Node key -> XOR delta for every node touched. */
  nodes(): Map<string, number> {
    const delta = new Map<string, number>();
    for (const [minute, hash] of this.byMinute) {
      for (const key of merklePath(minute * 60_000)) delta.set(key, ((delta.get(key) ?? 0) ^ hash) >>> 0);
    }
    return delta;
  }
}

export type MerkleLookup = (key: string) => number;

/**
 * The earliest minute (as milliseconds) from which two tries disagree, or null if they agree.
 * Walks down the first differing child at each level.
 */
export function firstDifference(a: MerkleLookup, b: MerkleLookup): number | null {
  if (a('') === b('')) return null;
  let prefix = '';
  while (prefix.length < merkleDepth) {
    const next = ['0', '1', '2'].map((digit) => prefix + digit).find((key) => a(key) !== b(key));
    if (next === undefined) break;
    prefix = next;
  }
  return parseInt(prefix.padEnd(merkleDepth, '0'), 3) * 60_000;
}
