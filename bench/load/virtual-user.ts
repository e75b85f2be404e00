import { localDate } from '../../src/platform/clock.ts';
import type { FilePool } from '../generator/file-pool.ts';
import type { JrwaMix } from '../generator/jrwa-mix.ts';
import type { Random } from '../generator/random.ts';
import type { ApiClient, HttpResult, RequestOptions } from './http-client.ts';
import type { LoadPlan, VuIdentity } from './load-plan.ts';

/** Thrown out of a VU's round when the step ends (its think time is cut short). */
export class Stopped extends Error {}

export interface LoadSettings {
  /** Multiplies every think time (1 = the profile's 2-6 s between actions). */
  thinkFactor: number;
  /** Case handlers that hold a signing certificate (login set). */
  signers: ReadonlySet<string>;
}

/**
 * One virtual user: who they are, their session, their randomness and the pause between actions
 * (think time, 2-6 s × factor, as a person reading a screen before the next click).
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

  /** Waits like a person between two actions; ends the round when the step is over. */
  think(minSeconds = 2, maxSeconds = 6): Promise<void> {
    const ms =
      (minSeconds + this.random.next() * (maxSeconds - minSeconds)) *
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
