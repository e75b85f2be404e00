import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { createDiskFileStore, type FileStore } from '../../src/platform/files/file-store.ts';
import { createChannelClients } from '../../src/modules/channels/channel-clients.ts';
import {
  DEFAULT_GATEWAY_SETTINGS,
  type GatewayDeps,
  type GatewaySettings,
} from '../../src/modules/channels/gateway-deps.ts';
import { createRateLimiter } from '../../src/modules/channels/rate-limiter.ts';
import type { ChannelSimulator } from '../../src/modules/channels/simulator/channel-simulator.ts';

/** A throw-away file store for one test file. */
export function testFileStore(name: string): FileStore {
  return createDiskFileStore(
    path.join(os.tmpdir(), `obieg-${name}-${process.pid}-${Date.now()}`),
    20 * 1024 * 1024,
  );
}

/** The gateway talking to the simulator over HTTP, with fast back-off and a seeded jitter. */
export function gatewayFor(
  simulator: ChannelSimulator,
  deps: { db: Db; clock: Clock; files: FileStore },
  overrides: Partial<GatewaySettings> & { nodeId?: string; signal?: AbortSignal } = {},
): GatewayDeps {
  const { nodeId, signal, ...settings } = overrides;
  return {
    ...deps,
    logger: pino({ level: 'silent' }),
    clients: createChannelClients({
      epuapUrl: simulator.epuapUrl,
      edoreczeniaUrl: simulator.edoreczeniaUrl,
      timeoutMs: 10_000,
    }),
    limiter: createRateLimiter(),
    settings: {
      ...DEFAULT_GATEWAY_SETTINGS,
      backoff: { baseMs: 10, capMs: 200 },
      // Tests run on a fixed clock: a caught-up mailbox is due again at once.
      pollIntervalMs: 0,
      ...settings,
    },
    nodeId: nodeId ?? 'test-node',
    random: () => 0.5,
    ...(signal ? { signal } : {}),
  };
}
