import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/platform/clock.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadActor } from '../src/modules/org/actor-loader.ts';
import { createOffice } from '../src/modules/org/org.usecases.ts';
import {
  childEnv,
  createProcessDatabase,
  type ProcessDatabase,
} from './support/process-database.ts';
import { addMailbox } from '../src/modules/channels/channels.usecases.ts';
import {
  startChannelSimulator,
  type ChannelSimulator,
} from '../src/modules/channels/simulator/channel-simulator.ts';

/**
 * The gateway against a misbehaving national service, with a real crash: `obieg channel poll`
 * runs as a child process and is killed with SIGKILL while a download is half-way, then started
 * again. The database is the test run's server (embedded PostgreSQL, or .ci/run's external one).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const EPUAP_BOX = '/um-demo/SkrytkaESP';
const ADE = 'AE:PL-51234-56789-UMDEM-01';
const PER_CHANNEL = 500;
const RATE = 150;

function startGateway(target: ProcessDatabase, simulator: ChannelSimulator) {
  const child = spawn(
    process.execPath,
    ['bin/obieg.js', 'channel', 'poll', '--until-idle', '--interval-ms', '50'],
    {
      cwd: root,
      env: childEnv(target, {
        OBIEG_EPUAP_URL: simulator.epuapUrl,
        OBIEG_EDORECZENIA_URL: simulator.edoreczeniaUrl,
        OBIEG_CHANNEL_POLL_S: '0',
        OBIEG_CHANNEL_BACKOFF_BASE_MS: '20',
        OBIEG_CHANNEL_BACKOFF_MAX_S: '0.5',
        OBIEG_CHANNEL_LEASE_S: '2',
        LOG_LEVEL: 'warn',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
});

describe('channels gateway under faults and a crash', () => {
  it(
    'registers 1,000 messages exactly once, each downloaded once, across duplicates, 429s, 503s and a kill -9 mid-download',
    // About a minute on an idle 2-core machine; the margin is for CI runners shared with other jobs.
    { timeout: 300_000 },
    async () => {
      const started = Date.now();
      const laps: string[] = [];
      let last = started;
      const lap = (label: string) => {
        laps.push(`${label} ${Date.now() - last} ms`);
        last = Date.now();
      };
      const target = await createProcessDatabase();
      cleanup.push(() => target.drop());
      const setup = await target.open();
      await migrateToLatest(setup.db);
      const office = await createOffice(
        { db: setup.db, clock: systemClock },
        {
          code: 'um-demo',
          name: 'Urząd Miasta Demo',
          rootUnit: { symbol: 'UM', name: 'Urząd Miasta Demo' },
          admin: { login: 'admin', name: 'Administrator', password: 'haslo-administratora' },
        },
      );
      const actor = await loadActor(setup.db, office.adminId, '2026-01-01');
      const admin = { db: setup.db, clock: systemClock, actor: actor! };
      await addMailbox(admin, {
        channel: 'epuap',
        address: EPUAP_BOX,
        name: 'Skrytka',
        requestsPerSecond: RATE,
      });
      await addMailbox(admin, {
        channel: 'edoreczenia',
        address: ADE,
        name: 'ADE',
        requestsPerSecond: RATE,
      });
      await setup.close();
      lap('setup');

      const simulator = await startChannelSimulator({
        seed: 2026,
        faults: {
          latencyMs: [0, 3],
          throttleRate: 0.04,
          unavailableRate: 0.04,
          duplicateRate: 0.5,
          // The gateway's limiter allows a burst of RATE plus RATE a second: this quota is never hit.
          quotaPerSecond: RATE * 2 + 20,
          stallAfterDownloads: [380],
        },
      });
      cleanup.push(() => simulator.close());
      simulator.addMessages('epuap', EPUAP_BOX, 10, { sign: true });
      simulator.addMessages('edoreczenia', ADE, 10, { sign: true });
      simulator.addMessages('epuap', EPUAP_BOX, PER_CHANNEL - 10);
      simulator.addMessages('edoreczenia', ADE, PER_CHANNEL - 10);

      // First run: killed with SIGKILL while the simulator holds a download half-way.
      const stalled = new Promise<{ id: string; release: () => void }>((resolve) =>
        simulator.events.once('stalled', resolve),
      );
      const first = startGateway(target, simulator);
      cleanup.push(async () => void first.child.kill('SIGKILL'));
      const { id: stalledId, release } = await Promise.race([
        stalled,
        first.exited.then((code) => {
          throw new Error(`gateway exited (${code}) before the stall:\n${first.output()}`);
        }),
      ]);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      // The service carries on; the half-sent answer went to a dead process.
      release();
      const atKill = simulator.stats();
      lap('run until kill');

      // What the crash left behind: messages downloaded (kept) but not registered yet.
      const between = await target.open();
      const leftBehind = await between.db
        .selectFrom('channel_messages')
        .select(['state', sql<number>`count(*)::int`.as('n')])
        .groupBy('state')
        .execute();
      await between.close();
      lap('inspect');

      // Second run: picks up after the crash and stops when there is nothing left.
      const second = startGateway(target, simulator);
      cleanup.push(async () => void second.child.kill('SIGKILL'));
      const code = await second.exited;
      expect(code, second.output()).toBe(0);
      lap('run after restart');

      const stats = simulator.stats();
      const check = await target.open();
      cleanup.push(() => check.close());
      const items = await check.db
        .selectFrom('incoming_items')
        .select(['rpw_number', 'channel'])
        .orderBy('rpw_number')
        .execute();
      const messages = await check.db
        .selectFrom('channel_messages')
        .select(['state', 'incoming_id'])
        .execute();

      expect(items).toHaveLength(2 * PER_CHANNEL);
      expect(items.map((i) => i.rpw_number)).toEqual(
        Array.from({ length: 2 * PER_CHANNEL }, (_, i) => i + 1),
      );
      expect(items.filter((i) => i.channel === 'epuap')).toHaveLength(PER_CHANNEL);
      expect(messages).toHaveLength(2 * PER_CHANNEL);
      expect(messages.filter((m) => m.state !== 'registered')).toEqual([]);
      expect(new Set(messages.map((m) => m.incoming_id)).size).toBe(2 * PER_CHANNEL);

      // The simulator saw every message downloaded to the end exactly once.
      expect(Object.keys(stats.downloads)).toHaveLength(2 * PER_CHANNEL);
      expect(Object.entries(stats.downloads).filter(([, n]) => n !== 1)).toEqual([]);
      expect(stats.redownloaded).toEqual([]);
      expect(stats.downloads[stalledId]).toBe(1);
      expect(stats.abortedDownloads).toBeGreaterThanOrEqual(1);
      // …while it misbehaved, and the gateway kept to the mailbox quota.
      expect(stats.duplicatesListed).toBeGreaterThan(0);
      expect(stats.throttled).toBeGreaterThan(0);
      expect(stats.unavailable).toBeGreaterThan(0);
      expect(stats.quotaExceeded).toBe(0);

      console.info(
        `gateway crash test: ` +
          `killed after ${atKill.confirmations} confirmed downloads; left behind ${JSON.stringify(leftBehind)}; ` +
          `duplicates listed ${stats.duplicatesListed}, 429 ${stats.throttled}, 503 ${stats.unavailable}, ` +
          `aborted downloads ${stats.abortedDownloads}; ${laps.join(', ')}; total ${Date.now() - started} ms; ` +
          second.output().trim(),
      );
    },
  );
});
