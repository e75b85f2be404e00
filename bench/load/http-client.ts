import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { LatencyRecorder } from './latency-recorder.ts';

/**
 * A small keep-alive HTTP client for the load driver (node:http; no dependency). Each request is
 * timed from the moment it is written until its whole body has arrived, and recorded under an
 * operation name (method and route template, e.g. `GET /cases/{id}/record`).
 */
export interface HttpResult {
  status: number;
  body: Buffer;
  json<T = unknown>(): T;
}

export class ApiError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${operation} → ${status} ${body.slice(0, 300)}`);
  }
}

class ReusedSocketError extends Error {}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  form?: { fields: Record<string, string>; file: { name: string; content: Uint8Array } };
  /** Statuses that are an expected answer, not an error (e.g. 409 when someone was faster). */
  accept?: number[];
}

export class ApiClient {
  // Idle sockets are dropped after 2 s, before the server's 5 s keep-alive timeout closes them
  // under a request in flight (which a browser would retry; we would count as an error).
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 2000 });

  constructor(
    private readonly baseUrl: URL,
    private readonly recorder: LatencyRecorder,
  ) {}

  async request(
    operation: string,
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpResult> {
    const headers: Record<string, string> = {};
    let payload: Buffer | undefined;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) {
      payload = Buffer.from(JSON.stringify(options.json));
      headers['content-type'] = 'application/json';
    } else if (options.form) {
      const boundary = `----obieg-bench-${randomUUID()}`;
      payload = multipart(boundary, options.form);
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    }
    if (payload) headers['content-length'] = String(payload.byteLength);
    const started = performance.now();
    let status = 0;
    try {
      const result = await this.send(method, path, headers, payload).catch((error: unknown) => {
        // Like a browser: a request that failed on a reused keep-alive connection before any
        // answer (the server closed it just then) is sent once more on a new connection.
        if (error instanceof ReusedSocketError) return this.send(method, path, headers, payload);
        throw error;
      });
      status = result.status;
      const ok = (status >= 200 && status < 300) || (options.accept ?? []).includes(status);
      this.recorder.record(operation, performance.now() - started, ok ? null : String(status));
      if (!ok) {
        const body = result.body.toString('utf8');
        this.recorder.explain(operation, String(status), body);
        throw new ApiError(operation, status, body);
      }
      return result;
    } catch (error) {
      if (status !== 0) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.recorder.record(operation, performance.now() - started, 'network');
      this.recorder.explain(operation, 'network', message);
      throw new ApiError(operation, 0, message);
    }
  }

  close() {
    this.agent.destroy();
  }

  private send(
    method: string,
    path: string,
    headers: Record<string, string>,
    payload: Buffer | undefined,
  ): Promise<HttpResult> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        new URL(`/api/v1${path}`, this.baseUrl),
        { method, headers, agent: this.agent, timeout: 60_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const body = Buffer.concat(chunks);
            resolve({
              status: response.statusCode ?? 0,
              body,
              json: <T>() => JSON.parse(body.toString('utf8')) as T,
            });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`timeout: ${method} ${path}`)));
      request.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          request.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
            ? new ReusedSocketError(error.message)
            : error,
        ),
      );
      request.end(payload);
    });
  }
}

function multipart(boundary: string, form: NonNullable<RequestOptions['form']>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(form.fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${form.file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(form.file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}
