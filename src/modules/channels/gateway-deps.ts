import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { backoffDelayMs, type BackoffPolicy } from './backoff.ts';
import type { ChannelClients } from './channel-client.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** How the gateway treats the national services; see the OBIEG_CHANNEL_* settings. */
export interface GatewaySettings {
  /** Messages listed, downloaded or registered per step. */
  pageSize: number;
  /** How long a caught-up mailbox rests before it is listed again. */
  pollIntervalMs: number;
  backoff: BackoffPolicy;
  /** Failed attempts on one message or letter before it goes to the dead letters. */
  maxAttempts: number;
  /** How long a node holds a mailbox; a node that dies releases it when this runs out. */
  leaseMs: number;
  /** How often the proof of delivery of a sent letter is asked for. */
  proofIntervalMs: number;
}

export const DEFAULT_GATEWAY_SETTINGS: GatewaySettings = {
  pageSize: 50,
  pollIntervalMs: 60_000,
  backoff: { baseMs: 1_000, capMs: 15 * 60_000 },
  maxAttempts: 8,
  leaseMs: 120_000,
  proofIntervalMs: 15 * 60_000,
};

export interface GatewayDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  clients: ChannelClients;
  limiter: RateLimiter;
  settings: GatewaySettings;
  /** Names this process in mailbox leases. */
  nodeId: string;
  random?: () => number;
  /** Aborts requests in flight (shutdown). */
  signal?: AbortSignal;
}

/**
 * How long to wait before trying again after `failures` failures in a row: exponential back-off
 * with jitter (the deps' random source in tests), never less than the service's Retry-After.
 */
export function retryDelayMs(deps: GatewayDeps, failures: number, retryAfterMs?: number | null) {
  return backoffDelayMs(failures, deps.settings.backoff, {
    retryAfterMs: retryAfterMs ?? null,
    ...(deps.random ? { random: deps.random } : {}),
  });
}
