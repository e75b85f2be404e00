// Preloaded into the benchmark's server (`node --import`) when --query-stats is given: times every
// SQL statement the server runs (node-postgres, on the embedded or an external PostgreSQL) and, when the server stops, writes the
// totals per statement text to $OBIEG_BENCH_QUERY_STATS. Plain JavaScript: it loads before tsx.
import cluster from 'node:cluster';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

// eslint-disable-next-line no-restricted-properties -- set by bench/server/server-process.ts
const target = process.env.OBIEG_BENCH_QUERY_STATS;
/** statement text (whitespace collapsed) → { calls, ms } */
const stats = new Map();

const note = (text, ms) => {
  const key = String(text).replace(/\s+/g, ' ').trim();
  const entry = stats.get(key) ?? { calls: 0, ms: 0 };
  entry.calls += 1;
  entry.ms += ms;
  stats.set(key, entry);
};

const wrap = (owner, name, textOf) => {
  const original = owner[name];
  owner[name] = function timed(...args) {
    const started = performance.now();
    const result = original.apply(this, args);
    if (result && typeof result.then === 'function') {
      return result.then(
        (value) => (note(textOf(args), performance.now() - started), value),
        (error) => (note(textOf(args), performance.now() - started), Promise.reject(error)),
      );
    }
    return result;
  };
};

wrap(pg.Client.prototype, 'query', (args) =>
  typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? '?'),
);

const write = () => {
  if (!target) return;
  const rows = [...stats].map(([sql, s]) => ({ sql, calls: s.calls, ms: s.ms }));
  // The HTTP workers write beside the primary's file (`<file>.<pid>`); the summary adds them up.
  const file = cluster.isWorker ? `${target}.${process.pid}` : target;
  fs.writeFileSync(file, JSON.stringify(rows.sort((a, b) => b.ms - a.ms)));
};
process.on('exit', write);
