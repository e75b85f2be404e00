import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the server's database time went during the load test: the statements
 * bench/server/query-stats.mjs timed, grouped by SQL text, heaviest first.
 */
export interface StatementSummary {
  statements: number;
  totalMs: number;
  top: Array<{ sql: string; calls: number; totalMs: number; meanMs: number; share: number }>;
}

export function summariseStatements(file: string, limit: number): StatementSummary | null {
  const rows = readStatementStats(file);
  if (rows === null) return null;
  const totalMs = rows.reduce((sum, row) => sum + row.ms, 0);
  return {
    statements: rows.reduce((sum, row) => sum + row.calls, 0),
    totalMs,
    top: rows.slice(0, limit).map((row) => ({
      sql: row.sql.length > 160 ? `${row.sql.slice(0, 157)}…` : row.sql,
      calls: row.calls,
      totalMs: row.ms,
      meanMs: row.ms / row.calls,
      share: totalMs > 0 ? row.ms / totalMs : 0,
    })),
  };
}

/** The primary's file and its workers' (`<file>.<pid>`) added up per statement, heaviest first. */
export function readStatementStats(
  file: string,
): Array<{ sql: string; calls: number; ms: number }> | null {
  const directory = path.dirname(file);
  const files = fs
    .readdirSync(directory)
    .filter((name) => name === path.basename(file) || name.startsWith(`${path.basename(file)}.`));
  if (files.length === 0) return null;
  const totals = new Map<string, { calls: number; ms: number }>();
  for (const name of files) {
    const rows = JSON.parse(fs.readFileSync(path.join(directory, name), 'utf8')) as Array<{
      sql: string;
      calls: number;
      ms: number;
    }>;
    for (const row of rows) {
      const total = totals.get(row.sql) ?? { calls: 0, ms: 0 };
      total.calls += row.calls;
      total.ms += row.ms;
      totals.set(row.sql, total);
    }
  }
  return [...totals].map(([sql, total]) => ({ sql, ...total })).sort((a, b) => b.ms - a.ms);
}
