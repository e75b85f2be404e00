import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import type { FilePool } from '../generator/file-pool.ts';
import type { JrwaMix } from '../generator/jrwa-mix.ts';
import { BENCH_PASSWORD } from '../generator/bench-office.ts';
import { createRandom } from '../generator/random.ts';
import { ApiClient, ApiError } from './http-client.ts';
import { LatencyRecorder, type WindowStats } from './latency-recorder.ts';
import type { LoadPlan } from './load-plan.ts';
import { ROUNDS } from './role-mix.ts';
import { sleep, Stopped, VirtualUser, type LoadSettings } from './virtual-user.ts';

export interface StepOptions {
  users: number;
  rampSeconds: number;
  durationSeconds: number;
  /** The pass criterion: p95 of all requests in the window below this, and no errors. */
  p95LimitMs: number;
}

/** The app's processes, and the PostgreSQL processes beside them. */
export interface ProcessSample {
  rssKb: number | null;
  cpuSeconds: number | null;
  postgresRssKb: number | null;
  postgresCpuSeconds: number | null;
}

export interface StepResult {
  users: number;
  passed: boolean;
  stats: WindowStats;
  /** App resident memory during the window (VmRSS summed over its processes). */
  serverRssKb: { max: number; mean: number } | null;
  /** The same for the PostgreSQL processes (postmaster and backends). */
  postgresRssKb: { max: number; mean: number } | null;
  /** Share of one core the app, PostgreSQL and the load driver used during the window. */
  serverCpuCores: number | null;
  postgresCpuCores: number | null;
  driverCpuCores: number;
  /** Cores busy on the whole machine (server, driver, PostgreSQL, anything else). */
  machineCpuCores: number | null;
  /** Harness failures that are not HTTP errors (a bug in the profile), first few. */
  harnessErrors: string[];
  /** The measured window, in this process's performance.now() milliseconds. */
  windowMs: { start: number; end: number };
}

/**
 * Runs the role mix for a number of users: signs them in (once per VU, outside the measured
 * window), starts them evenly over the ramp-up, measures the steady window, stops them.
 */
export class LoadDriver {
  private readonly tokens = new Map<number, string>();
  readonly recorder = new LatencyRecorder();
  readonly loginRecorder = new LatencyRecorder();
  private readonly client: ApiClient;
  private readonly loginClient: ApiClient;

  constructor(
    baseUrl: URL,
    private readonly plan: LoadPlan,
    private readonly settings: LoadSettings,
    private readonly jrwa: JrwaMix,
    private readonly files: FilePool,
    private readonly sampleServer: () => ProcessSample,
  ) {
    this.client = new ApiClient(baseUrl, this.recorder);
    this.loginClient = new ApiClient(baseUrl, this.loginRecorder);
    this.loginRecorder.startWindow();
  }

  close() {
    this.client.close();
    this.loginClient.close();
  }

