import { parseArgs } from 'node:util';
import type { Engine } from './bench-database.ts';
import type { ThinkProfile } from './load/virtual-user.ts';

/**
 * The two profiles. `quick` (npm run bench): a month of one town hall of 65,000 inhabitants
 * (60,000 letters a year) and short load steps. `full` (npm run bench -- --full) is EZD RP's
 * protocol: a year of a town hall, 1-minute ramp + 3-minute steps for the search, then a
 * confirmation run at the found size with a 5-minute ramp-up and 25 minutes of load.
 */
export interface BenchOptions {
  profile: 'quick' | 'full';
  engines: Engine[];
  offices: number;
  days: number;
  incomingPerYear: number;
  signersPerUnit: number;
  ingestLetters: number;
  /** Letters registered through the HTTP API against the server under test (0: skip). */
  httpLetters: number;
  think: ThinkProfile;
  thinkFactor: number;
  startUsers: number;
  maxUsers: number;
  rampSeconds: number;
  durationSeconds: number;
  refinements: number;
  confirm: { rampSeconds: number; durationSeconds: number } | null;
  p95LimitMs: number;
  /** Wait for a 1-minute load average below this before measuring. */
  maxLoad: number;
  outDir: string;
  /** Write a V8 CPU profile of the server during the load test. */
  cpuProfile: boolean;
  keep: boolean;
  /** Internal: this process runs under scripts/test-postgres.sh and writes its engine result here. */
  resultFile?: string;
}

const PROFILES = {
  quick: {
    offices: 1,
    days: 31,
    incomingPerYear: 60000,
    signersPerUnit: 1,
    ingestLetters: 600,
    httpLetters: 2000,
    startUsers: 100,
    maxUsers: 3200,
    rampSeconds: 3,
    durationSeconds: 10,
    refinements: 1,
    confirm: null,
  },
  full: {
    offices: 1,
    days: 365,
    incomingPerYear: 60000,
    signersPerUnit: 3,
    ingestLetters: 3000,
    httpLetters: 20000,
    startUsers: 50,
    maxUsers: 6400,
    rampSeconds: 60,
    durationSeconds: 180,
    refinements: 2,
    confirm: { rampSeconds: 300, durationSeconds: 1500 },
  },
} as const;

export const USAGE = `npm run bench [-- options]
  --full                 EZD RP's protocol and a year of data (hours; see docs/benchmarks.md)
  --engine E             embedded | postgres | both (default both)
  --offices M            offices in the region (default 1)
  --days D               simulated days of work (quick 31, full 365)
  --incoming-per-year N  letters per office and year (default 60000)
  --http-letters N       letters registered over HTTP, 8 in flight (quick 2000, full 20000; 0 skips)
  --think P              ezd (5-10 s kancelaria, 10-25 s others; default) | busy (2-6 s)
  --think-factor F       multiplies think time (default 1)
  --start-users N --max-users N --ramp S --duration S   step search
                         (quick 100 / 3200 / 3 s / 10 s, full 50 / 6400 / 60 s / 180 s)
  --p95 MS               pass limit for p95 (default 250)
  --max-load L           wait for 1-min load average below L (default 1.0)
  --cpu-prof             write a V8 CPU profile of the server under load
  --out DIR              results directory (default bench/results)
  --keep                 keep the temporary data directories`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      full: { type: 'boolean', default: false },
      engine: { type: 'string', default: 'both' },
      offices: { type: 'string' },
      days: { type: 'string' },
      'incoming-per-year': { type: 'string' },
      'http-letters': { type: 'string' },
      think: { type: 'string', default: 'ezd' },
      'think-factor': { type: 'string', default: '1' },
      'start-users': { type: 'string' },
      'max-users': { type: 'string' },
      ramp: { type: 'string' },
      duration: { type: 'string' },
      p95: { type: 'string', default: '250' },
      'max-load': { type: 'string', default: '1.0' },
      'cpu-prof': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results' },
      keep: { type: 'boolean', default: false },
      'result-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const profile = values.full ? 'full' : 'quick';
  const p = PROFILES[profile];
  const number = (value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`not a number: ${value}\n${USAGE}`);
    return n;
  };
  const engines: Engine[] =
    values.engine === 'both'
      ? ['embedded', 'postgres']
      : values.engine === 'embedded' || values.engine === 'postgres'
        ? [values.engine]
        : [];
  if (engines.length === 0)
    throw new Error(`--engine must be embedded, postgres or both\n${USAGE}`);
  if (values.think !== 'ezd' && values.think !== 'busy')
    throw new Error(`--think must be ezd or busy\n${USAGE}`);
  return {
    profile,
    engines,
    offices: number(values.offices, p.offices),
    days: number(values.days, p.days),
    incomingPerYear: number(values['incoming-per-year'], p.incomingPerYear),
    signersPerUnit: p.signersPerUnit,
    ingestLetters: p.ingestLetters,
    httpLetters: number(values['http-letters'], p.httpLetters),
    think: values.think,
    thinkFactor: number(values['think-factor'], 1),
    startUsers: number(values['start-users'], p.startUsers),
    maxUsers: number(values['max-users'], p.maxUsers),
    rampSeconds: number(values.ramp, p.rampSeconds),
    durationSeconds: number(values.duration, p.durationSeconds),
    refinements: p.refinements,
    confirm: p.confirm,
    p95LimitMs: number(values.p95, 250),
    maxLoad: number(values['max-load'], 1),
    outDir: values.out,
    cpuProfile: values['cpu-prof'],
    keep: values.keep,
    ...(values['result-file'] ? { resultFile: values['result-file'] } : {}),
  };
}

/** The same options as command-line arguments, for the PostgreSQL run in its own process. */
export function toArgs(options: BenchOptions): string[] {
  return [
    ...(options.profile === 'full' ? ['--full'] : []),
    '--offices',
    String(options.offices),
    '--days',
    String(options.days),
    '--incoming-per-year',
    String(options.incomingPerYear),
    '--http-letters',
    String(options.httpLetters),
    '--think',
    options.think,
    '--think-factor',
    String(options.thinkFactor),
    '--start-users',
    String(options.startUsers),
    '--max-users',
    String(options.maxUsers),
    '--ramp',
    String(options.rampSeconds),
    '--duration',
    String(options.durationSeconds),
    '--p95',
    String(options.p95LimitMs),
    '--max-load',
    String(options.maxLoad),
    '--out',
    options.outDir,
    ...(options.cpuProfile ? ['--cpu-prof'] : []),
    ...(options.keep ? ['--keep'] : []),
  ];
}
