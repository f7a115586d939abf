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
/**
 * Timestamps must fall in [1970, 2051-11-05): the merkle trie keys minutes with 16 base-3 digits.
 * Anything outside is refused as malformed rather than silently mis-keyed.
 */
export const hlcMillisLimit = 3 ** 16 * 60_000;
/**
 * A received timestamp must leave the clock this much room before the end of the range: one at the
 * very end would pin our clock there and every later local change would fail.
 */
export const receiveHeadroomMs = 24 * 60 * 60_000;
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

// A page of received messages shares a few milliseconds: check each distinct date text once.
let checkedIso = '';
let checkedMillis = Number.NaN;

export function parseHlc(text: string): HlcParts | null {
  const match = pattern.exec(text);
  if (!match) return null;
  let millis: number;
  if (match[1] === checkedIso) millis = checkedMillis;
  else {
    millis = Date.parse(match[1]);
    if (!Number.isFinite(millis) || new Date(millis).toISOString() !== match[1]) return null;
    if (millis < 0 || millis >= hlcMillisLimit) return null;
    checkedIso = match[1];
    checkedMillis = millis;
  }
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

  /** The millisecond and counter of the newest timestamp, without copying the state. */
  get millis(): number {
    return this.last.millis;
  }

  get counter(): number {
    return this.last.counter;
  }

  /**
   * A new timestamp for a local change: always later than anything issued or received before.
   * Never refuses: when the counter runs out (a burst, or a peer whose clock runs ahead pinned us
   * to its millisecond) logical time moves on by one millisecond instead.
   */
  send(): string {
    this.tick();
    return formatHlc(this.last);
  }

  /**
   * `send` without writing the timestamp out: `millis` and `counter` then give it. A large write
   * stamps 100,000 fields and only needs a few of them as text.
   */
  tick(): void {
    const physical = this.now();
    const millis = Math.max(this.last.millis, physical);
    this.advance(millis, millis === this.last.millis ? this.last.counter + 1 : 0);
  }

  /** Fold in a timestamp from another device so our next local change sorts after it. */
  receive(remoteText: string): ReceiveReport {
    const remote = parseHlc(remoteText);
    if (!remote) throw new ClockError(`not a clock timestamp: "${remoteText.slice(0, 80)}"`);
    if (remote.millis >= hlcMillisLimit - receiveHeadroomMs) {
      throw new ClockError(`a change dated ${remoteText.slice(0, 24)} is too far in the future to accept`);
    }
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
    this.advance(millis, counter);
    return { driftMs: remote.millis - physical };
  }

  private advance(millis: number, counter: number): void {
    const overflow = counter > maxCounter;
    const next = overflow ? millis + 1 : millis;
    if (next >= hlcMillisLimit) throw new ClockError('the clock has reached the end of its range');
    // In place: the state getter hands out copies, and a write stamps each of its fields here.
    this.last.millis = next;
    this.last.counter = overflow ? 0 : counter;
  }
}
