import cluster, { type Worker } from 'node:cluster';
import { serve } from '@hono/node-server';
import { loadSettings, type Settings } from '../config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../demo/demo-office.ts';
import { backgroundJobs } from '../background-jobs.ts';
import { startJobs } from '../platform/jobs/jobs.ts';
import { answerClusterScrapes } from '../platform/metrics/metrics.ts';
import { startMetricsServer } from './metrics-server.ts';

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
  ensureDemoSigning(runtime: Runtime): Promise<unknown>;
}) {
  const settings = loadSettings();
  if (cluster.isWorker) return serveHttpWorker(settings, options.demo);

  // The workers load their code while the primary starts the database: they learn its address
  // by message once it is migrated and the demo office is there.
  const workers = settings.OBIEG_HTTP_WORKERS;
  const cluster_ = workers > 1 ? startWorkers(workers) : undefined;
  let runtime: Runtime;
  try {
    runtime = await openRuntime(settings);
    if (options.demo) await options.ensureDemo(runtime);
  } catch (error) {
    cluster_?.stop();
    throw error;
  }
  const background = startBackgroundWork(runtime, settings);
  const metrics =
    settings.OBIEG_METRICS_PORT > 0
      ? startMetricsServer(runtime, settings, cluster_ !== undefined)
      : undefined;
  let demoSigning: Promise<void> | undefined;
  const banner = (port: number) => {
    printBanner(settings, runtime, port, options.demo, workers);
    if (options.demo) demoSigning = seedDemoSigningInBackground(runtime, options.ensureDemoSigning);
  };

  if (!cluster_) {
    const app = await runtime.createApp({ demo: options.demo });
    const server = serve(
      { fetch: app.fetch, hostname: settings.HOST, port: settings.PORT },
      (info) => banner(info.port),
    );
    onShutdown(async () => {
      server.close();
      await metrics?.close();
      await demoSigning;
      await background.stop();
      await runtime.close();
    });
    return;
  }

  // Built once here before the workers start theirs, so that the demo identity provider's key is
  // made once (by the primary, which signs the demo office anyway) and the workers only read it.
  await runtime.createApp({ demo: options.demo });
  cluster_.connect(runtime, banner);
  onShutdown(async () => {
    await cluster_.stop();
    await metrics?.close();
    await demoSigning;
    await background.stop();
    await runtime.close();
  });
}

/** What an HTTP worker tells the primary: it waits for the database's address, or it listens. */
interface WorkerMessage {
  awaitingDatabase?: true;
  listening?: number;
}

/** HTTP workers (node:cluster) sharing the port, replaced when one dies. */
function startWorkers(count: number) {
  let databaseUrl: string | undefined;
  let runtime: Runtime | undefined;
  let onListening: ((port: number) => void) | undefined;
  let stopping = false;
  let listening = 0;
  const alive = new Set<Worker>();
  const waiting = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork({ OBIEG_HTTP_WORKERS: String(count) });
    worker.on('message', (message: WorkerMessage) => {
      if (message.awaitingDatabase) {
        if (databaseUrl) worker.send({ databaseUrl });
        else waiting.add(worker);
      }
      // The port answers as soon as one worker listens: connections go to listening workers only.
      if (message.listening && ++listening === 1) onListening?.(message.listening);
    });
    alive.add(worker);
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    alive.delete(worker);
    if (stopping) return;
    runtime?.logger.error({ code, signal }, 'HTTP worker exited; starting another');
    fork();
  });
  return {
    /** The database is ready: the workers reach it at the address the primary opened. */
    connect(ready: Runtime, banner: (port: number) => void) {
      runtime = ready;
      onListening = banner;
      databaseUrl = ready.database.connectionString;
      for (const worker of waiting) if (!worker.isDead()) worker.send({ databaseUrl });
      waiting.clear();
    },
    async stop() {
      stopping = true;
      const exited = [...alive].map(
        (worker) =>
          new Promise<void>((resolve) =>
            worker.isDead() ? resolve() : worker.once('exit', () => resolve()),
          ),
      );
      for (const worker of alive) worker.process.kill('SIGTERM');
      await Promise.all(exited);
    },
  };
}

async function serveHttpWorker(settings: Settings, demo: boolean) {
  // Until the primary sends the database's address; if the primary dies first, so does this.
  process.once('disconnect', () => process.exit(1));
  const databaseUrl = await new Promise<string>((resolve) => {
    process.once('message', (message: { databaseUrl: string }) => resolve(message.databaseUrl));
    process.send?.({ awaitingDatabase: true } satisfies WorkerMessage);
  });
  const runtime = await openRuntime({ ...settings, DATABASE_URL: databaseUrl }, { migrate: false });
  if (settings.OBIEG_METRICS_PORT > 0) answerClusterScrapes();
  const app = await runtime.createApp({ demo });
  const server = serve({ fetch: app.fetch, hostname: settings.HOST, port: settings.PORT }, (info) =>
    process.send?.({ listening: info.port } satisfies WorkerMessage),
  );
  onShutdown(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.close();
  });
}

/** The demo's signing keys take seconds: generated while the server already answers. */
function seedDemoSigningInBackground(
  runtime: Runtime,
  ensureDemoSigning: (runtime: Runtime) => Promise<unknown>,
) {
  const started = performance.now();
  return ensureDemoSigning(runtime).then(
    () =>
      runtime.logger.info(
        { ms: Math.round(performance.now() - started) },
        'Certyfikaty demonstracyjne gotowe / demo signing certificates ready',
      ),
    (error: unknown) =>
      runtime.logger.error(
        { err: error },
        'Nie udało się przygotować certyfikatów demonstracyjnych / demo signing certificates failed',
      ),
  );
}

function startBackgroundWork(runtime: Runtime, settings: Settings) {
  return startJobs(backgroundJobs(runtime, settings), runtime.logger);
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
