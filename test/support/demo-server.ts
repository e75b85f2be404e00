import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { seedDemoActivity } from '../../src/demo/demo-activity.ts';
import { seedDemoOffice, type DemoOffice } from '../../src/demo/demo-office.ts';
import { seedDemoSigning } from '../../src/demo/demo-signing.ts';
import { runSearchIndexer } from '../../src/modules/search/search-indexer.ts';
import type { Actor } from '../../src/platform/actor/actor.ts';
import { systemClock, type Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { createDiskFileStore, type FileStore } from '../../src/platform/files/file-store.ts';
import { createTestDatabase } from './database.ts';

export interface DemoServer {
  /** http://127.0.0.1:PORT — the web UI (web/dist) and the API under /api/v1. */
  url: string;
  demo: DemoOffice;
  /**
   * The server's database and file store, for what happens outside the browser: a test runs a
   * pass of the channels gateway against them, as `serve` does every few seconds.
   */
  db: Db;
  files: FileStore;
  /** Use-case dependencies acting as a demo login, to set up what a test is not about. */
  as(login: string): Promise<{ db: Db; clock: Clock; actor: Actor }>;
  /** One run of the search indexer, which `serve` runs in the background every few seconds. */
  indexSearch(): Promise<number>;
  close(): Promise<void>;
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The real server over HTTP, in this process, on 127.0.0.1 and a free port: a fresh test database
 * with the demo office and its signing certificates, a throw-away file store and the system
 * clock (the browser fills in "now" for received times, so both must agree), or a test's clock
 * for what happens over years (the archive).
 */
export async function startDemoServer(
  options: { activity?: boolean; clock?: Clock } = {},
): Promise<DemoServer> {
  const database = await createTestDatabase();
  const deps = { db: database.db, clock: options.clock ?? systemClock };
  const demo = await seedDemoOffice(deps);
  if (options.activity) await seedDemoActivity(deps, demo);
  await seedDemoSigning(deps, demo);
  const fileDir = mkdtempSync(path.join(os.tmpdir(), 'obieg-browser-files-'));
  const files = createDiskFileStore(fileDir, MAX_FILE_BYTES);
  const app = createApp(
    {
      ...deps,
      files,
      logger: pino({ level: 'silent' }),
      sessionHours: 12,
    },
    { maxBodyBytes: MAX_FILE_BYTES + 1024 * 1024 },
  );
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    demo,
    db: database.db,
    files,
    as: async (login) => ({ ...deps, actor: await demo.actor(login) }),
    indexSearch: () => runSearchIndexer({ ...deps, files }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Browsers keep connections alive; end them so that close() does not wait for a timeout.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
      await database.close();
      rmSync(fileDir, { recursive: true, force: true });
    },
  };
}
