import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

/**
 * Where a benchmark keeps its data: an embedded PGlite in `<dataDir>/db` (what `obieg serve` opens
 * for that data directory), or a new database on a PostgreSQL server.
 */
export type Engine = 'pglite' | 'postgres';

export interface BenchTarget {
  engine: Engine;
  /** OBIEG_DATA_DIR of the server: PGlite's db/ (embedded) and the file store's files/. */
  dataDir: string;
  /** PostgreSQL only: connection string of the benchmark's own database. */
  databaseUrl?: string;
}

export async function openBenchDatabase(target: BenchTarget, poolSize = 10): Promise<Database> {
  const database =
    target.engine === 'postgres'
      ? await openPostgres(target.databaseUrl!, poolSize)
      : await openPglite(path.join(target.dataDir, 'db'));
  await migrateToLatest(database.db);
  return database;
}

/** A fresh, empty database named `name` on the server at `serverUrl`; returns its URL. */
export async function createPostgresDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
