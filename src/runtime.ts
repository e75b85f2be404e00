import path from 'node:path';
import pino from 'pino';
import { createApp } from './app.ts';
import type { Settings } from './config.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createDiskFileStore } from './platform/files/file-store.ts';
import { buildPortalOptions } from './modules/portal/portal-setup.ts';

/** Everything a process of Obieg needs, built once from the settings (the composition root). */
export async function openRuntime(
  settings: Settings,
  options: { clock?: Clock; migrate?: boolean } = {},
) {
  const logger = pino({ level: settings.LOG_LEVEL, base: undefined });
  const database: Database = await openDatabase(settings);
  if (options.migrate !== false) await migrateToLatest(database.db);
  const maxBytes = settings.OBIEG_MAX_FILE_MB * 1024 * 1024;
  const files = createDiskFileStore(path.join(settings.OBIEG_DATA_DIR, 'files'), maxBytes);
  const deps = {
    db: database.db,
    clock: options.clock ?? systemClock,
    files,
    logger,
    sessionHours: settings.OBIEG_SESSION_HOURS,
    trustProxy: settings.OBIEG_TRUST_PROXY || settings.OBIEG_PORTAL_TRUST_PROXY,
    sealPassword: settings.OBIEG_SEAL_PASSWORD,
  };
  return {
    ...deps,
    database,
    /** `demo`: `serve --demo`, where the portal signs citizens in through a demo identity provider. */
    createApp: async (options: { demo?: boolean } = {}) =>
      createApp(deps, {
        maxBodyBytes: maxBytes + 1024 * 1024,
        portal: await buildPortalOptions(settings, deps, options),
      }),
    close: () => database.close(),
  };
}

export type Runtime = Awaited<ReturnType<typeof openRuntime>>;
