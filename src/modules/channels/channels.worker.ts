import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import type { Settings } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { createChannelClients } from './channel-clients.ts';
import type { GatewayDeps } from './gateway-deps.ts';
import { isGatewayIdle, runGatewayPass, sleep } from './gateway.ts';
import { createRateLimiter } from './rate-limiter.ts';

type ChannelSettings = Pick<
  Settings,
  | 'OBIEG_EPUAP_URL'
  | 'OBIEG_EDORECZENIA_URL'
  | 'OBIEG_CHANNEL_POLL_S'
  | 'OBIEG_CHANNEL_PAGE'
  | 'OBIEG_CHANNEL_BACKOFF_BASE_MS'
  | 'OBIEG_CHANNEL_BACKOFF_MAX_S'
  | 'OBIEG_CHANNEL_MAX_ATTEMPTS'
  | 'OBIEG_CHANNEL_LEASE_S'
  | 'OBIEG_CHANNEL_PROOF_POLL_S'
  | 'OBIEG_CHANNEL_TIMEOUT_S'
>;

/** The gateway of a process, built from the settings (`serve` runs it periodically, `channel poll` in a loop). */
export function createGatewayDeps(
  runtime: { db: Db; clock: Clock; files: FileStore; logger: Logger },
  settings: ChannelSettings,
  signal?: AbortSignal,
): GatewayDeps {
  return {
    db: runtime.db,
    clock: runtime.clock,
    files: runtime.files,
    logger: runtime.logger,
    clients: createChannelClients({
      epuapUrl: settings.OBIEG_EPUAP_URL,
      edoreczeniaUrl: settings.OBIEG_EDORECZENIA_URL,
      timeoutMs: settings.OBIEG_CHANNEL_TIMEOUT_S * 1000,
    }),
    limiter: createRateLimiter(),
    settings: {
      pageSize: settings.OBIEG_CHANNEL_PAGE,
      pollIntervalMs: settings.OBIEG_CHANNEL_POLL_S * 1000,
      backoff: {
        baseMs: settings.OBIEG_CHANNEL_BACKOFF_BASE_MS,
        capMs: settings.OBIEG_CHANNEL_BACKOFF_MAX_S * 1000,
      },
      maxAttempts: settings.OBIEG_CHANNEL_MAX_ATTEMPTS,
      leaseMs: settings.OBIEG_CHANNEL_LEASE_S * 1000,
      proofIntervalMs: settings.OBIEG_CHANNEL_PROOF_POLL_S * 1000,
    },
    nodeId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ...(signal ? { signal } : {}),
  };
}

/**
 * Runs gateway passes every `intervalMs` until `signal` aborts, or (untilIdle) until a pass finds
 * nothing left to do. Returns the totals.
 */
export async function pollChannels(
  deps: GatewayDeps,
  options: { intervalMs: number; untilIdle: boolean; signal?: AbortSignal },
) {
  const totals = { listed: 0, downloaded: 0, registered: 0, sent: 0, delivered: 0 };
  while (!options.signal?.aborted) {
    const pass = await runGatewayPass(deps);
    totals.listed += pass.listed;
    totals.downloaded += pass.downloaded;
    totals.registered += pass.registered;
    totals.sent += pass.sent;
    totals.delivered += pass.delivered;
    if (options.untilIdle && (await isGatewayIdle(deps))) break;
    const worked = pass.listed + pass.downloaded + pass.registered + pass.sent + pass.delivered > 0;
    if (!worked) await sleep(options.intervalMs, options.signal);
  }
  return totals;
}
