import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSources, readSource } from './table-writes.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** SQL in a piece of TypeScript: a Kysely query builder, a `sql` template, the database module. */
const containsSql = (source: string) =>
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|with)\(|\bsql(?:<[^>]*>)?`|platform\/db\/database\.ts/.test(
    source,
  );

describe('route handlers (*.routes.ts)', () => {
  it('contain no SQL: they call use cases', () => {
    const routes = listSources(root).filter((file) => file.endsWith('.routes.ts'));
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((file) => containsSql(readSource(root, file)))).toEqual([]);
  });

  it('would be caught with a query of their own', () => {
    expect(
      containsSql(`const rows = await deps.db.selectFrom('cases').selectAll().execute();`),
    ).toBe(true);
    expect(containsSql('await sql`update cases set title = ${title}`.execute(db);')).toBe(true);
    expect(containsSql(`return c.json(await listCases(actorDeps(deps, c), query), 200);`)).toBe(
      false,
    );
  });
});
