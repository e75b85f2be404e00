/**
 * EXPLAIN ANALYZE of what the load profile's screens run, on a generated region in PostgreSQL:
 * the read use cases are called as bench people, every SQL statement they issue is captured
 * (Kysely's query log) and explained with its parameters. Flags sequential scans of big tables.
 *
 *   scripts/test-postgres.sh sh -c 'npx tsx bench/generate.ts --data-dir /tmp/r \
 *     --database-url "$OBIEG_TEST_DATABASE_URL" --days 60 && \
 *     npx tsx bench/report/explain-hot-queries.ts --database-url "$OBIEG_TEST_DATABASE_URL"'
 */
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/platform/db/schema.ts';
import { localDate, systemClock } from '../../src/platform/clock.ts';
import { loadActor } from '../../src/modules/org/actor-loader.ts';
import { listMyPendingAssignments } from '../../src/modules/assignments/assignments.usecases.ts';
import { listMyApprovalTasks } from '../../src/modules/approvals/approvals.usecases.ts';
import { getCase, listCases } from '../../src/modules/cases/cases.usecases.ts';
import { getCaseRecord } from '../../src/modules/cases/case-record.usecases.ts';
import { listCaseDocuments } from '../../src/modules/documents/documents.usecases.ts';
import {
  listCaseDeadlines,
  showCaseDeadline,
} from '../../src/modules/case-deadlines/case-deadlines.usecases.ts';
import { listMyNotifications } from '../../src/modules/notifications/notifications.usecases.ts';
import { listIncoming } from '../../src/modules/incoming/incoming.usecases.ts';
import { listPostalQueue } from '../../src/modules/dispatch/dispatch.usecases.ts';
import { searchEverything } from '../../src/modules/search/search.usecases.ts';
import { officePrefix } from '../generator/bench-office.ts';

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, office: { type: 'string', default: '1' } },
});
if (!values['database-url']) {
  console.error('usage: tsx bench/report/explain-hot-queries.ts --database-url URL [--office N]');
  process.exit(2);
}
const captured: CompiledQuery[] = [];
const pool = new pg.Pool({
  connectionString: values['database-url'],
  max: 2,
  types: {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 1082) return (v: string) => v;
      if (oid === 20 || oid === 1700) return Number;
      return pg.types.getTypeParser(oid, format);
    },
  },
});
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') captured.push(event.query);
  },
});
const p = officePrefix(Number(values.office));
const as = async (login: string) => {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', login)
    .executeTakeFirstOrThrow();
  return { db, clock: systemClock, actor: (await loadActor(db, user.id, localDate(new Date())))! };
};

const screens: Array<[string, () => Promise<unknown>]> = [];
const pracownik = await as(`${p}pracownik1.fn`);
const kierownik = await as(`${p}kierownik.fn`);
const kancelaria = await as(`${p}kancelaria1`);
const dyrektor = await as(`${p}dyrektor1`);
const someCase = (await listCases(pracownik, { mine: true, limit: 1 }))[0];
screens.push(
  ['authenticate: loadActor', () => as(`${p}pracownik1.fn`)],
  ['GET /assignments/mine (kierownik)', () => listMyPendingAssignments(kierownik)],
  ['GET /assignments/mine (pracownik)', () => listMyPendingAssignments(pracownik)],
  ['GET /approvals/mine (kierownik)', () => listMyApprovalTasks(kierownik)],
  [
    'GET /notifications?unread (pracownik)',
    () => listMyNotifications(pracownik, { unreadOnly: true }),
  ],
  [
    'GET /deadlines?kind=overdue (kierownik)',
    () => listCaseDeadlines(kierownik, { kind: 'overdue', unitId: kierownik.actor.unitId }),
  ],
  [
    'GET /deadlines?kind=due_soon&mine (pracownik)',
    () => listCaseDeadlines(pracownik, { kind: 'due_soon', withinWorkingDays: 5, mine: true }),
  ],
  [
    'GET /cases?mine&status=open (pracownik)',
    () => listCases(pracownik, { mine: true, status: 'open', limit: 20 }),
  ],
  ['GET /cases?status=open (kierownik)', () => listCases(kierownik, { status: 'open', limit: 50 })],
  ['GET /cases (dyrektor)', () => listCases(dyrektor, { limit: 50 })],
  ['GET /incoming (kancelaria)', () => listIncoming(kancelaria, { limit: 50 })],
  ['GET /outgoing/postal-list (kancelaria)', () => listPostalQueue(kancelaria)],
  ['GET /search?q=podatek (dyrektor)', () => searchEverything(dyrektor, { q: 'podatek' })],
);
if (someCase) {
  screens.push(
    ['GET /cases/{id}', () => getCase(pracownik, someCase.id)],
    ['GET /cases/{id}/record', () => getCaseRecord(pracownik, someCase.id)],
    ['GET /cases/{id}/documents', () => listCaseDocuments(pracownik, someCase.id)],
    ['GET /cases/{id}/deadline', () => showCaseDeadline(pracownik, someCase.id)],
  );
}

const sizes = (
  await pool.query<{ relname: string; n_live_tup: string }>(
    'select relname, n_live_tup from pg_stat_user_tables order by n_live_tup desc limit 12',
  )
).rows;
console.log('Largest tables:', sizes.map((r) => `${r.relname} ${r.n_live_tup}`).join(', '), '\n');
for (const [name, run] of screens) {
  captured.length = 0;
  await run();
  const queries = [...captured];
  let total = 0;
  const lines: string[] = [];
  for (const query of queries) {
    const plan = await pool.query<{ 'QUERY PLAN': unknown }>(
      `explain (analyze, buffers, format json) ${query.sql}`,
      query.parameters as unknown[],
    );
    const root = (
      plan.rows[0]!['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>
    )[0]!;
    total += root['Execution Time'];
    const scans = seqScans(root.Plan).filter((s) => s.rows > 1000);
    lines.push(
      `   ${root['Execution Time'].toFixed(2).padStart(8)} ms  ${query.sql.replace(/\s+/g, ' ').slice(0, 110)}${scans.length ? `\n               ⚠ Seq Scan ${scans.map((s) => `${s.relation} (${s.rows} rows read)`).join(', ')}` : ''}`,
    );
  }
  console.log(`${name}: ${queries.length} queries, ${total.toFixed(2)} ms in PostgreSQL`);
  for (const line of lines) console.log(line);
}
await db.destroy();

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): Array<{ relation: string; rows: number }> {
  const here =
    node['Node Type'] === 'Seq Scan'
      ? [
          {
            relation: node['Relation Name'] ?? '?',
            rows:
              (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'],
          },
        ]
      : [];
  return [...here, ...(node.Plans ?? []).flatMap(seqScans)];
}
