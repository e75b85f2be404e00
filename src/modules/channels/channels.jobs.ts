import type { Logger } from 'pino';
import type { Settings } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { PeriodicJob } from '../../platform/jobs/jobs.ts';
import { runGatewayPass } from './gateway.ts';
import { createGatewayDeps } from './channels.worker.ts';

/** The ePUAP / e-Doręczenia gateway, when a channel is configured; stopping aborts its requests. */
export function channelJobs(
  deps: { db: Db; clock: Clock; files: FileStore; logger: Logger },
  settings: Settings,
): PeriodicJob[] {
  const stop = new AbortController();
  const gatewayDeps = createGatewayDeps(deps, settings, stop.signal);
  return [
    {
      name: 'channels gateway',
      intervalSeconds:
        Object.keys(gatewayDeps.clients).length > 0 ? settings.OBIEG_CHANNEL_INTERVAL_S : 0,
      run: () => runGatewayPass(gatewayDeps),
      interrupt: () => stop.abort(),
    },
  ];
}
