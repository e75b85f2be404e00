/**
 * A discrete-event simulation of an office's working days. Each letter's life is an async
 * function that waits for its next moment (`step(time, work)`); the simulation runs waiting steps
 * earliest first, at most `concurrency` at a time, so registers are numbered in (nearly) the order
 * things happened while PostgreSQL still gets parallel work. Steps of one letter never overlap.
 */
interface Waiting {
  time: number;
  seq: number;
  start: () => void;
}

export class Simulation {
  private readonly heap: Waiting[] = [];
  private running = 0;
  private seq = 0;
  private active = 0;
  private idle: (() => void) | null = null;
  /** Latest simulated instant a step has started at. */
  now = 0;
  stepsDone = 0;
  stepsFailed = 0;

  constructor(private readonly concurrency: number) {}

  /** Runs `work` at simulated `time` (ms since epoch) once a slot is free and nothing earlier waits. */
  async step<T>(time: number, work: (at: Date) => Promise<T>): Promise<T> {
    await new Promise<void>((start) => {
      this.push({ time, seq: this.seq++, start });
      this.pump();
    });
    this.now = Math.max(this.now, time);
    try {
      const result = await work(new Date(time));
      this.stepsDone += 1;
      return result;
    } catch (error) {
      this.stepsFailed += 1;
      throw error;
    } finally {
      this.running -= 1;
      this.pump();
    }
  }

  /** Starts a letter's life; `finished()` waits for all of them. */
  spawn(life: () => Promise<void>, onError: (error: unknown) => void) {
    this.active += 1;
    void life()
      .catch(onError)
      .finally(() => {
        this.active -= 1;
        if (this.active === 0 && this.idle) this.idle();
      });
  }

  finished(): Promise<void> {
    if (this.active === 0) return Promise.resolve();
    return new Promise((resolve) => (this.idle = resolve));
  }

  private pump() {
    while (this.running < this.concurrency && this.heap.length > 0) {
      const next = this.pop()!;
      this.running += 1;
      next.start();
    }
  }

  private push(item: Waiting) {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Waiting | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

const before = (a: Waiting, b: Waiting) => a.time < b.time || (a.time === b.time && a.seq < b.seq);

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The next moment the office works: Monday to Friday, 7:30-15:30 Polish time (approximated as
 * UTC+1; a daylight-saving hour off does not matter for synthetic data).
 */
export function officeMoment(time: number): number {
  const local = new Date(time + HOUR);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let minute = minutes;
  if (minute > 15 * 60 + 30) {
    day += DAY;
    minute = 7 * 60 + 30 + (minute % 60);
  } else if (minute < 7 * 60 + 30) {
    minute = 7 * 60 + 30 + (minute % 60);
  }
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY;
  return day + minute * 60_000 - HOUR;
}

export const hours = (n: number) => n * HOUR;
export const days = (n: number) => n * DAY;
