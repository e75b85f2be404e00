import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { FileStore } from '../files/file-store.ts';
import type { Actor } from '../actor/actor.ts';

export interface AppDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
  logger: Logger;
  sessionHours: number;
  /** OBIEG_TRUST_PROXY: the client's address is a reverse proxy's X-Forwarded-For. */
  trustProxy?: boolean;
  /** OBIEG_SEAL_PASSWORD: unlocks the office seal when a seal request gives no password. */
  sealPassword?: string | undefined;
}

export interface AppEnv {
  Variables: { actor: Actor; token: string };
}

export type App = OpenAPIHono<AppEnv>;
