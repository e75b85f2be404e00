/**
 * Latencies per operation during the measured window (after ramp-up). Every sample is kept, so
 * percentiles are exact; a 25-minute run of a few thousand users stays well under a million.
 */
export interface OperationStats {
  operation: string;
  count: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface WindowStats {
  seconds: number;
  requests: number;
  errors: number;
  /** Completed requests per second in the window. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  operations: OperationStats[];
  /** Error kinds (HTTP status or "network") with counts and a first example. */
  errorKinds: Array<{ operation: string; kind: string; count: number; example?: string }>;
}

export class LatencyRecorder {
  private samples = new Map<string, number[]>();
  private errors = new Map<string, number>();
  private errorExamples = new Map<string, string>();
  private windowStart = 0;
  private windowEnd = 0;
  recording = false;

  /** Starts a new measured window, dropping earlier samples. */
  startWindow() {
    this.samples = new Map();
    this.errors = new Map();
    this.errorExamples = new Map();
    this.recording = true;
    this.windowStart = performance.now();
  }

  stopWindow() {
    this.recording = false;
    this.windowEnd = performance.now();
  }

  record(operation: string, ms: number, error: string | null) {
    if (!this.recording) return;
    let list = this.samples.get(operation);
    if (!list) this.samples.set(operation, (list = []));
    list.push(ms);
    if (error) {
      const key = `${operation}\u0000${error}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    }
  }

  /** Keeps the first response body of each kind of error, to say what went wrong. */
  explain(operation: string, status: string, body: string) {
    const key = `${operation}\u0000${status}`;
    if (this.recording && !this.errorExamples.has(key))
      this.errorExamples.set(key, body.slice(0, 300));
  }

  summary(): WindowStats {
    const seconds =
      ((this.recording ? performance.now() : this.windowEnd) - this.windowStart) / 1000;
    const all: number[] = [];
    const operations: OperationStats[] = [];
    const errorsByOp = new Map<string, number>();
    for (const [key, count] of this.errors) {
      const operation = key.split('\u0000')[0]!;
      errorsByOp.set(operation, (errorsByOp.get(operation) ?? 0) + count);
    }
    for (const [operation, list] of this.samples) {
      const sorted = Float64Array.from(list).sort();
      for (const value of list) all.push(value);
      operations.push({
        operation,
        count: sorted.length,
        errors: errorsByOp.get(operation) ?? 0,
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        p99: percentile(sorted, 0.99),
        max: sorted[sorted.length - 1] ?? 0,
        mean: list.reduce((sum, v) => sum + v, 0) / Math.max(1, list.length),
      });
    }
    operations.sort((a, b) => b.count - a.count);
    const sorted = Float64Array.from(all).sort();
    const errors = [...this.errors.values()].reduce((sum, v) => sum + v, 0);
    return {
      seconds,
      requests: sorted.length,
      errors,
      throughput: sorted.length / Math.max(seconds, 0.001),
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      operations,
      errorKinds: [...this.errors.entries()].map(([key, count]) => {
        const [operation, kind] = key.split('\u0000') as [string, string];
        const example = this.errorExamples.get(key);
        return { operation, kind, count, ...(example ? { example } : {}) };
      }),
    };
  }
}

/** Nearest-rank percentile of an ascending array (what k6 and most tools report). */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}
