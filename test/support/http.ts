import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createDiskFileStore, type FileStore } from '../../src/platform/files/file-store.ts';
import { seedDemoOffice, type DemoOffice } from '../../src/demo/demo-office.ts';
import { createTestDatabase } from './database.ts';

export interface TestApi {
  database: Database;
  demo: DemoOffice;
  clock: ReturnType<typeof fixedClock>;
  app: ReturnType<typeof createApp>;
  /** The app's file store (background workers the test runs read the same files). */
  files: FileStore;
  /** Signs in a demo user and returns request helpers carrying their token. */
  login(login: string): Promise<Client>;
}

export interface Client {
  token: string;
  get(url: string): Response | Promise<Response>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Response | Promise<Response>;
  put(url: string, body: unknown): Response | Promise<Response>;
  upload(url: string, name: string, content: Uint8Array): Response | Promise<Response>;
}

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** The whole HTTP app over a fresh database with the demo office, requests without a network. */
export function useTestApi(): TestApi {
  const context = {} as TestApi;
  beforeAll(async () => {
    context.database = await createTestDatabase();
    context.clock = fixedClock('2026-03-02T09:00:00+01:00');
    context.demo = await seedDemoOffice({ db: context.database.db, clock: context.clock });
    const files = (context.files = createDiskFileStore(
      path.join(os.tmpdir(), `obieg-http-test-${process.pid}`),
      MAX_FILE_BYTES,
    ));
    context.app = createApp(
      {
        db: context.database.db,
        clock: context.clock,
        files,
        logger: pino({ level: 'silent' }),
        sessionHours: 12,
      },
      { maxBodyBytes: MAX_FILE_BYTES + 65536 },
    );
    context.login = async (login) => {
      const response = await context.app.request(
        '/api/v1/auth/login',
        json('POST', { login, password: 'demo' }),
      );
      if (response.status !== 200)
        throw new Error(`login ${login}: ${response.status} ${await response.text()}`);
      const { token } = (await response.json()) as { token: string };
      const auth = { Authorization: `Bearer ${token}` };
      return {
        token,
        get: (url) => context.app.request(url, { headers: auth }),
        post: (url, body, headers = {}) =>
          context.app.request(url, {
            ...json('POST', body ?? {}),
            headers: { ...auth, 'content-type': 'application/json', ...headers },
          }),
        put: (url, body) =>
          context.app.request(url, {
            ...json('PUT', body),
            headers: { ...auth, 'content-type': 'application/json' },
          }),
        upload: (url, name, content) => {
          const form = new FormData();
          form.append('file', new File([content], name));
          return context.app.request(url, { method: 'POST', body: form, headers: auth });
        },
      };
    };
  });
  afterAll(async () => {
    await context.database?.close();
  });
  return context;
}

export function json(method: string, body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

/** How many letters the register holds: a refused request must leave it unchanged. */
export async function countIncomingItems(api: TestApi) {
  const { n } = await api.database.db
    .selectFrom('incoming_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
