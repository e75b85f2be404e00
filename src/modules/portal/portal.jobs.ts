import type { Settings } from '../../config.ts';
import type { PeriodicJob } from '../../platform/jobs/jobs.ts';
import type { PortalDeps } from './portal-account.ts';
import { portalSettingsFrom } from './portal-setup.ts';
import { runPortalWorker } from './portal.worker.ts';

/** Interrupted registrations, letters not downloaded, old status-lookup attempts. */
export function portalJobs(
  deps: Omit<PortalDeps, 'portal' | 'sealPassword'>,
  settings: Settings,
): PeriodicJob[] {
  const portalDeps: PortalDeps = {
    ...deps,
    sealPassword: settings.OBIEG_SEAL_PASSWORD,
    portal: portalSettingsFrom(settings),
  };
  return [
    {
      name: 'portal worker',
      intervalSeconds: settings.OBIEG_PORTAL_WORKER_INTERVAL_S,
      run: () => runPortalWorker(portalDeps),
    },
  ];
}
