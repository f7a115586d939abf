/**
 * A token bucket per client: each request takes one token, tokens come back at a steady rate up
 * to the bucket's size. The host listens on loopback only, so a "client" is a local process; the
 * limit stops a runaway page or script from starving the app, and is far above what a person
 * typing or an import sends (see tests/unit/crash for the busiest real client). The benches that
 * seed thousands of records through the API start their host with a higher limit.
 */
export interface RateLimit {
  /** Requests a client may send at once. */
  burst: number;
  /** Requests per second a client may keep sending. */
  perSecond: number;
}

export const defaultRateLimit: RateLimit = { burst: 2_000, perSecond: 1_000 };

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one more request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/** Buckets idle this long are full again and can be forgotten. */
const forgetAfterMs = 60_000;
const maxClients = 10_000;

export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()) {
  if (!(limit.burst >= 1) || !(limit.perSecond > 0))
    throw new Error('A rate limit needs a burst of 1 or more and a positive rate.');
  const buckets = new Map<string, { tokens: number; at: number }>();

  function forgetIdle(time: number): void {
    for (const [key, bucket] of buckets) if (time - bucket.at > forgetAfterMs) buckets.delete(key);
  }

  return {
    take(client: string): RateDecision {
      const time = now();
      if (buckets.size > maxClients) forgetIdle(time);
      const bucket = buckets.get(client) ?? { tokens: limit.burst, at: time };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((time - bucket.at) / 1000) * limit.perSecond);
      bucket.at = time;
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) };
    },
  };
}
