import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src-main/host/rate-limit';
import { startHostFixture, type HostFixture } from './host-fixture';

describe('createRateLimiter', () => {
  it('allows the burst, then refuses until tokens come back at the steady rate', () => {
    let time = 0;
    const limiter = createRateLimiter({ burst: 3, perSecond: 2 }, () => time);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time += 500;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    time += 60_000;
    // Refilled to the burst, not beyond it.
    expect([1, 2, 3, 4].map(() => limiter.take('a').allowed)).toEqual([true, true, true, false]);
  });

  it('keeps one bucket per client', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.01 }, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('says how long to wait when the rate is slow', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.1 }, () => 0);
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('refuses a limit that could never allow a request', () => {
    expect(() => createRateLimiter({ burst: 0, perSecond: 1 })).toThrow();
    expect(() => createRateLimiter({ burst: 1, perSecond: 0 })).toThrow();
    expect(() => createRateLimiter({ burst: Number.NaN, perSecond: 1 })).toThrow();
  });
});

/** A request from a chosen loopback address (all of 127/8 is this machine), so clients differ. */
function fromAddress(
  fixture: HostFixture,
  localAddress: string,
  path = '/api/app.info',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolveResponse, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: fixture.host.port,
        localAddress,
        method: path.startsWith('/api/') ? 'POST' : 'GET',
        path,
        headers: { Authorization: `Bearer ${fixture.host.token}`, 'Content-Type': 'application/json' },
        agent: false,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolveResponse({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    req.on('error', reject);
    req.end(path.startsWith('/api/') ? '{}' : undefined);
  });
}

describe('the host under a flood of requests', () => {
  let fixture: HostFixture;
  afterEach(() => fixture.cleanup());

  it('answers 429 rate_limited with Retry-After and the security headers once a client spends its burst', async () => {
    fixture = await startHostFixture({ rateLimit: { burst: 5, perSecond: 0.01 } });
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) statuses.push((await fromAddress(fixture, '127.0.0.1')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await fromAddress(fixture, '127.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // Files count too: a flood of page loads is still a flood.
    expect((await fromAddress(fixture, '127.0.0.1', '/')).status).toBe(429);
  });

  it('limits each client on its own: another local address still gets answers', async () => {
    fixture = await startHostFixture({ rateLimit: { burst: 2, perSecond: 0.01 } });
    await fromAddress(fixture, '127.0.0.1');
    await fromAddress(fixture, '127.0.0.1');
    expect((await fromAddress(fixture, '127.0.0.1')).status).toBe(429);
    expect((await fromAddress(fixture, '127.0.0.2')).status).toBe(200);
  });

  it('by default lets a busy app through: 300 requests at once all answered', async () => {
    fixture = await startHostFixture();
    const answers = await Promise.all(Array.from({ length: 300 }, () => fromAddress(fixture, '127.0.0.1')));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
  });
});
