import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

/**
 * `node bin/obieg.js serve` as a child process on 127.0.0.1, as an office would run it: its own
 * data directory (PGlite) or DATABASE_URL (PostgreSQL). The benchmark reads its memory from
 * /proc/<pid>/status and its CPU time from /proc/<pid>/stat.
 */
export interface ServerOptions {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** `serve --demo`: seeds the demo office into an empty database first (cold start). */
  demo?: boolean;
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
  rssKb(): number | null;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number | null;
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
  return {
    pid,
    url,
    spawnedAtMs: started,
    startSeconds,
    rssKb: () => readRssKb(pid),
    cpuSeconds: () => readCpuSeconds(pid),
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

export function readRssKb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
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
