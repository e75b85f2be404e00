/**
 * Exponential back-off with full jitter: after the n-th failure in a row, wait a random time
 * between 0 and min(cap, base · 2ⁿ⁻¹), but never less than the service's Retry-After. Jitter keeps
 * many offices from knocking on a recovering national service at the same instant.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export function backoffDelayMs(
  failures: number,
  policy: BackoffPolicy,
  options: { retryAfterMs?: number | null; random?: () => number } = {},
): number {
  const random = options.random ?? Math.random;
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.round(random() * ceiling);
  const floor = Math.min(options.retryAfterMs ?? 0, policy.capMs);
  return Math.max(jittered, floor);
}
