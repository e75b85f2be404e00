import http from 'node:http';
import { AggregatorRegistry, Registry, register } from 'prom-client';
import type { Settings } from '../config.ts';
import type { Runtime } from '../runtime.ts';
import { outboxBacklog } from '../platform/outbox/outbox.ts';
import { backlogRegistry } from '../platform/metrics/metrics.ts';
import { countFilesByStatus } from '../modules/ocr/ocr.repository.ts';
import { countBacklog } from '../modules/channels/channels.repository.ts';

/**
 * `OBIEG_METRICS_PORT`: Prometheus metrics of the installation on their own port (never the
 * public one), served by the primary: the HTTP workers' request counters and latencies summed
 * over node:cluster, and the backlogs of the background work it runs, read when scraped.
 */
export function startMetricsServer(runtime: Runtime, settings: Settings, cluster: boolean) {
  const { db, clock } = runtime;
  const backlogs = backlogRegistry([
    {
      name: 'outbox_pending_events',
      help: 'Audit events a consumer (search, notifications, OCR…) has not handled yet (up to 100,000)',
      labelNames: ['consumer'],
      read: async () =>
        (await outboxBacklog(db, clock.now())).map((row) => ({
          labels: { consumer: row.consumer },
          value: row.pending,
        })),
    },
    {
      name: 'outbox_oldest_pending_seconds',
      help: 'Age of the oldest event a consumer has not handled yet',
      labelNames: ['consumer'],
      read: async () =>
        (await outboxBacklog(db, clock.now())).map((row) => ({
          labels: { consumer: row.consumer },
          value: row.oldestSeconds,
        })),
    },
    {
      name: 'ocr_files',
      help: 'Files in text recognition by state (queued, running, done, quarantined)',
      labelNames: ['status'],
      read: async () =>
        (await countFilesByStatus(db)).map((row) => ({
          labels: { status: row.status },
          value: Number(row.n),
        })),
    },
    {
      name: 'channel_backlog',
      help: 'ePUAP / e-Doręczenia messages in (listed, fetched, dead) and letters out (queued, sent, dead)',
      labelNames: ['direction', 'state'],
      read: async () =>
        (await countBacklog(db)).map((row) => ({
          labels: { direction: row.direction, state: row.state },
          value: row.n,
        })),
    },
  ]);
  const workers = new AggregatorRegistry();
  const exposition = async () => {
    const http = cluster ? await workers.clusterMetrics() : await register.metrics();
    return `${http.trimEnd()}\n${await backlogs.metrics()}`;
  };
  const server = http.createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    exposition().then(
      (text) =>
        response.writeHead(200, { 'content-type': Registry.PROMETHEUS_CONTENT_TYPE }).end(text),
      (error: unknown) => {
        runtime.logger.error({ err: error }, 'metrics scrape failed');
        response.writeHead(500).end();
      },
    );
  });
  server.listen(settings.OBIEG_METRICS_PORT, settings.HOST);
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
