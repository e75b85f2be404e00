import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { localDate, systemClock } from '../src/platform/clock.ts';
import { createDiskFileStore } from '../src/platform/files/file-store.ts';
import { loadActor } from '../src/modules/org/actor-loader.ts';
import { openEmbedded, openPostgres } from '../src/platform/db/database.ts';
import {
  createPostgresDatabase,
  openBenchDatabase,
  postmasterPid,
  readServerSettings,
  type BenchTarget,
  type Engine,
  type ServerSettings,
} from './bench-database.ts';
import type { BenchOptions } from './bench-options.ts';
import { benchUsers, officePrefix } from './generator/bench-office.ts';
import { signerLogins } from './generator/signers.ts';
import { createFilePool } from './generator/file-pool.ts';
import { generateRegion, type GenerateResult } from './generator/generate-region.ts';
import { loadJrwaMix } from './generator/jrwa-mix.ts';
import {
  measureHttpRegistration,
  type HttpRegistrationResult,
} from './ingest/http-registration.ts';
import { measureIngest, type IngestResult } from './ingest/ingest-ratio.ts';
import { ApiClient } from './load/http-client.ts';
import { LatencyRecorder, type WindowStats } from './load/latency-recorder.ts';
import { LoadDriver, type StepResult } from './load/load-driver.ts';
import { LoadPlan, loadOfficeDirectory } from './load/load-plan.ts';
import { searchMaxUsers } from './load/step-search.ts';
import { freePort, loadAverage, waitForQuietMachine } from './machine.ts';
import { summariseProfile, type ProfileSummary } from './report/cpu-profile-summary.ts';
import { summariseStatements, type StatementSummary } from './report/statement-summary.ts';
import { startServer, type ServerProcess } from './server/server-process.ts';

export interface EngineResult {
  engine: Engine;
  /** `select version()` of the server under test. */
  databaseVersion: string;
  /** As the server under test reports them (show fsync, ...), and the volume it holds then. */
  settings: ServerSettings;
  think: BenchOptions['think'];
  startedAt: string;
  seconds: number;
  /** How quiet the machine was: 1-min load averages and cores busy (3 s sample) before each part. */
  machineLoad: {
    start: { loadAverage: number[]; busyCores: number | null };
    beforeLoadTest: { loadAverage: number[]; busyCores: number | null };
    endLoadAverage: number[];
  };
  start: {
    /**
     * Empty data directory / database until /health answers: on `embedded` initdb, the server's
     * start, migrations and the demo office; on `postgres` migrations and the demo office.
     */
    coldSeconds: number | null;
    /** The same data again: opening the database until /health answers (quick: once, full: mean of three). */
    warmSeconds: number | null;
    warmRuns: number[];
    /** Start on the generated region (before the load test). */
    generatedDataSeconds: number;
  };
  /** VmRSS summed over the app's processes; `postgres*` over the PostgreSQL processes. */
  memory: {
    /** VmRSS of the app a few seconds after a cold start with the demo office. */
    idleDemoKb: number | null;
    /** VmRSS idle on the generated data, before the load test. */
    idleDataKb: number | null;
    /** Highest VmRSS during any load step, and during the step with the most passing users. */
    loadMaxKb: number | null;
    atMaxUsersKb: number | null;
    postgresIdleDemoKb: number | null;
    postgresIdleDataKb: number | null;
    postgresLoadMaxKb: number | null;
    /** The same idle moments in Pss (shared pages divided among the processes sharing them). */
    idleDemoPssKb?: number | null;
    idleDataPssKb?: number | null;
    postgresIdleDemoPssKb?: number | null;
    postgresIdleDataPssKb?: number | null;
  };
  generation: GenerateResult;
  ingest: IngestResult;
  /** Registration through the HTTP API of the server under test (null: --http-letters 0). */
  http: HttpRegistrationResult | null;
  /** The same letters as one multipart POST /incoming each (letter and text together). */
  httpOneRequest?: HttpRegistrationResult | null;
  load: {
    think: BenchOptions['think'];
    thinkFactor: number;
    p95LimitMs: number;
    rampSeconds: number;
    durationSeconds: number;
    maxUsers: number | null;
    capped: boolean;
    steps: StepResult[];
    confirmation: StepResult | null;
    login: WindowStats;
  };
  /** Where the server spent its CPU during the measured windows (with --cpu-prof). */
  cpuProfile: { file: string; summary: ProfileSummary } | null;
  /** With --cpu-prof: where the server's database time went, per SQL statement text. */
  statements: StatementSummary | null;
}

