/**
 * Hybrid logical clock. A timestamp is `2026-11-23T09:00:00.000Z-0001-<16 hex node id>`: wall time
 * in milliseconds, a counter for events within the same millisecond (or while the wall clock lags
 * behind what we have seen), and the device's node id. Timestamps compare correctly as strings and
 * are unique per device, so they order every change in the system totally.
 */
export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

export const maxCounter = 0xffff;
const pattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export class ClockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClockError';
  }
}

export function isNodeId(value: string): boolean {
  return /^[0-9a-f]{16}$/.test(value);
}

// Formatting the date dominates a burst of changes, and a burst shares one millisecond.
let cachedMillis = Number.NaN;
let cachedIso = '';

export function formatHlc({ millis, counter, node }: HlcParts): string {
  if (millis !== cachedMillis) {
    cachedIso = new Date(millis).toISOString();
    cachedMillis = millis;
  }
  return `${cachedIso}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function parseHlc(text: string): HlcParts | null {
  const match = pattern.exec(text);
  if (!match) return null;
  const millis = Date.parse(match[1]);
  if (!Number.isFinite(millis) || new Date(millis).toISOString() !== match[1]) return null;
  return { millis, counter: parseInt(match[2], 16), node: match[3] };
}

export interface ReceiveReport {
  /** How far the sender's clock runs ahead of ours; large values deserve a warning, not a refusal. */
  driftMs: number;
}

export class HybridClock {
  private last: HlcParts;

  constructor(
    readonly node: string,
    last: HlcParts | null = null,
    private readonly now: () => number = Date.now,
  ) {
    if (!isNodeId(node)) throw new ClockError(`node id must be 16 hex digits, got "${node}"`);
    this.last = last ? { ...last, node } : { millis: 0, counter: 0, node };
  }

  /** The newest timestamp this clock has issued or seen, for persisting across restarts. */
  get state(): HlcParts {
    return { ...this.last };
  }

  /** A new timestamp for a local change: always later than anything issued or received before. */
  send(): string {
    const physical = this.now();
    const millis = Math.max(this.last.millis, physical);
    const counter = millis === this.last.millis ? this.last.counter + 1 : 0;
    if (counter > maxCounter) throw new ClockError('too many changes in one millisecond');
    this.last = { millis, counter, node: this.node };
    return formatHlc(this.last);
  }

  /** Fold in a timestamp from another device so our next local change sorts after it. */
  receive(remoteText: string): ReceiveReport {
    const remote = parseHlc(remoteText);
    if (!remote) throw new ClockError(`not a clock timestamp: "${remoteText.slice(0, 80)}"`);
    const physical = this.now();
    const millis = Math.max(this.last.millis, physical, remote.millis);
    let counter: number;
    if (millis === this.last.millis && millis === remote.millis) {
      counter = Math.max(this.last.counter, remote.counter) + 1;
    } else if (millis === this.last.millis) {
      counter = this.last.counter + 1;
    } else if (millis === remote.millis) {
      counter = remote.counter + 1;
    } else {
      counter = 0;
    }
    if (counter > maxCounter) throw new ClockError('clock counter overflow while receiving');
    this.last = { millis, counter, node: this.node };
    return { driftMs: remote.millis - physical };
  }
}
