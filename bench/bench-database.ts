import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openEmbedded, openPostgres, type Database, type Db } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';

/**
 * Where a benchmark keeps its data: `embedded`, the PostgreSQL server Obieg starts itself in
 * `<dataDir>/pg` (what `obieg serve` does with OBIEG_DATA_DIR only), or `postgres`, a database
 * on an external server (scripts/test-postgres.sh --durable). Both keep PostgreSQL's defaults.
 */
export type Engine = 'embedded' | 'postgres';

export interface BenchTarget {
  engine: Engine;
  /** OBIEG_DATA_DIR of the server: the embedded cluster's pg/ and the file store's files/. */
  dataDir: string;
  /** External PostgreSQL only: connection string of the benchmark's own database. */
  databaseUrl?: string;
}

/**
 * Opens the target's database and migrates it. On `embedded` this starts the server in the
 * data directory (or joins the running one as a guest); `close()` stops it if this process owns it.
 */
export async function openBenchDatabase(target: BenchTarget, poolSize = 10): Promise<Database> {
  const database =
    target.engine === 'postgres'
      ? await openPostgres(target.databaseUrl!, poolSize)
      : await openEmbedded(target.dataDir, { poolSize });
  await migrateToLatest(database.db);
  return database;
}

/** What the server under test says about itself, and how much the office holds. */
export interface ServerSettings {
  version: string;
  fsync: string;
  synchronousCommit: string;
  volume: { letters: number; cases: number; outgoing: number; files: number; filesMb: number };
}

export async function readServerSettings(db: Db): Promise<ServerSettings> {
  const show = async (name: 'fsync' | 'synchronous_commit' | 'server_version') =>
    (await sql<Record<string, string>>`show ${sql.raw(name)}`.execute(db)).rows[0]![name]!;
  const count = async (table: 'incoming_items' | 'cases' | 'outgoing_items' | 'files') =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!
        .n,
    );
  const bytes = await sql<{
    b: string | null;
  }>`select coalesce(sum(size_bytes), 0) as b from files`.execute(db);
  return {
    version: await show('server_version'),
    fsync: await show('fsync'),
    synchronousCommit: await show('synchronous_commit'),
    volume: {
      letters: await count('incoming_items'),
      cases: await count('cases'),
      outgoing: await count('outgoing_items'),
      files: await count('files'),
      filesMb: Math.round(Number(bytes.rows[0]!.b ?? 0) / 1024 / 1024),
    },
  };
}

/** The postmaster's pid of a server whose data directory this process can read (else null). */
export function postmasterPid(clusterDir: string): number | null {
  try {
    const line = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number(line);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
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
