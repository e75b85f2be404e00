import type { Settings } from './config.ts';
import { channelJobs } from './modules/channels/channels.jobs.ts';
import { ocrJobs } from './modules/ocr/ocr.jobs.ts';
import { notificationJobs } from './modules/notifications/notifications.jobs.ts';
import { portalJobs } from './modules/portal/portal.jobs.ts';
import { searchJobs } from './modules/search/search.jobs.ts';
import type { PeriodicJob } from './platform/jobs/jobs.ts';
import type { Runtime } from './runtime.ts';

/** The job registry: the periodic work every module declares, run by `serve`'s primary. */
export function backgroundJobs(runtime: Runtime, settings: Settings): PeriodicJob[] {
  const deps = {
    db: runtime.db,
    clock: runtime.clock,
    files: runtime.files,
    logger: runtime.logger,
  };
  return [
    ...notificationJobs(deps, settings),
    ...searchJobs(deps, settings),
    ...ocrJobs(deps, settings),
    ...portalJobs(deps, settings),
    ...channelJobs(deps, settings),
  ];
}
