/**
 * A token bucket per mailbox: at most `perSecond` requests a second on average, with bursts of up
 * to `perSecond` requests. Requests past the limit wait their turn, in order. The national
 * services give each mailbox a quota; staying under it is cheaper than collecting 429s.
 */
export interface RateLimiter {
  take(key: string, perSecond: number): Promise<void>;
}

export function createRateLimiter(
  options: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const buckets = new Map<string, { tokens: number; at: number; queue: Promise<void> }>();
  return {
    take(key, perSecond) {
      const bucket = buckets.get(key) ?? { tokens: perSecond, at: now(), queue: Promise.resolve() };
      buckets.set(key, bucket);
      const turn = bucket.queue.then(async () => {
        for (;;) {
          const current = now();
          bucket.tokens = Math.min(
            perSecond,
            bucket.tokens + ((current - bucket.at) / 1000) * perSecond,
          );
          bucket.at = current;
          if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return;
          }
          await sleep(Math.ceil(((1 - bucket.tokens) / perSecond) * 1000));
        }
      });
      bucket.queue = turn.catch(() => {});
      return turn;
    },
  };
}
