import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Repository functions take either the root handle or a transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** Embedded only: a copy of the whole data directory (test templates, backups). */
  dump?: () => Promise<Blob>;
}

// The same value types on both engines: DATE stays a 'YYYY-MM-DD' string, BIGINT/NUMERIC become numbers.
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
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Embedded PostgreSQL. `dataDir` undefined = in memory (tests). */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [DATE_OID]: keepString, [INT8_OID]: Number, [NUMERIC_OID]: Number },
  });
  const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    dump: async () => (await pglite.dumpDataDir('none')) as Blob,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export async function openDatabase(settings: {
  DATABASE_URL?: string | undefined;
  OBIEG_DATA_DIR: string;
  OBIEG_DB_POOL_SIZE?: number;
}): Promise<Database> {
  if (settings.DATABASE_URL)
    return openPostgres(settings.DATABASE_URL, settings.OBIEG_DB_POOL_SIZE);
  return openPglite(path.join(settings.OBIEG_DATA_DIR, 'db'));
}