export async function runEngine(
  engine: Engine,
  options: BenchOptions,
  log: (line: string) => void,
  serverUrl?: string,
): Promise<EngineResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadStart = await waitForQuietMachine(options.maxLoad, 15, log);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `obieg-bench-${engine}-`));
  // As root, the embedded PostgreSQL runs as the `postgres` user, which must enter the folder.
  fs.chmodSync(scratch, 0o711);
  const target = async (name: string): Promise<BenchTarget> => {
    const dataDir = path.join(scratch, name);
    fs.mkdirSync(dataDir, { recursive: true });
    if (engine === 'embedded') return { engine, dataDir };
    return {
      engine,
      dataDir,
      databaseUrl: await createPostgresDatabase(serverUrl!, `obieg_bench_${name}`),
    };
  };
  let port = await freePort(3300 + (process.pid % 50));
  const serve = async (
    t: BenchTarget,
    extra: { demo?: boolean; cpuProfileDir?: string; queryStatsFile?: string } = {},
  ) => {
    port = await freePort(port + 1);
    const clusterDir =
      engine === 'embedded' ? path.join(t.dataDir, 'pg') : await externalClusterDir(serverUrl!);
    return startServer({
      port,
      dataDir: t.dataDir,
      ...(t.databaseUrl ? { databaseUrl: t.databaseUrl } : {}),
      postgresPid: () => (clusterDir ? postmasterPid(clusterDir) : null),
      ...extra,
    });
  };

  try {
    // 1. Cold and warm start, memory of an idle app and its PostgreSQL with the demo office.
    log(
      `[${engine}] cold start (empty ${engine === 'embedded' ? 'data directory: initdb' : 'database'}, migrations, demo office) and warm start`,
    );
    const cold = await target('cold');
    const coldServer = await serve(cold, { demo: true });
    const coldSeconds = coldServer.startSeconds;
    await pause(3);
    await waitForDemoSigning(coldServer);
    const idleDemoKb = coldServer.rssKb();
    const postgresIdleDemoKb = coldServer.postgresRssKb();
    const idleDemoPssKb = coldServer.pssKb();
    const postgresIdleDemoPssKb = coldServer.postgresPssKb();
    await coldServer.stop();
    const warmRuns: number[] = [];
    for (let i = 0; i < (options.profile === 'full' ? 3 : 1); i++) {
      const again = await serve(cold);
      warmRuns.push(again.startSeconds);
      await again.stop();
    }
    const warmSeconds = warmRuns.reduce((a, b) => a + b, 0) / warmRuns.length;
    log(
      `  cold ${coldSeconds.toFixed(2)} s, warm ${warmRuns.map((s) => s.toFixed(2)).join(' / ')} s, idle RSS app ${kb(idleDemoKb)}, PostgreSQL ${kb(postgresIdleDemoKb)} (Pss ${kb(idleDemoPssKb)} / ${kb(postgresIdleDemoPssKb)})`,
    );

    // 2. The region's data, through the use cases; then the ingest ratio on the same database.
    log(
      `[${engine}] generating ${options.offices} office(s) × ${options.days} days at ${options.incomingPerYear} letters/year`,
    );
    const region = await target('region');
    const concurrency = 6;
    const database = await openBenchDatabase(region, concurrency + 4);
    let generation: GenerateResult;
    let ingest: IngestResult;
    try {
      const files = createDiskFileStore(path.join(region.dataDir, 'files'), 100 * 1024 * 1024);
      generation = await generateRegion({
        db: database.db,
        files,
        offices: options.offices,
        days: options.days,
        incomingPerYear: options.incomingPerYear,
        concurrency,
        signersPerUnit: options.signersPerUnit,
        end: new Date(),
        log,
      });
      log(
        `  generated in ${generation.seconds.toFixed(1)} s (+${generation.setupSeconds.toFixed(1)} s setup): ${JSON.stringify(generation.counts)}, ${generation.stepsPerSecond.toFixed(0)} use-case calls/s, ${generation.failedLetters} failed letters`,
      );
      for (const failure of generation.firstFailures) log(`    failure: ${failure}`);
      log(
        `[${engine}] ingest ratio: ${options.ingestLetters} letters through registerIncoming vs raw SQL`,
      );
      const kancelaria = await database.db
        .selectFrom('users')
        .select('id')
        .where('login', '=', `${officePrefix(1)}kancelaria1`)
        .executeTakeFirstOrThrow();
      const actor = (await loadActor(database.db, kancelaria.id, localDate(systemClock.now())))!;
      ingest = await measureIngest(
        { db: database.db, actor },
        { letters: options.ingestLetters, concurrency: 8 },
      );
      log(
        `  use case ${ingest.useCase.meanMs.toFixed(2)} ms/letter (${ingest.useCase.perSecond.toFixed(0)}/s), raw ${ingest.raw.meanMs.toFixed(2)} ms (${ingest.raw.perSecond.toFixed(0)}/s): ratio ${ingest.ratio.toFixed(2)}; bulk: use case ×${ingest.useCaseConcurrent.concurrency} ${ingest.useCaseConcurrent.perSecond.toFixed(0)}/s, bulk use case ${ingest.useCaseBatched.perSecond.toFixed(0)}/s, raw batches ${ingest.rawBatched.perSecond.toFixed(0)}/s`,
      );
    } finally {
      // On `embedded` this stops the server: the server under test starts it again itself.
      await database.close();
    }

    // 3. The load test against the server on the region's data.
    const loadBefore = await waitForQuietMachine(options.maxLoad, 15, log);
    log(
      `[${engine}] load test (load average ${loadBefore.loadAverage.join(' ')}, ${loadBefore.busyCores ?? '?'} cores busy before it)`,
    );
    const profileDir = options.cpuProfile ? path.join(scratch, 'cpu-profile') : undefined;
    const queryStatsFile = profileDir ? path.join(scratch, 'query-stats.json') : undefined;
    const server = await serve(
      region,
      profileDir && queryStatsFile ? { cpuProfileDir: profileDir, queryStatsFile } : {},
    );
    const generatedDataSeconds = server.startSeconds;
    await pause(3); // the search indexer catches up with the ingest rows
    const idleDataKb = server.rssKb();
    const postgresIdleDataKb = server.postgresRssKb();
    const idleDataPssKb = server.pssKb();
    const postgresIdleDataPssKb = server.postgresPssKb();
    let load: EngineResult['load'];
    let http: HttpRegistrationResult | null = null;
    let httpOneRequest: HttpRegistrationResult | null = null;
    let settings: ServerSettings;
    let databaseVersion: string;
    try {
      const observer = await observe(region);
      try {
        databaseVersion = (await sql<{ v: string }>`select version() as v`.execute(observer.db))
          .rows[0]!.v;
        load = await loadTest(server, options, log);
        if (options.httpLetters > 0) {
          log(
            `[${engine}] HTTP registration: ${options.httpLetters} letters with a text attachment, 8 in flight`,
          );
          const register = (oneRequest: boolean) =>
            measureHttpRegistration(
              {
                url: server.url,
                login: `${officePrefix(1)}kancelaria1`,
                letters: options.httpLetters,
                oneRequest,
                cpu: () => ({ app: server.cpuSeconds(), postgres: server.postgresCpuSeconds() }),
              },
              log,
            );
          const report = (r: HttpRegistrationResult) =>
            log(
              `  ${r.lettersPerSecond.toFixed(1)} letters/s, app ${r.appCpuMsPerLetter?.toFixed(1) ?? '?'} CPU ms/letter (PostgreSQL ${r.postgresCpuMsPerLetter?.toFixed(1) ?? '?'}), findable p50 ${r.findable.p50Ms.toFixed(0)} / p95 ${r.findable.p95Ms.toFixed(0)} / max ${r.findable.maxMs.toFixed(0)} ms, ${r.findable.over5s} of ${r.findable.sampled} over 5 s, ${r.errors} errors`,
            );
          http = await register(false);
          report(http);
          log(`[${engine}] HTTP registration in one request each (multipart POST /incoming)`);
          httpOneRequest = await register(true);
          report(httpOneRequest);
        }
        settings = await readServerSettings(observer.db);
      } finally {
        await observer.close();
      }
    } finally {
      await server.stop();
    }
    const profileFile = profileDir ? saveProfile(profileDir, options.outDir, engine) : null;
    const cpuProfile = profileFile
      ? {
          file: profileFile,
          summary: summariseProfile(
            JSON.parse(fs.readFileSync(profileFile, 'utf8')) as Parameters<
              typeof summariseProfile
            >[0],
            20,
            load.steps.map((step) => ({
              from: (step.windowMs.start - server.spawnedAtMs) / 1000,
              to: (step.windowMs.end - server.spawnedAtMs) / 1000,
            })),
          ),
        }
      : null;
    const statements = queryStatsFile ? summariseStatements(queryStatsFile, 12) : null;
    const rssMax = load.steps.map((s) => s.serverRssKb?.max ?? 0);
    const postgresRssMax = load.steps.map((s) => s.postgresRssKb?.max ?? 0);
    const best = load.steps.find((s) => s.users === load.maxUsers && s.passed);
    return {
      engine,
      databaseVersion,
      settings,
      think: options.think,
      startedAt,
      seconds: (performance.now() - started) / 1000,
      machineLoad: { start: loadStart, beforeLoadTest: loadBefore, endLoadAverage: loadAverage() },
      start: { coldSeconds, warmSeconds, warmRuns, generatedDataSeconds },
      memory: {
        idleDemoKb,
        idleDataKb,
        loadMaxKb: rssMax.length ? Math.max(...rssMax) : null,
        atMaxUsersKb: best?.serverRssKb?.max ?? null,
        postgresIdleDemoKb,
        postgresIdleDataKb,
        postgresLoadMaxKb: postgresRssMax.length ? Math.max(...postgresRssMax) : null,
        idleDemoPssKb,
        idleDataPssKb,
        postgresIdleDemoPssKb,
        postgresIdleDataPssKb,
      },
      generation,
      ingest,
      http,
      httpOneRequest,
      load,
      cpuProfile,
      statements,
    };
  } finally {
    if (!options.keep) fs.rmSync(scratch, { recursive: true, force: true });
    else log(`  data kept in ${scratch}`);
  }
}

