import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Database } from '../../src/platform/db/database.ts';
import { templateDatabaseName } from './template.ts';

/** The test run's PostgreSQL server (test/global-setup.ts): embedded, or .ci/run's external one. */
export function testServerUrl(): string {
  const url = process.env.OBIEG_TEST_DATABASE_URL;
  if (!url) throw new Error('OBIEG_TEST_DATABASE_URL is unset: run the tests through vitest');
  return url;
}

/** A new database copied from the migrated template (or empty); returns its connection string. */
export async function createTemplateCopy(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = testServerUrl();
  const name = `obieg_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      `create database ${name} template ${options.empty ? 'template0' : templateDatabaseName()}`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // Without FORCE: a connection the test file left open (a query still running when its pool
    // closed) is not killed under it; the database then stays until the run's server goes.
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name}`).catch(() => {});
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A fresh, migrated database for one test file, on the run's server; dropped on close. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<Database> {
  const copy = await createTemplateCopy(options);
  const database = await openPostgres(copy.url, 20);
  return {
    ...database,
    close: async () => {
      await database.close();
      await copy.drop();
    },
  };
}
