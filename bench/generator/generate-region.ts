import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.ts';
import type { FileStore } from '../../src/platform/files/file-store.ts';
import { runSearchIndexer } from '../../src/modules/search/search-indexer.ts';
import { runNotificationWorker } from '../../src/modules/notifications/notifications.worker.ts';
import { seedBenchOffice } from './bench-office.ts';
import { createFilePool } from './file-pool.ts';
import { loadJrwaMix } from './jrwa-mix.ts';
import {
  exOfficioLife,
  letterLife,
  loadOfficeActors,
  type GeneratedCounts,
  type LifeContext,
  type OfficeActors,
} from './letter-lifecycle.ts';
import { createRandom } from './random.ts';
import { enrolSigners } from './signers.ts';
import { days, Simulation } from './simulation.ts';

export interface GenerateOptions {
  db: Db;
  files: FileStore;
  /** Offices in the region (M); office 1 is "Urząd Miasta Demo". */
  offices: number;
  /** Length of the simulated period, in calendar days, ending the day before `end`. */
  days: number;
  /** Incoming letters per office per year (a town of ~65,000: 60,000). */
  incomingPerYear: number;
  /** Use-case calls in flight at once, each in its own transaction on the pool. */
  concurrency: number;
  /** Case handlers per unit who get a signing certificate. */
  signersPerUnit: number;
  end: Date;
  seed?: number;
  log: (line: string) => void;
}

export interface GenerateResult {
  offices: number;
  simulatedDays: number;
  from: string;
  to: string;
  counts: GeneratedCounts;
  steps: number;
  failedSteps: number;
  failedLetters: number;
  firstFailures: string[];
  /** How long the search indexer and notification worker needed after the last letter. */
  catchUpSeconds: number;
  setupSeconds: number;
  seconds: number;
  stepsPerSecond: number;
  incomingPerSecond: number;
  signers: number;
}

/**
 * Builds a region of town halls with `days` of their work: offices, people, JRWA, then every
 * letter's life through the use cases, with the search indexer and the notification worker
 * catching up as they would in a running server.
 */
const elapsed = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

export async function generateRegion(options: GenerateOptions): Promise<GenerateResult> {
  const { db, log } = options;
  const end = options.end.getTime();
  const start = end - days(options.days);
  const setupStarted = performance.now();
  const setupClock = { now: () => new Date(start - days(1)) };
  const jrwa = loadJrwaMix();
  const pool = await createFilePool({ scans: 24, letters: 8 });
  log(`  file pool ready in ${elapsed(setupStarted)} s`);
  const offices: OfficeActors[] = [];
  let signers = 0;
  for (let index = 1; index <= options.offices; index++) {
    const officeStarted = performance.now();
    const office = await seedBenchOffice({ db, clock: setupClock }, index);
    const seeded = elapsed(officeStarted);
    if (options.signersPerUnit > 0) {
      signers += (await enrolSigners({ db, clock: setupClock }, office, options.signersPerUnit))
        .length;
    }
    offices.push(await loadOfficeActors(office));
    log(
      `  office ${index}/${options.offices} set up: ${office.users.length} bench people, JRWA, approval paths in ${seeded} s; signers in ${(Number(elapsed(officeStarted)) - Number(seeded)).toFixed(1)} s`,
    );
  }
  const setupSeconds = (performance.now() - setupStarted) / 1000;

  const counts: GeneratedCounts = {
    incoming: 0,
    cases: 0,
    outgoing: 0,
    files: 0,
    documents: 0,
    closed: 0,
  };
  const sim = new Simulation(options.concurrency);
  const ctx: LifeContext = { db, files: options.files, sim, jrwa, pool, end, counts };
  const firstFailures: string[] = [];
  let failedLetters = 0;
  const onError = (error: unknown) => {
    failedLetters += 1;
    if (firstFailures.length < 5)
      firstFailures.push(error instanceof Error ? `${error.message}` : String(error));
  };

  const perOffice = Math.round((options.incomingPerYear * options.days) / 365);
  const random = createRandom(options.seed ?? 65_000);
  const arrivals: Array<{ time: number; office: number; exOfficio: boolean }> = [];
  for (let o = 0; o < offices.length; o++) {
    for (let i = 0; i < perOffice; i++)
      arrivals.push({ time: start + random.next() * (end - start), office: o, exOfficio: false });
    // 55,000 cases a year from 60,000 letters: ~50,000 start from a letter, ~5,000 ex officio.
    for (let i = 0; i < Math.round(perOffice / 12); i++)
      arrivals.push({ time: start + random.next() * (end - start), office: o, exOfficio: true });
  }
  arrivals.sort((a, b) => a.time - b.time);

  const started = performance.now();
  const simClock = { now: () => new Date(Math.max(sim.now, start)) };
  // The outbox consumers run beside the letters as in a serving process: each on its own,
  // never overlapping itself, pausing 2 s when caught up.
  let generating = true;
  const consumerErrors: string[] = [];
  const consume = async (work: () => Promise<unknown>) => {
    while (generating) {
      await work().catch((error: unknown) => {
        if (consumerErrors.length < 5) consumerErrors.push(String(error));
      });
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  const indexSearch = () => runSearchIndexer({ db, clock: simClock, files: options.files });
  const notify = () => runNotificationWorker({ db, clock: simClock }, { notifyDays: 3 });
  const consumers = [consume(indexSearch), consume(notify)];
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    log(
      `  ${new Date(sim.now || start).toISOString().slice(0, 10)}  incoming ${counts.incoming}  cases ${counts.cases}  outgoing ${counts.outgoing}  files ${counts.files}  | ${sim.stepsDone} use-case calls, ${(sim.stepsDone / seconds).toFixed(0)}/s`,
    );
  }, 5000);

  sim.spawn(async () => {
    for (const arrival of arrivals) {
      await sim.step(arrival.time, async () => {});
      const actors = offices[arrival.office]!;
      const life = createRandom(Math.floor(arrival.time) ^ (arrival.office * 7919));
      sim.spawn(
        () =>
          arrival.exOfficio
            ? exOfficioLife(ctx, actors, life, arrival.time)
            : letterLife(ctx, actors, life, arrival.time),
        onError,
      );
    }
  }, onError);
  await sim.finished();
  clearInterval(progress);
  const lettersDone = performance.now();
  generating = false;
  await Promise.all(consumers);
  await indexSearch();
  await notify();
  const catchUpSeconds = (performance.now() - lettersDone) / 1000;
  log(`  outbox consumers caught up ${catchUpSeconds.toFixed(1)} s after the last letter`);
  // People read their notifications: whatever is older than a week has been seen. There is no
  // bulk use case for this (marking read leaves no record), so it is one UPDATE.
  await sql`update notifications set read_at = created_at + interval '1 day'
    where read_at is null and created_at < ${new Date(end - days(7))}`.execute(db);
  const seconds = (performance.now() - started) / 1000;
  return {
    offices: options.offices,
    simulatedDays: options.days,
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
    counts,
    steps: sim.stepsDone,
    failedSteps: sim.stepsFailed,
    failedLetters,
    firstFailures: [...firstFailures, ...consumerErrors],
    catchUpSeconds,
    setupSeconds,
    seconds,
    stepsPerSecond: sim.stepsDone / seconds,
    incomingPerSecond: counts.incoming / seconds,
    signers,
  };
}
