import { localDate } from '../../src/platform/clock.ts';
import type { FilePool } from '../generator/file-pool.ts';
import type { JrwaMix } from '../generator/jrwa-mix.ts';
import type { Random } from '../generator/random.ts';
import type { ApiClient, HttpResult, RequestOptions } from './http-client.ts';
import type { LoadPlan, VuIdentity } from './load-plan.ts';

/** Thrown out of a VU's round when the step ends (its think time is cut short). */
export class Stopped extends Error {}

/**
 * Think time between two actions. `ezd` (default): EZD RP's published load test, 5-10 s for the
 * kancelaria (registry) and 10-25 s for every other role. `busy`: the earlier, busier profile,
 * 2-6 s for everyone. Short pauses inside one action (choosing from a list) are the same in both.
 */
export type ThinkProfile = 'ezd' | 'busy';

const THINK_SECONDS: Record<
  ThinkProfile,
  { kancelaria: [number, number]; other: [number, number] }
> = {
  ezd: { kancelaria: [5, 10], other: [10, 25] },
  busy: { kancelaria: [2, 6], other: [2, 6] },
};

export interface LoadSettings {
  think: ThinkProfile;
  /** Multiplies every think time (1 = the profile's own). */
  thinkFactor: number;
  /** Case handlers that hold a signing certificate (login set). */
  signers: ReadonlySet<string>;
}

/**
 * One virtual user: who they are, their session, their randomness and the pause between actions
 * (think time of the profile × factor, as a person reading a screen before the next click).
 */
export class VirtualUser {
  /** Cases this VU works on (ids), most recent last. */
  readonly cases: string[] = [];

  constructor(
    readonly who: VuIdentity,
    readonly token: string,
    readonly random: Random,
    readonly plan: LoadPlan,
    private readonly client: ApiClient,
    readonly settings: LoadSettings,
    readonly jrwa: JrwaMix,
    readonly files: FilePool,
    private readonly signal: AbortSignal,
  ) {}

  get stopped() {
    return this.signal.aborted;
  }

  api(
    operation: string,
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpResult> {
    if (this.signal.aborted) throw new Stopped();
    return this.client.request(operation, method, path, { ...options, token: this.token });
  }

  get<T>(operation: string, path: string): Promise<T> {
    return this.api(`GET ${operation}`, 'GET', path).then((r) => r.json<T>());
  }

  post<T>(
    operation: string,
    path: string,
    json?: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    return this.api(`POST ${operation}`, 'POST', path, { ...options, json: json ?? {} }).then((r) =>
      r.json<T>(),
    );
  }

  /**
   * Waits like a person between two actions (the profile's range for this role unless a short
   * pause is given); ends the round when the step is over.
   */
  think(minSeconds?: number, maxSeconds?: number): Promise<void> {
    const range = THINK_SECONDS[this.settings.think];
    const [defaultMin, defaultMax] =
      this.who.user.role === 'kancelaria' ? range.kancelaria : range.other;
    const ms =
      ((minSeconds ?? defaultMin) +
        this.random.next() * ((maxSeconds ?? defaultMax) - (minSeconds ?? defaultMin))) *
      1000 *
      this.settings.thinkFactor;
    return sleep(ms, this.signal);
  }

  /** True when this VU is the one among `candidates` that takes the item `key`. */
  owns(key: string, candidates: number[]): boolean {
    return this.plan.owner(key, candidates) === this.who.vu;
  }

  today(): string {
    return localDate(new Date());
  }
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Stopped());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Stopped());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
