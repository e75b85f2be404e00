import fs from 'node:fs';

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
  if (!fs.existsSync(file)) return null;
  const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
    sql: string;
    calls: number;
    ms: number;
  }>;
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
