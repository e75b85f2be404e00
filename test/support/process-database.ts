import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/database.ts';
import { pgliteTemplatePath } from './template.ts';

/**
 * A database that a child process (`node bin/obieg.js …`) can open by its settings: a PGlite data
 * directory started from the migrated template, or, with OBIEG_TEST_DATABASE_URL, a new database
 * on that PostgreSQL server. Open it in the test only while no child has it open (PGlite is one
 * process at a time).
 */
export interface ProcessDatabase {
  /** Settings for the child: OBIEG_DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function createProcessDatabase(): Promise<ProcessDatabase> {
  const serverUrl = process.env.OBIEG_TEST_DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-process-db-'));
  if (!serverUrl) {
    const dir = path.join(dataDir, 'db');
    return {
      env: { OBIEG_DATA_DIR: dataDir },
      open: () =>
        fs.existsSync(dir)
          ? openPglite(dir)
          : openPglite(dir, new Blob([fs.readFileSync(pgliteTemplatePath())])),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `obieg_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { OBIEG_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => openPostgres(url.toString(), 5),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
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
