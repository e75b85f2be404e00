import type { CacheItem, CacheProvider } from '@node-saml/node-saml';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';

/** An AuthnRequest is answered within this time or not at all. */
const REQUEST_TTL_MS = 15 * 60 * 1000;

/**
 * The ids of AuthnRequests this portal sent, in the database so that any node of the
 * installation accepts the answer and each answer is accepted once (`InResponseTo`).
 */
export function samlRequestCache(db: Db, clock: Clock): CacheProvider {
  const fresh = () => new Date(clock.now().getTime() - REQUEST_TTL_MS);
  return {
    async saveAsync(key, value): Promise<CacheItem | null> {
      const now = clock.now();
      await db.deleteFrom('portal_saml_requests').where('created_at', '<', fresh()).execute();
      const row = await db
        .insertInto('portal_saml_requests')
        .values({ id: key, value, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? { value, createdAt: now.getTime() } : null;
    },
    async getAsync(key) {
      const row = await db
        .selectFrom('portal_saml_requests')
        .select('value')
        .where('id', '=', key)
        .where('created_at', '>=', fresh())
        .executeTakeFirst();
      return row?.value ?? null;
    },
    async removeAsync(key) {
      if (key === null) return null;
      const row = await db
        .deleteFrom('portal_saml_requests')
        .where('id', '=', key)
        .returning('value')
        .executeTakeFirst();
      return row?.value ?? null;
    },
  };
}
