import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../src/platform/db/database.ts';

/**
 * The default store of an installation: the embedded PostgreSQL that `obieg serve` starts itself
 * in OBIEG_DATA_DIR/pg, with PostgreSQL's own durability (fsync on). Each case runs the real
 * `bin/obieg.js` as an office would, on its own data directory.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) {
    const postmaster = postmasterPid(dir);
    try {
      if (postmaster) process.kill(postmaster, 'SIGKILL');
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function dataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-embedded-'));
  fs.chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

function postmasterPid(dir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** A process that has exited (a zombie not yet reaped by its new parent counts as exited). */
async function exitedSoon(pid: number) {
  for (let i = 0; i < 50; i++) {
    let state: string | undefined;
    try {
      state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    } catch {
      return true;
    }
    if (state === 'Z') return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `obieg serve` (one HTTP process, quiet) on the data directory; resolves when /health answers. */
async function serve(dir: string, extra: string[] = [], settings: Record<string, string> = {}) {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OBIEG_DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    OBIEG_HTTP_WORKERS: '1',
    LOG_LEVEL: 'warn',
    OBIEG_NOTIFY_INTERVAL_S: '0',
    ...settings,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/obieg.js', 'serve', ...extra], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 600) throw new Error(`serve did not answer:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, exited, output: () => output };
}

async function signIn(url: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'kancelaria', password: 'demo' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function registerLetter(url: string, token: string, title: string) {
  const response = await fetch(`${url}/api/v1/incoming`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      title,
      sender: { name: 'Jan Kowalski', address: { town: 'Świnoujście', country: 'Polska' } },
      channel: 'paper',
      receivedAt: new Date().toISOString(),
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { rpwNumber: string }).rpwNumber;
}

describe('embedded PostgreSQL, the default store', () => {
  it('starts on an empty data directory, keeps what was committed through kill -9 of Obieg and of PostgreSQL, and stops cleanly on SIGTERM', async () => {
    const dir = dataDir();
    const first = await serve(dir, ['--demo']);
    const token = await signIn(first.url);
    const before = await registerLetter(first.url, token, 'Wniosek przed awarią');

    // Obieg killed: its PostgreSQL outlives it and is adopted by the next start.
    const postmaster = postmasterPid(dir)!;
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await serve(dir);
    expect(postmasterPid(dir)).toBe(postmaster);
    const token2 = await signIn(second.url);
    const after = await registerLetter(second.url, token2, 'Wniosek po awarii Obiegu');

    // PostgreSQL killed as by a power cut: the next start replays its WAL.
    process.kill(postmaster, 'SIGKILL');
    second.child.kill('SIGKILL');
    await second.exited;
    const third = await serve(dir);
    expect(postmasterPid(dir)).not.toBe(postmaster);
    const token3 = await signIn(third.url);
    const list = await fetch(`${third.url}/api/v1/incoming?year=${new Date().getFullYear()}`, {
      headers: { authorization: `Bearer ${token3}` },
    });
    const body = JSON.stringify(await list.json());
    expect(body).toContain(before);
    expect(body).toContain(after);
    expect(third.output()).not.toMatch(/error/i);

    // SIGTERM: Obieg stops its server with it and leaves no process behind.
    const running = postmasterPid(dir)!;
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(await exitedSoon(running)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('lets a second process of the same installation in as a guest, and only the owner stops the server', async () => {
    const dir = dataDir();
    const owner = await openEmbedded(dir);
    const guest = await openEmbedded(dir);
    try {
      expect(owner.server!.owner).toBe(true);
      expect(guest.server!.owner).toBe(false);
      expect(guest.server!.port).toBe(owner.server!.port);
      const fsync = await sql<{ fsync: string }>`show fsync`.execute(guest.db);
      expect(fsync.rows[0]!.fsync).toBe('on');
      await guest.close();
      const still = await sql<{ one: number }>`select 1 as one`.execute(owner.db);
      expect(still.rows[0]!.one).toBe(1);
    } finally {
      await owner.close();
    }
    expect(postmasterPid(dir)).toBeUndefined();
  });

  it('refuses a data directory of the former PGlite store with a clear message and leaves it untouched', async () => {
    const dir = dataDir();
    fs.mkdirSync(path.join(dir, 'db'));
    fs.writeFileSync(path.join(dir, 'db', 'PG_VERSION'), '17\n');
    await expect(openEmbedded(dir)).rejects.toThrow(/PGlite.*nie zostały zmienione|untouched/is);
    expect(fs.readdirSync(dir)).toEqual(['db']);
    expect(fs.readFileSync(path.join(dir, 'db', 'PG_VERSION'), 'utf8')).toBe('17\n');
  });

  it('serves Prometheus metrics summed over its HTTP workers with the backlogs, and answers readiness', async () => {
    const dir = dataDir();
    const metricsPort = await freePort();
    const server = await serve(dir, ['--demo'], {
      OBIEG_HTTP_WORKERS: '2',
      OBIEG_METRICS_PORT: String(metricsPort),
    });
    const ready = await fetch(`${server.url}/api/v1/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const token = await signIn(server.url);
    for (let i = 0; i < 6; i++) await registerLetter(server.url, token, `Wniosek ${i}`);

    const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    const registered = text
      .split('\n')
      .filter((line) =>
        line.startsWith(
          'obieg_http_requests_total{method="POST",route="/api/v1/incoming",status="201"}',
        ),
      );
    // One line: the two workers' counters summed by the primary.
    expect(registered).toHaveLength(1);
    expect(Number(registered[0]!.split(' ').at(-1))).toBe(6);
    expect(text).toMatch(
      /^obieg_http_request_duration_seconds_bucket\{.*route="\/api\/v1\/incoming"/m,
    );
    expect(text).toMatch(/^obieg_outbox_pending_events\{consumer="search"\} \d+$/m);
    expect(text).toContain('# TYPE obieg_ocr_files gauge');
    expect(text).toContain('# TYPE obieg_channel_backlog gauge');
    // Ids never become labels: the route is its pattern.
    expect(text).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}-/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
