import cluster, { type Worker } from 'node:cluster';
import { serve } from '@hono/node-server';
import { loadSettings, type Settings } from '../config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../demo/demo-office.ts';
import { runNotificationWorker } from '../modules/notifications/notifications.worker.ts';
import { runSearchIndexer } from '../modules/search/search-indexer.ts';
import { startPeriodic } from '../platform/periodic.ts';
import { createSmtpMailer } from '../modules/notifications/notifications.mailer.ts';
import { runPortalWorker } from '../modules/portal/portal.worker.ts';
import { portalSettingsFrom } from '../modules/portal/portal-setup.ts';
import { createGatewayDeps } from '../modules/channels/channels.worker.ts';
import { runGatewayPass } from '../modules/channels/gateway.ts';

/**
 * `obieg serve`: one primary process and, on a machine with several cores, HTTP workers
 * (node:cluster) that share its port. The primary opens the database (and starts the embedded
 * PostgreSQL), migrates, seeds the demo office and runs the background work: the outbox
 * consumers (search, notifications), the portal worker and the channels gateway, each in one
 * place. The workers only answer requests; each is a stateless app node on the same database,
 * like the extra nodes of a larger installation (the actor cache is revalidated per request).
 */
export async function runServe(options: {
  demo: boolean;
  ensureDemo(runtime: Runtime): Promise<unknown>;
}) {
  const settings = loadSettings();
  if (cluster.isWorker) return serveHttpWorker(settings, options.demo);

  const runtime = await openRuntime(settings);
  if (options.demo) await options.ensureDemo(runtime);
  const background = startBackgroundWork(runtime, settings);
  const workers = settings.OBIEG_HTTP_WORKERS;
  const banner = (port: number) => printBanner(settings, runtime, port, options.demo, workers);

  if (workers <= 1) {
    const app = runtime.createApp({ demo: options.demo });
    const server = serve(
      { fetch: app.fetch, hostname: settings.HOST, port: settings.PORT },
      (info) => banner(info.port),
    );
    onShutdown(async () => {
      server.close();
      await background.stop();
      await runtime.close();
    });
    return;
  }

  // The workers reach the database the primary opened: for the embedded server, its address.
  const databaseUrl = runtime.database.connectionString;
  let stopping = false;
  let listening = 0;
  const fork = () => {
    const worker = cluster.fork({ DATABASE_URL: databaseUrl, OBIEG_HTTP_WORKERS: String(workers) });
    worker.on('message', (message: { listening?: number }) => {
      if (message.listening && ++listening === workers) banner(message.listening);
    });
    return worker;
  };
  const alive = new Set<Worker>();
  for (let i = 0; i < workers; i++) alive.add(fork());
  cluster.on('exit', (worker, code, signal) => {
    alive.delete(worker);
    if (stopping) return;
    runtime.logger.error({ code, signal }, 'HTTP worker exited; starting another');
    alive.add(fork());
  });
  onShutdown(async () => {
    stopping = true;
    const exited = [...alive].map(
      (worker) =>
        new Promise<void>((resolve) =>
          worker.isDead() ? resolve() : worker.once('exit', () => resolve()),
        ),
    );
    for (const worker of alive) worker.process.kill('SIGTERM');
    await Promise.all(exited);
    await background.stop();
    await runtime.close();
  });
}

async function serveHttpWorker(settings: Settings, demo: boolean) {
  const runtime = await openRuntime(settings, { migrate: false });
  const app = runtime.createApp({ demo });
  const server = serve({ fetch: app.fetch, hostname: settings.HOST, port: settings.PORT }, (info) =>
    process.send?.({ listening: info.port }),
  );
  onShutdown(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
  });
}

function startBackgroundWork(runtime: Runtime, settings: Settings) {
  const workerDeps = {
    db: runtime.db,
    clock: runtime.clock,
    files: runtime.files,
    mailer: createSmtpMailer(settings.SMTP_URL, settings.SMTP_FROM),
    logger: runtime.logger,
  };
  // The channels gateway (ePUAP, e-Doręczenia) stops its requests in flight on shutdown.
  const gatewayStop = new AbortController();
  const gatewayDeps = createGatewayDeps(runtime, settings, gatewayStop.signal);
  const jobs = [
    startPeriodic(
      'notification worker',
      () => runNotificationWorker(workerDeps, { notifyDays: settings.OBIEG_NOTIFY_DAYS }),
      settings.OBIEG_NOTIFY_INTERVAL_S,
      runtime.logger,
    ),
    startPeriodic('search indexer', () => runSearchIndexer(workerDeps), 5, runtime.logger),
    startPeriodic(
      'portal worker',
      () =>
        runPortalWorker({
          ...workerDeps,
          sealPassword: settings.OBIEG_SEAL_PASSWORD,
          portal: portalSettingsFrom(settings),
        }),
      settings.OBIEG_PORTAL_WORKER_INTERVAL_S,
      runtime.logger,
    ),
    startPeriodic(
      'channels gateway',
      () => runGatewayPass(gatewayDeps),
      Object.keys(gatewayDeps.clients).length > 0 ? settings.OBIEG_CHANNEL_INTERVAL_S : 0,
      runtime.logger,
    ),
  ];
  return {
    stop: async () => {
      gatewayStop.abort();
      await Promise.all(jobs.map((job) => job.stop()));
    },
  };
}

/** SIGINT (Ctrl-C) and SIGTERM (systemd, docker stop) both shut down cleanly, once. */
function onShutdown(work: () => Promise<void>) {
  let started = false;
  const shutdown = () => {
    if (started) return;
    started = true;
    work().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function printBanner(
  settings: Settings,
  runtime: Runtime,
  port: number,
  demo: boolean,
  workers: number,
) {
  const url = `http://${settings.HOST}:${port}`;
  const server = runtime.database.server;
  console.log(`\nObieg działa / is running: ${url}`);
  console.log(`API: ${url}/api/v1  (OpenAPI: ${url}/api/v1/openapi.json)`);
  console.log(`Portal mieszkańca / citizens' portal: ${url}/portal`);
  console.log(
    `Baza / database: ${server ? `wbudowany PostgreSQL / embedded PostgreSQL, ${server.dataDir} (127.0.0.1:${server.port})` : 'PostgreSQL (DATABASE_URL)'}`,
  );
  console.log(
    `Pliki / files: ${settings.OBIEG_DATA_DIR}; procesy HTTP / HTTP workers: ${Math.max(workers, 1)}`,
  );
  if (demo) {
    console.log(
      `\nKonta demonstracyjne (hasło „${DEMO_PASSWORD}”): admin, ${DEMO_PEOPLE.map((p) => p.login).join(', ')}`,
    );
  }
}
