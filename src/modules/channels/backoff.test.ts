import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.ts';
import { retryAfterMs } from './channel-http.ts';
import { createRateLimiter } from './rate-limiter.ts';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('back-off and rate limits towards the national services', () => {
  it('doubles the ceiling per failure up to the cap, with full jitter', () => {
    const top = (failures: number) => backoffDelayMs(failures, policy, { random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(top)).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000,
    ]);
    expect(backoffDelayMs(5, policy, { random: () => 0 })).toBe(0);
    expect(backoffDelayMs(5, policy, { random: () => 0.5 })).toBe(8000);
  });

  it('never waits less than the service’s Retry-After (capped)', () => {
    expect(backoffDelayMs(1, policy, { random: () => 0, retryAfterMs: 5000 })).toBe(5000);
    expect(backoffDelayMs(1, policy, { random: () => 0, retryAfterMs: 3_600_000 })).toBe(60_000);
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('2026-10-21T07:28:00Z'))).toBe(
      10_000,
    );
    expect(retryAfterMs(null)).toBeNull();
  });

  it('lets a mailbox make at most its quota of requests per second, in order', async () => {
    let clock = 0;
    const slept: number[] = [];
    const limiter = createRateLimiter({
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    });
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => limiter.take('skrytka', 4).then(() => order.push(i))),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // A burst of 4, then one request every 250 ms: 8 more need 2 seconds.
    expect(clock).toBe(2000);
    // Another mailbox has its own bucket.
    await limiter.take('inna-skrzynka', 4);
    expect(clock).toBe(2000);
  });
});
