import type { LoadDriver, StepResult } from './load-driver.ts';

export interface SearchOptions {
  startUsers: number;
  maxUsers: number;
  rampSeconds: number;
  durationSeconds: number;
  p95LimitMs: number;
  /** Halvings of the gap between the last passing and the first failing count. */
  refinements: number;
  /** Pause between steps so the server's queues drain. */
  pauseSeconds: number;
}

export interface SearchResult {
  steps: StepResult[];
  /** The largest user count that passed (p95 under the limit, no errors); null if none did. */
  maxUsers: number | null;
  /** True when even `maxUsers` of the options passed: the real limit is higher. */
  capped: boolean;
}

/**
 * The step search: doubles the users from `startUsers` until a step fails, then narrows the gap
 * between the last pass and the first failure by bisection (to a multiple of 10 users).
 */
export async function searchMaxUsers(
  driver: LoadDriver,
  options: SearchOptions,
  log: (line: string) => void,
): Promise<SearchResult> {
  const steps: StepResult[] = [];
  const run = async (users: number) => {
    const step = await driver.runStep(
      {
        users,
        rampSeconds: options.rampSeconds,
        durationSeconds: options.durationSeconds,
        p95LimitMs: options.p95LimitMs,
      },
      log,
    );
    steps.push(step);
    await new Promise((resolve) => setTimeout(resolve, options.pauseSeconds * 1000));
    return step.passed;
  };
  let passed: number | null = null;
  let failed: number | null = null;
  for (let users = options.startUsers; ; users *= 2) {
    const capped = Math.min(users, options.maxUsers);
    if (await run(capped)) passed = capped;
    else {
      failed = capped;
      break;
    }
    if (capped >= options.maxUsers) break;
  }
  for (let i = 0; i < options.refinements && failed !== null; i++) {
    const low = passed ?? 0;
    const middle = Math.round((low + failed) / 2 / 10) * 10;
    if (middle <= low || middle >= failed) break;
    if (await run(middle)) passed = middle;
    else failed = middle;
  }
  return { steps, maxUsers: passed, capped: failed === null };
}
