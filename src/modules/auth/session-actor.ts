import type { Actor } from '../../platform/actor/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { loadActor } from '../org/actor-loader.ts';

interface ResolvedActor {
  actor: Actor;
  actorVersion: number | null;
  today: string;
}

/** Actors this node resolved, per database (a test process opens many) and token hash. */
const resolvedActors = new WeakMap<Executor, Map<string, ResolvedActor>>();
const MAX_RESOLVED_ACTORS = 10_000;

/**
 * The actor behind a live session or API token (by the token's hash): null when the token is
 * unknown, revoked or expired, or the user is inactive. Every API request pays this first, so
 * the node keeps the actor it resolved and revalidates it with one indexed lookup: the session
 * and the office's `actor_version`, which triggers bump on any change to users, grants,
 * substitutions, units or posts (migration 0016). A revoked session or a changed grant therefore
 * takes effect on the next request, on every node. See docs/benchmarks.md for why.
 */
export async function loadSessionActor(
  db: Executor,
  tokenHash: string,
  now: Date,
  today: string,
): Promise<Actor | null> {
  let resolved = resolvedActors.get(db);
  if (!resolved) resolvedActors.set(db, (resolved = new Map()));
  const session = await db
    .selectFrom('sessions')
    .select((eb) => [
      'sessions.user_id',
      // The office's actor_version in the same statement (every request pays it).
      eb
        .selectFrom('offices')
        .select('offices.actor_version')
        .whereRef('offices.id', '=', 'sessions.office_id')
        .as('actor_version'),
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('sessions.expires_at', 'is', null), eb('sessions.expires_at', '>', now)]),
    )
    .executeTakeFirst();
  const known = resolved.get(tokenHash);
  if (!session) {
    resolved.delete(tokenHash);
    return null;
  }
  if (known && known.actorVersion === session.actor_version && known.today === today) {
    return known.actor;
  }
  // Read after the version: the actor is at least as new as the version it is kept under.
  const actor = await loadActor(db, session.user_id, today);
  resolved.delete(tokenHash);
  if (!actor) return null;
  if (resolved.size >= MAX_RESOLVED_ACTORS) resolved.delete(resolved.keys().next().value!);
  resolved.set(tokenHash, { actor, actorVersion: session.actor_version, today });
  return actor;
}
