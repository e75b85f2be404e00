import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import {
  AggregatorRegistry,
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  register,
} from 'prom-client';

/**
 * Prometheus metrics. Every HTTP node counts its requests in prom-client's default registry (the
 * one `AggregatorRegistry` sums over node:cluster workers); the backlogs of the background work
 * (outbox consumers, OCR, channels) are gauges of the process that runs that work, read from the
 * database when scraped. Labels are bounded: a route is its pattern, never a path with ids.
 */
let httpInstruments: { requests: Counter; duration: Histogram } | undefined;

function instruments() {
  if (!httpInstruments) {
    collectDefaultMetrics({ register });
    httpInstruments = {
      requests: new Counter({
        name: 'obieg_http_requests_total',
        help: 'HTTP requests answered, by method, route pattern and status',
        labelNames: ['method', 'route', 'status'],
      }),
      duration: new Histogram({
        name: 'obieg_http_request_duration_seconds',
        help: 'Time to answer an HTTP request, by method and route pattern',
        labelNames: ['method', 'route'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
    };
  }
  return httpInstruments;
}

export function httpMetrics(): MiddlewareHandler {
  const { requests, duration } = instruments();
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route =
        matchedRoutes(c)
          .filter((r) => r.method !== 'ALL')
          .at(-1)?.path ?? 'unmatched';
      const method = c.req.method;
      requests.inc({ method, route, status: String(c.res.status) });
      duration.observe({ method, route }, (performance.now() - started) / 1000);
    }
  };
}

export interface Backlog {
  /** Metric name without the `obieg_` prefix, e.g. `outbox_pending_events`. */
  name: string;
  help: string;
  labelNames: string[];
  read(): Promise<Array<{ labels: Record<string, string>; value: number }>>;
}

/** A registry of backlog gauges, each read from the database at scrape time. */
export function backlogRegistry(backlogs: Backlog[]): Registry {
  const registry = new Registry();
  for (const backlog of backlogs) {
    registry.registerMetric(
      new Gauge({
        name: `obieg_${backlog.name}`,
        help: backlog.help,
        labelNames: backlog.labelNames,
        registers: [],
        async collect() {
          this.reset();
          for (const { labels, value } of await backlog.read()) this.set(labels, value);
        },
      }),
    );
  }
  return registry;
}

/**
 * In an HTTP worker of node:cluster: answer the primary's requests for this process's metrics
 * (prom-client listens once an aggregator exists in the process).
 */
export function answerClusterScrapes() {
  new AggregatorRegistry();
}
