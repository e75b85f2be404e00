import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../src/app.ts';
import { seedDemoActivity } from '../src/demo/demo-activity.ts';
import { schemaColumns } from '../src/platform/db/schema-columns.ts';
import type { Db } from '../src/platform/db/database.ts';
import { useTestApi } from './support/http.ts';

const api = useTestApi();

/** A digest of every row of every table: any insert, update or delete changes it. */
async function fingerprint(db: Db) {
  const digests: Record<string, string> = {};
  for (const table of Object.keys(schemaColumns)) {
    const { rows } = await sql<{ digest: string }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
      from ${sql.table(table)} t`.execute(db);
    digests[table] = rows[0]!.digest;
  }
  return digests;
}

/** A real id for each path parameter, by the resource the path names. */
async function pathIds(db: Db) {
  const first = async (query: string) =>
    (await sql<{ id: string }>`${sql.raw(query)}`.execute(db)).rows[0]?.id ??
    '00000000-0000-4000-8000-000000000000';
  return {
    cases: await first('select id from cases order by opened_at limit 1'),
    incoming: await first('select incoming_id as id from incoming_files limit 1'),
    incomingFile: await first('select file_id as id from incoming_files limit 1'),
    documents: await first('select id from documents order by created_at limit 1'),
    signature: await first('select id from document_signatures limit 1'),
    outgoing: await first('select id from outgoing_items limit 1'),
    channelsIncoming: await first('select id from incoming_items limit 1'),
  };
}

const REQUIRED_QUERIES: Record<string, string> = {
  '/api/v1/case-lists': `year=2026&jrwaSymbol=3110`,
  '/api/v1/deadlines/compute': 'from=2026-03-02&term=14d',
  '/api/v1/deadlines/holidays': 'year=2026',
  '/api/v1/deadlines': 'kind=due_soon',
  '/api/v1/outgoing': 'year=2026',
  '/api/v1/search': 'q=podatek',
};

describe('reading the API', () => {
  it('no GET of the OpenAPI document writes anything, whoever asks', async () => {
    const db = api.database.db;
    await seedDemoActivity({ db, clock: api.clock }, api.demo);
    const ids = await pathIds(db);
    const clients = await Promise.all(
      ['admin', 'kancelaria', 'kierownik.fn', 'referent.fn'].map((login) => api.login(login)),
    );
    const paths = Object.entries(buildOpenApiDocument(api.app).paths ?? {})
      .filter(([, operations]) => operations && 'get' in operations)
      .map(([path]) => {
        const resource = path.split('/')[3];
        const id =
          resource === 'channels'
            ? ids.channelsIncoming
            : (ids as Record<string, string>)[resource === 'outgoing' ? 'outgoing' : resource!];
        const filled = path
          .replace('{fileId}', ids.incomingFile)
          .replace('{signatureId}', ids.signature)
          .replace('{id}', id ?? ids.cases);
        const query = REQUIRED_QUERIES[path]?.replace(
          'year=2026&',
          `year=2026&unitId=${api.demo.units.FN}&`,
        );
        return query ? `${filled}?${query}` : filled;
      });
    expect(paths.length).toBeGreaterThan(40);

    const before = await fingerprint(db);
    const answered = new Set<number>();
    for (const client of clients) {
      for (const path of paths) answered.add((await client.get(path)).status);
    }
    expect(answered.has(200)).toBe(true);
    expect(await fingerprint(db)).toEqual(before);
  });
});
