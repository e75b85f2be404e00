import type { Logger } from 'pino';

/**
 * Runs `work` every `intervalSeconds` (0 = never) without overlapping runs; a failure is logged
 * and the next run tries again. Used for the outbox consumers of a serving process.
 */
export function startPeriodic(
  name: string,
  work: () => Promise<unknown>,
  intervalSeconds: number,
  logger?: Pick<Logger, 'error'>,
) {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = work()
      .catch((error: unknown) => logger?.error({ err: error }, `${name} failed`))
      .finally(() => (running = null));
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
