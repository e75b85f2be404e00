import type { Logger } from 'pino';

/**
 * Periodic work a module declares in its `*.jobs.ts` (the search indexer, the notification
 * worker, the portal worker, the channels gateway), each with its own interval setting. The
 * process that runs background work (`serve`'s primary) starts the registry of all of them.
 */
export interface PeriodicJob {
  /** Names the job in the log when a run fails. */
  name: string;
  /** Seconds between runs, from the module's own setting; 0 = never (e.g. on extra app nodes). */
  intervalSeconds: number;
  run(): Promise<unknown>;
  /** Called at shutdown before the run in progress is awaited (e.g. to abort its requests). */
  interrupt?(): void;
}

/**
 * Runs each job every `intervalSeconds` without overlapping runs of the same job; a failure is
 * logged and the next run tries again. `stop` waits for the runs in progress.
 */
export function startJobs(jobs: readonly PeriodicJob[], logger?: Pick<Logger, 'error'>) {
  const running = jobs.map((job) => startPeriodic(job, logger));
  return {
    stop: async () => {
      for (const job of jobs) job.interrupt?.();
      await Promise.all(running.map((job) => job.stop()));
    },
  };
}

function startPeriodic(job: PeriodicJob, logger?: Pick<Logger, 'error'>) {
  if (job.intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = job
      .run()
      .catch((error: unknown) => logger?.error({ err: error }, `${job.name} failed`))
      .finally(() => (running = null));
  }, job.intervalSeconds * 1000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
