/**
 * HTTP to a national service. Two kinds of failure matter to the gateway: the service asks us to
 * slow down or is down (429, 502-504, network, timeout) — back off the whole mailbox — and the
 * service refuses this one request (other 4xx, 500) — count it against that message or letter.
 */
export class ChannelUnavailableError extends Error {
  constructor(
    readonly status: number | null,
    readonly retryAfterMs: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelUnavailableError';
  }
}

export class ChannelRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelRequestError';
  }

  /** A 4xx other than 408/429 will not change by asking again. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

const BACK_OFF_STATUSES = new Set([408, 429, 502, 503, 504]);

export interface HttpOptions {
  method?: 'GET' | 'POST';
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  timeoutMs: number;
}

/** Sends a request and returns the body bytes of a 2xx answer; anything else throws one of the two errors. */
export async function channelRequest(
  url: string,
  options: HttpOptions,
): Promise<{ status: number; body: Uint8Array }> {
  // One controller per request: the timeout and the gateway's shutdown signal both abort it, and
  // the listener on the long-lived shutdown signal is removed when the request ends.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`timeout after ${options.timeoutMs} ms`)),
    options.timeoutMs,
  );
  const onShutdown = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onShutdown, { once: true });
  let response: Response;
  let body: Uint8Array;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
      signal: controller.signal,
    });
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ChannelUnavailableError(null, null, `${url}: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onShutdown);
  }
  if (response.ok) return { status: response.status, body };
  const detail = `${options.method ?? 'GET'} ${url}: HTTP ${response.status} ${Buffer.from(body.subarray(0, 200)).toString('utf8')}`;
  if (BACK_OFF_STATUSES.has(response.status)) {
    throw new ChannelUnavailableError(
      response.status,
      retryAfterMs(response.headers.get('retry-after')),
      detail,
    );
  }
  throw new ChannelRequestError(response.status, detail);
}

export async function channelJson<T>(url: string, options: HttpOptions): Promise<T> {
  const { body } = await channelRequest(url, options);
  if (body.byteLength === 0) return undefined as T;
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as T;
  } catch {
    throw new ChannelRequestError(
      502,
      `${url}: the service answered with something that is not JSON`,
    );
  }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export const segment = (value: string) => encodeURIComponent(value);
