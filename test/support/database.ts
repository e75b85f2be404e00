import fs from 'node:fs';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { pgliteTemplatePath } from './template.ts';

/**
 * A fresh, migrated database for one test file: embedded PGlite by default, or a new database on
 * the PostgreSQL server named by OBIEG_TEST_DATABASE_URL (how .ci/run runs the suite again).
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.OBIEG_TEST_DATABASE_URL;
  if (serverUrl) return createPostgresDatabase(serverUrl);
  const template = pgliteTemplatePath();
  if (fs.existsSync(template)) {
    return openPglite(undefined, new Blob([fs.readFileSync(template)]));
  }
  const database = await openPglite();
  await migrateToLatest(database.db);
  return database;
}

async function createPostgresDatabase(serverUrl: string): Promise<Database> {
  const name = `obieg_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 20);
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
