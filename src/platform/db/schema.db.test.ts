import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate.ts';
import { schemaColumns } from './schema-columns.ts';
import { createTestDatabase } from '../../../test/support/database.ts';

describe('migrations and schema', () => {
  it('apply in order to an empty database, and a second run changes nothing', async () => {
    const database = await createTestDatabase({ empty: true });
    try {
      const first = await migrateToLatest(database.db);
      expect(first.results?.map((r) => r.status).every((s) => s === 'Success')).toBe(true);
      expect(first.results?.length).toBeGreaterThanOrEqual(3);
      const second = await migrateToLatest(database.db);
      expect(second.results).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('match the table types the code is written against (no drift)', async () => {
    const database = await createTestDatabase();
    try {
      const { rows } = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and table_name not like 'schema_migrations%'
        order by table_name, column_name`.execute(database.db);
      const actual: Record<string, string[]> = {};
      for (const row of rows) (actual[row.table_name] ??= []).push(row.column_name);
      const expected = Object.fromEntries(
        Object.entries(schemaColumns).map(([table, columns]) => [
          table,
          Object.keys(columns).sort(),
        ]),
      );
      expect(actual).toEqual(expected);
    } finally {
      await database.close();
    }
  });
});
