import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

/**
 * `node bin/obieg.js serve` as a child process on 127.0.0.1, as an office would run it: its own
 * data directory only (it starts the embedded PostgreSQL in `<dataDir>/pg` itself) or
 * DATABASE_URL (external PostgreSQL). Memory and CPU are read from /proc for the whole process
 * tree: the app (the spawned primary and any HTTP workers it forks) and, beside it, the
 * PostgreSQL processes (the postmaster and its backends).
 */
export interface ServerOptions {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** `serve --demo`: seeds the demo office into an empty database first (cold start). */
  demo?: boolean;
  /** The postmaster's pid of the database under test, when known (read after the start). */
  postgresPid?: () => number | null;
  /** Writes a V8 CPU profile (.cpuprofile) of the server into this directory on exit. */
  cpuProfileDir?: string;
  /** Times every SQL statement (bench/server/query-stats.mjs) and writes the totals here on exit. */
  queryStatsFile?: string;
}

export interface ServerProcess {
  pid: number;
  url: URL;
  /** performance.now() of this process when the server was spawned. */
  spawnedAtMs: number;
  /** Seconds from spawn until /api/v1/health answered 200. */
  startSeconds: number;
  /** VmRSS summed over the app's processes (the primary and its descendants). */
  rssKb(): number | null;
  /** User + system CPU seconds used so far by the app's processes. */
  cpuSeconds(): number | null;
  /** VmRSS summed over the PostgreSQL processes (null: the postmaster is not visible). */
  postgresRssKb(): number | null;
  /**
   * Pss (proportional set size) summed: a page shared by n processes counts 1/n in each, so the
   * node binary mapped by every app process and PostgreSQL's shared buffers count once.
   */
  pssKb(): number | null;
  postgresPssKb(): number | null;
  postgresCpuSeconds(): number | null;
  stop(): Promise<void>;
  /** What the server printed (for diagnosing a failed start). */
  output(): string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CLOCK_TICKS = 100;

export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const args = [
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    ...(options.queryStatsFile ? ['--import', './bench/server/query-stats.mjs'] : []),
    'bin/obieg.js',
    'serve',
    ...(options.demo ? ['--demo'] : []),
  ];
  const env: NodeJS.ProcessEnv = {
    // eslint-disable-next-line no-restricted-properties -- the child inherits PATH, HOME, ...; settings are set below
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(options.port),
    OBIEG_DATA_DIR: options.dataDir,
  };
  delete env.DATABASE_URL;
  if (options.queryStatsFile) env.OBIEG_BENCH_QUERY_STATS = options.queryStatsFile;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on(
    'data',
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
  );
  child.stderr!.on(
    'data',
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new URL(`http://127.0.0.1:${options.port}`);
  await waitForHealth(url, child, exited, () => output);
  const startSeconds = (performance.now() - started) / 1000;
  const pid = child.pid!;
  // The postmaster may end up below the app (a subreaper) or beside it: its tree is counted apart.
  const appProcesses = () => {
    const postmaster = options.postgresPid?.() ?? null;
    const postgres = new Set(postmaster ? processTree(postmaster) : []);
    return processTree(pid).filter((p) => !postgres.has(p));
  };
  return {
    pid,
    url,
    spawnedAtMs: started,
    startSeconds,
    rssKb: () => sumOver(appProcesses(), readRssKb),
    cpuSeconds: () => sumOver(appProcesses(), readCpuSeconds),
    postgresRssKb: () => {
      const postmaster = options.postgresPid?.() ?? null;
      return postmaster ? sumOver(processTree(postmaster), readRssKb) : null;
    },
    pssKb: () => sumOver(appProcesses(), readPssKb),
    postgresPssKb: () => {
      const postmaster = options.postgresPid?.() ?? null;
      return postmaster ? sumOver(processTree(postmaster), readPssKb) : null;
    },
    postgresCpuSeconds: () => {
      const postmaster = options.postgresPid?.() ?? null;
      return postmaster ? sumOver(processTree(postmaster), readCpuSeconds) : null;
    },
    output: () => output,
    stop: () => stopChild(child, exited),
  };
}

async function waitForHealth(
  url: URL,
  child: ChildProcess,
  exited: Promise<number | null>,
  output: () => string,
) {
  let done = false;
  const failure = exited.then((code) => {
    if (!done) throw new Error(`server exited (${code}) before answering:\n${output()}`);
  });
  const deadline = Date.now() + 600_000;
  try {
    for (;;) {
      if (Date.now() > deadline)
        throw new Error(`server did not answer in 10 minutes:\n${output()}`);
      const ok = await Promise.race([health(url), failure.then(() => false)]);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    done = true;
    void child;
  }
}

function health(url: URL): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(new URL('/api/v1/health', url), { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** `pid` and all its descendants, from /proc/<pid>/task/<tid>/children. */
export function processTree(pid: number): number[] {
  const all: number[] = [];
  const pending = [pid];
  while (pending.length) {
    const next = pending.pop()!;
    all.push(next);
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = fs.readFileSync(`/proc/${next}/task/${task}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return all;
}

function sumOver(pids: number[], read: (pid: number) => number | null): number | null {
  let total: number | null = null;
  for (const pid of pids) {
    const value = read(pid);
    if (value !== null) total = (total ?? 0) + value;
  }
  return total;
}

export const readRssKb = (pid: number) => readProcKb(`/proc/${pid}/status`, /^VmRSS:\s+(\d+) kB/m);

export const readPssKb = (pid: number) =>
  readProcKb(`/proc/${pid}/smaps_rollup`, /^Pss:\s+(\d+) kB/m);

function readProcKb(file: string, pattern: RegExp): number | null {
  try {
    const match = pattern.exec(fs.readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
