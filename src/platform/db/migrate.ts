import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';

const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Numbered, hand-written SQL files in src/migrations, applied in order, each in a transaction. */
async function loadSqlMigrations(): Promise<Record<string, Migration>> {
  const files = (await fs.readdir(migrationsDir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const migrations: Record<string, Migration> = {};
  for (const file of files) {
    const text = await fs.readFile(path.join(migrationsDir, file), 'utf8');
    migrations[file.replace(/\.sql$/, '')] = {
      up: async (db) => {
        await sql.raw(text).execute(db);
      },
    };
  }
  return migrations;
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrations = await loadSqlMigrations();
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** Migrations of this version not yet applied to the database (readiness: empty). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const known = Object.keys(await loadSqlMigrations());
  const applied = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
  const done = new Set(applied.rows.map((row) => row.name));
  return known.filter((name) => !done.has(name));
}