  /** Signs in VUs 0..count-1 that have no session yet, four at a time. */
  async ensureSessions(count: number): Promise<void> {
    let next = 0;
    const worker = async () => {
      for (let vu = next++; vu < count; vu = next++) {
        if (this.tokens.has(vu)) continue;
        const { user } = this.plan.identity(vu);
        const result = await this.loginClient.request('POST /auth/login', 'POST', '/auth/login', {
          json: { login: user.login, password: BENCH_PASSWORD },
        });
        this.tokens.set(vu, result.json<{ token: string }>().token);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }

  async runStep(options: StepOptions, log: (line: string) => void): Promise<StepResult> {
    this.plan.setActive(options.users);
    await this.ensureSessions(options.users);
    const controller = new AbortController();
    // Every sleeping VU listens for the end of the step.
    setMaxListeners(0, controller.signal);
    const harnessErrors: string[] = [];
    const loops: Array<Promise<void>> = [];
    const startVu = (vu: number) => {
      const user = new VirtualUser(
        this.plan.identity(vu),
        this.tokens.get(vu)!,
        createRandom(7_000_003 * (vu + 1)),
        this.plan,
        this.client,
        this.settings,
        this.jrwa,
        this.files,
        controller.signal,
      );
      loops.push(runLoop(user, controller.signal, harnessErrors));
    };
    const rampMs = options.rampSeconds * 1000;
    const starters: NodeJS.Timeout[] = [];
    for (let vu = 0; vu < options.users; vu++) {
      starters.push(setTimeout(() => startVu(vu), (vu / options.users) * rampMs));
    }
    await sleep(rampMs + 50, new AbortController().signal);

    const rss: number[] = [];
    const postgresRss: number[] = [];
    const before = this.sampleServer();
    const driverBefore = process.cpuUsage();
    const sampler = setInterval(() => {
      const sample = this.sampleServer();
      if (sample.rssKb !== null) rss.push(sample.rssKb);
      if (sample.postgresRssKb !== null) postgresRss.push(sample.postgresRssKb);
    }, 1000);
    const windowStart = performance.now();
    const machineBefore = readCpuTicks();
    this.recorder.startWindow();
    await sleep(options.durationSeconds * 1000, new AbortController().signal);
    this.recorder.stopWindow();
    const windowEnd = performance.now();
    const machineAfter = readCpuTicks();
    clearInterval(sampler);
    const after = this.sampleServer();
    const driverCpu = process.cpuUsage(driverBefore);
    const stats = this.recorder.summary();

    controller.abort();
    for (const timer of starters) clearTimeout(timer);
    await Promise.race([Promise.all(loops), sleep(30_000, new AbortController().signal)]);
    const passed =
      stats.errors === 0 &&
      harnessErrors.length === 0 &&
      stats.requests > 0 &&
      stats.p95 < options.p95LimitMs;
    const windowSeconds = stats.seconds;
    const result: StepResult = {
      users: options.users,
      passed,
      stats,
      serverRssKb: maxAndMean(rss),
      postgresRssKb: maxAndMean(postgresRss),
      serverCpuCores:
        before.cpuSeconds !== null && after.cpuSeconds !== null
          ? (after.cpuSeconds - before.cpuSeconds) / windowSeconds
          : null,
      postgresCpuCores:
        before.postgresCpuSeconds !== null && after.postgresCpuSeconds !== null
          ? (after.postgresCpuSeconds - before.postgresCpuSeconds) / windowSeconds
          : null,
      driverCpuCores: (driverCpu.user + driverCpu.system) / 1e6 / windowSeconds,
      machineCpuCores:
        machineBefore && machineAfter
          ? (machineAfter.busy - machineBefore.busy) / CLOCK_TICKS / windowSeconds
          : null,
      harnessErrors,
      windowMs: { start: windowStart, end: windowEnd },
    };
    log(
      `  ${String(options.users).padStart(5)} users: ${stats.throughput.toFixed(1)} req/s, p50 ${stats.p50.toFixed(0)} ms, p95 ${stats.p95.toFixed(0)} ms, p99 ${stats.p99.toFixed(0)} ms, errors ${stats.errors}, CPU cores: app ${result.serverCpuCores?.toFixed(2) ?? '?'}, PostgreSQL ${result.postgresCpuCores?.toFixed(2) ?? '?'}, driver ${result.driverCpuCores.toFixed(2)}, machine ${result.machineCpuCores?.toFixed(2) ?? '?'} → ${passed ? 'pass' : 'FAIL'}`,
    );
    if (stats.errorKinds.length) {
      for (const e of stats.errorKinds.slice(0, 5))
        log(
          `      ${e.count}× ${e.operation} ${e.kind}${e.example ? `: ${e.example.slice(0, 160)}` : ''}`,
        );
    }
    if (harnessErrors.length) log(`      harness: ${harnessErrors.slice(0, 3).join(' | ')}`);
    return result;
  }
}

const CLOCK_TICKS = 100;

const maxAndMean = (values: number[]) =>
  values.length
    ? {
        max: Math.max(...values),
        mean: Math.round(values.reduce((a, b) => a + b, 0) / values.length),
      }
    : null;

/** Busy jiffies of the whole machine (all CPUs), from /proc/stat. */
function readCpuTicks(): { busy: number } | null {
  try {
    const line = /^cpu\s+(.+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!line) return null;
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).map(Number);
    return { busy: user! + nice! + system! + irq! + softirq! + steal! };
  } catch {
    return null;
  }
}

async function runLoop(user: VirtualUser, signal: AbortSignal, harnessErrors: string[]) {
  const round = ROUNDS[user.who.user.role];
  // A person opens the application at some moment of their work, not in step with the others:
  // without this pause a short ramp-up makes every desk load at once.
  try {
    await user.think(0, 6);
  } catch {
    return;
  }
  while (!signal.aborted) {
    try {
      await round(user);
    } catch (error) {
      if (error instanceof Stopped || signal.aborted) return;
      // HTTP errors are already counted by the client; anything else is a harness defect.
      if (!(error instanceof ApiError) && harnessErrors.length < 20) {
        harnessErrors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
      try {
        await user.think();
      } catch {
        return;
      }
    }
  }
}
