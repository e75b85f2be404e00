import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import { AppError } from '../errors.ts';
import type { AppEnv, AppDeps } from './http-types.ts';

const KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its response is kept; a retry
 * with the same key and body gets the same response without running again; the same key with a
 * different body is refused. Public paths (no actor) refuse the header.
 */
export function idempotency(deps: Pick<AppDeps, 'db'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (c.req.method !== 'POST' || !key) return next();
    if (!KEY.test(key)) {
      throw new AppError(
        'idempotency.invalid_key',
        400,
        'Idempotency-Key must be 8-128 characters [A-Za-z0-9_-].',
        'Nagłówek Idempotency-Key musi mieć 8–128 znaków [A-Za-z0-9_-].',
      );
    }
    // Keys belong to a signed-in person or system: on a public path (sign-in, the portal's
    // status lookup) there is nobody to keep them for, so a client relying on one is told.
    const actor = c.get('actor') as AppEnv['Variables']['actor'] | undefined;
    if (!actor) {
      throw new AppError(
        'idempotency.needs_sign_in',
        400,
        'Idempotency-Key is honoured only on requests of a signed-in user or system.',
        'Nagłówek Idempotency-Key działa tylko w żądaniach zalogowanego użytkownika lub systemu.',
      );
    }
    const body = await c.req.arrayBuffer(); // Hono keeps the body for the route;
    const requestHash = createHash('sha256')
      .update(c.req.path)
      .update('\n')
      .update(new Uint8Array(body))
      .digest('hex');
    const claimed = await deps.db
      .insertInto('idempotency_keys')
      .values({
        user_id: actor.userId,
        key,
        request_hash: requestHash,
        status_code: null,
        response: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const previous = await deps.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (previous.request_hash !== requestHash) {
        throw new AppError(
          'idempotency.key_reused',
          422,
          'This Idempotency-Key was used for a different request.',
          'Ten klucz Idempotency-Key użyto już dla innego żądania.',
        );
      }
      if (previous.status_code === null) {
        throw new AppError(
          'idempotency.in_progress',
          409,
          'A request with this Idempotency-Key is still running.',
          'Żądanie z tym kluczem Idempotency-Key jest wciąż przetwarzane.',
        );
      }
      return c.json(previous.response as object, previous.status_code as 200, {
        'Idempotent-Replayed': 'true',
      });
    }
    try {
      await next();
    } catch (error) {
      await release(deps, actor.userId, key);
      throw error;
    }
    const status = c.res.status;
    if (status >= 500 || !c.res.headers.get('content-type')?.includes('application/json')) {
      await release(deps, actor.userId, key);
      return;
    }
    const response = await c.res.clone().json();
    await deps.db
      .updateTable('idempotency_keys')
      .set({ status_code: status, response: JSON.stringify(response) })
      .where('user_id', '=', actor.userId)
      .where('key', '=', key)
      .execute();
  };
}

async function release(deps: Pick<AppDeps, 'db'>, userId: string, key: string) {
  await deps.db
    .deleteFrom('idempotency_keys')
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .where(sql<boolean>`status_code is null`)
    .execute();
}
