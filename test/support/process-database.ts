import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgres, type Database } from '../../src/platform/db/database.ts';
import { createTemplateCopy } from './database.ts';

/**
 * A database that a child process (`node bin/obieg.js …`) opens by its settings: a new migrated
 * database on the test run's server (DATABASE_URL) and a data directory for its files. The test
 * and its children may have it open at the same time.
 */
export interface ProcessDatabase {
  /** Settings for the child: OBIEG_DATA_DIR and DATABASE_URL. */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function createProcessDatabase(): Promise<ProcessDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-process-db-'));
  const copy = await createTemplateCopy();
  return {
    env: { OBIEG_DATA_DIR: dataDir, DATABASE_URL: copy.url },
    open: () => openPostgres(copy.url, 5),
    drop: async () => {
      await copy.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The child's environment: ours without DATABASE_URL, plus the database's settings. */
export function childEnv(database: ProcessDatabase, extra: Record<string, string> = {}) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return { ...env, ...database.env, ...extra };
}
