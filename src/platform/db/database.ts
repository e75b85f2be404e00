import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from './embedded-postgres.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Repository functions take either the root handle or a transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  /** `embedded`: the PostgreSQL server Obieg started itself in OBIEG_DATA_DIR/pg. */
  kind: 'embedded' | 'postgres';
  /** The embedded server, when this database lives on one. */
  server?: EmbeddedPostgres;
  /** How another app node of this installation reaches the same database. */
  connectionString: string;
  close(): Promise<void>;
}

// Value types as the code expects them: DATE stays a 'YYYY-MM-DD' string, BIGINT/NUMERIC become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const keepString = (value: string) => value;

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === DATE_OID) return keepString;
      if (oid === INT8_OID || oid === NUMERIC_OID) return Number;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', connectionString, close: () => db.destroy() };
}

/** The database of an installation on its embedded server (started here unless already running). */
export async function openEmbedded(
  dataDir: string,
  options: { poolSize?: number; fsync?: boolean } = {},
): Promise<Database> {
  refuseFormerPglite(dataDir);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    ...(options.fsync === undefined ? {} : { fsync: options.fsync }),
  });
  try {
    await ensureDatabase(server, EMBEDDED_DATABASE);
    const database = await openPostgres(server.url(EMBEDDED_DATABASE), options.poolSize);
    return {
      ...database,
      kind: 'embedded',
      server,
      close: async () => {
        await database.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export const EMBEDDED_DATABASE = 'obieg';

/**
 * Obieg 0.1 kept its data in an embedded PGlite under OBIEG_DATA_DIR/db. That directory is never
 * touched: starting on it would open an empty database beside the office's records.
 */
function refuseFormerPglite(dataDir: string) {
  const former = path.join(dataDir, 'db');
  if (fs.existsSync(path.join(former, 'PG_VERSION')) && !fs.existsSync(path.join(dataDir, 'pg'))) {
    throw new Error(
      `W ${former} są dane wcześniejszej wersji Obiegu (PGlite), których ta wersja nie otwiera. ` +
        'Nie zostały zmienione. Przenieś je przez eksport w wersji 0.1 albo wskaż inny OBIEG_DATA_DIR.\n' +
        `${former} holds data of an earlier Obieg (PGlite), which this version does not open. ` +
        'It was left untouched. Carry it over with an export from version 0.1, or choose another OBIEG_DATA_DIR.',
    );
  }
}

export async function openDatabase(settings: {
  DATABASE_URL?: string | undefined;
  OBIEG_DATA_DIR: string;
  OBIEG_DB_POOL_SIZE?: number;
}): Promise<Database> {
  if (settings.DATABASE_URL)
    return openPostgres(settings.DATABASE_URL, settings.OBIEG_DB_POOL_SIZE);
  return openEmbedded(settings.OBIEG_DATA_DIR, {
    ...(settings.OBIEG_DB_POOL_SIZE ? { poolSize: settings.OBIEG_DB_POOL_SIZE } : {}),
  });
}