async function loadTest(server: ServerProcess, options: BenchOptions, log: (line: string) => void) {
  const setup = new ApiClient(server.url, new LatencyRecorder());
  const token = async (login: string) =>
    (
      await setup.request('setup', 'POST', '/auth/login', { json: { login, password: 'demo' } })
    ).json<{ token: string }>().token;
  const signers = new Set<string>();
  const offices = [];
  for (let index = 1; index <= options.offices; index++) {
    const directory = await loadOfficeDirectory(setup, index, token);
    offices.push(directory);
  }
  for (const office of offices) {
    for (const login of signerLogins(benchUsers(office.index), options.signersPerUnit))
      signers.add(login);
  }
  setup.close();
  const plan = new LoadPlan(offices);
  const driver = new LoadDriver(
    server.url,
    plan,
    { think: options.think, thinkFactor: options.thinkFactor, signers },
    loadJrwaMix(),
    await createFilePool({ scans: 8, letters: 4 }),
    () => ({
      rssKb: server.rssKb(),
      cpuSeconds: server.cpuSeconds(),
      postgresRssKb: server.postgresRssKb(),
      postgresCpuSeconds: server.postgresCpuSeconds(),
    }),
  );
  try {
    const search = await searchMaxUsers(
      driver,
      {
        startUsers: options.startUsers,
        maxUsers: options.maxUsers,
        rampSeconds: options.rampSeconds,
        durationSeconds: options.durationSeconds,
        p95LimitMs: options.p95LimitMs,
        refinements: options.refinements,
        pauseSeconds: options.profile === 'full' ? 30 : 1,
      },
      log,
    );
    let confirmation: StepResult | null = null;
    if (options.confirm && search.maxUsers) {
      log(
        `  confirmation run at ${search.maxUsers} users: ${options.confirm.rampSeconds} s ramp-up, ${options.confirm.durationSeconds} s`,
      );
      confirmation = await driver.runStep(
        { users: search.maxUsers, ...options.confirm, p95LimitMs: options.p95LimitMs },
        log,
      );
    }
    return {
      think: options.think,
      thinkFactor: options.thinkFactor,
      p95LimitMs: options.p95LimitMs,
      rampSeconds: options.rampSeconds,
      durationSeconds: options.durationSeconds,
      maxUsers: search.maxUsers,
      capped: search.capped,
      steps: search.steps,
      confirmation,
      login: driver.loginRecorder.summary(),
    };
  } finally {
    driver.close();
  }
}

