/**
 * What one API request costs in SQL: for the requests the desk polls most, how many statements
 * each runs and how long it takes, with the authentication every request pays first
 * (`authenticate`: the session, then `loadActor`). Runs in-process against the embedded
 * PostgreSQL (as `obieg serve` starts it, fsync on) or an external PostgreSQL.
 *
 *   npx tsx bench/report/request-anatomy.ts                         # embedded, in a temp directory
 *   scripts/test-postgres.sh sh -c 'npx tsx bench/report/request-anatomy.ts --postgres'
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/platform/db/schema.ts';
import { EMBEDDED_DATABASE, openEmbedded } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { authenticate, login } from '../../src/modules/auth/auth.usecases.ts';
import { listMyNotifications } from '../../src/modules/notifications/notifications.usecases.ts';
import { listMyPendingAssignments } from '../../src/modules/assignments/assignments.usecases.ts';
import { listMyApprovalTasks } from '../../src/modules/approvals/approvals.usecases.ts';
import { listCases } from '../../src/modules/cases/cases.usecases.ts';
import { createPostgresDatabase } from '../bench-database.ts';
import { BENCH_PASSWORD, officePrefix, seedBenchOffice } from '../generator/bench-office.ts';

const { values } = parseArgs({
  options: { postgres: { type: 'boolean', default: false }, n: { type: 'string', default: '300' } },
});
let statements = 0;
const log = (event: { level: string }) => {
  if (event.level === 'query') statements += 1;
};
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1082) return (v: string) => v;
    if (oid === 20 || oid === 1700) return Number;
    return pg.types.getTypeParser(oid, format);
  },
};
let db: Kysely<DB>;
let engine: string;
let cleanup = async () => {};
if (values.postgres) {
  // eslint-disable-next-line no-restricted-properties -- set by scripts/test-postgres.sh
  const server = process.env.OBIEG_TEST_DATABASE_URL;
  if (!server) throw new Error('run under scripts/test-postgres.sh (OBIEG_TEST_DATABASE_URL)');
  const pool = new pg.Pool({
    connectionString: await createPostgresDatabase(server, 'obieg_anatomy'),
    max: 4,
    types,
  });
  db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  engine = 'PostgreSQL';
  cleanup = () => db.destroy();
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-anatomy-'));
  // Started and owned here; a pool of our own on it, so that every statement is counted.
  const embedded = await openEmbedded(dir, { poolSize: 1 });
  const pool = new pg.Pool({
    connectionString: embedded.server!.url(EMBEDDED_DATABASE),
    max: 4,
    types,
  });
  db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  engine = 'embedded PostgreSQL';
  cleanup = async () => {
    await db.destroy();
    await embedded.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
await migrateToLatest(db);
await seedBenchOffice({ db, clock: systemClock }, 1);
const n = Number(values.n);
const session = await login(
  { db, clock: systemClock, sessionHours: 12 },
  { login: `${officePrefix(1)}pracownik1.fn`, password: BENCH_PASSWORD },
);
const deps = { db, clock: systemClock, actor: session.actor };

const rows: Array<{ name: string; statements: number; ms: number }> = [];
const measure = async (name: string, work: () => Promise<unknown>) => {
  for (let i = 0; i < 20; i++) await work();
  statements = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) await work();
  rows.push({ name, statements: statements / n, ms: (performance.now() - started) / n });
};
await measure('authenticate (session + loadActor)', () =>
  authenticate({ db, clock: systemClock }, session.token),
);
await measure('GET /notifications?unread (use case only)', () =>
  listMyNotifications(deps, { unreadOnly: true }),
);
await measure('GET /assignments/mine (use case only)', () => listMyPendingAssignments(deps));
await measure('GET /approvals/mine (use case only)', () => listMyApprovalTasks(deps));
await measure('GET /cases?mine (use case only)', () =>
  listCases(deps, { mine: true, status: 'open', limit: 20 }),
);
console.log(`${engine}, ${n} calls each:\n`);
console.log('| what | SQL statements | ms per call |\n|---|---:|---:|');
for (const row of rows) console.log(`| ${row.name} | ${row.statements} | ${row.ms.toFixed(3)} |`);
const auth = rows[0]!;
const desk = rows.slice(1);
const share = desk.map((r) => auth.ms / (auth.ms + r.ms));
console.log(
  `\nAuthentication is ${Math.round(Math.min(...share) * 100)}–${Math.round(Math.max(...share) * 100)} % of the database time of these desk requests.`,
);
await cleanup();