function saveProfile(dir: string, outDir: string, engine: Engine): string | null {
  const file = fs.existsSync(dir)
    ? fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    : undefined;
  if (!file) return null;
  fs.mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, `server-${engine}.cpuprofile`);
  fs.copyFileSync(path.join(dir, file), target);
  return target;
}

/**
 * A second connection to the server under test, to read what it says about itself: on `embedded`
 * this process joins the app's running server as a guest (closing it leaves the server running).
 */
async function observe(target: BenchTarget) {
  return target.engine === 'embedded'
    ? openEmbedded(target.dataDir, { poolSize: 1 })
    : openPostgres(target.databaseUrl!, 1);
}

/** The external server's data directory (for its postmaster.pid), when this process may read it. */
async function externalClusterDir(serverUrl: string): Promise<string | null> {
  const database = await openPostgres(serverUrl, 1);
  try {
    const dir = (await sql<{ data_directory: string }>`show data_directory`.execute(database.db))
      .rows[0]!.data_directory;
    return fs.existsSync(path.join(dir, 'postmaster.pid')) ? dir : null;
  } catch {
    return null;
  } finally {
    await database.close();
  }
}

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const kb = (value: number | null) => (value === null ? '?' : `${Math.round(value / 1024)} MB`);

/**
 * The demo office's signing certificates are made after the port answers, in a short-lived child
 * process of the app's: idle memory is read once it is done (or after 60 s), not while it runs.
 */
async function waitForDemoSigning(server: ServerProcess) {
  const deadline = performance.now() + 60_000;
  while (!/demo signing certificates (ready|failed)/.test(server.output())) {
    if (performance.now() > deadline) return;
    await pause(0.2);
  }
  await pause(1);
}
