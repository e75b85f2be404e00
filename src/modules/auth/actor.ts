import type { ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../../platform/db/database.ts';
import type { DB, RoleName, Scope } from '../../platform/db/schema.ts';

export interface Grant {
  role: RoleName;
  scope: Scope;
  unitId: string;
  /** Set when the grant is held through a substitution (zastępstwo) for that person. */
  onBehalfOf?: string;
}

/** Who is acting: a person or a domain system, with the roles in force today. */
export interface Actor {
  userId: string;
  officeId: string;
  officeName: string;
  login: string;
  name: string;
  post: string;
  unitId: string;
  kind: 'person' | 'system';
  grants: Grant[];
  /** The actor and everyone they substitute today: whose desk they work at. */
  deskUserIds: string[];
  /** Unit tree of the office: unit id → parent id. */
  unitParents: ReadonlyMap<string, string | null>;
}

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

/**
 * The actor of a user id: the user with their office and post, the people they substitute today
 * (zastępstwa), the grants held in person or through those substitutions, and the office's unit
 * tree, in one statement. Null when the user is unknown or inactive.
 */
export async function loadActor(
  db: Executor,
  userId: string,
  today: string,
): Promise<Actor | null> {
  const substitutedToday = (eb: ExpressionBuilder<DB, 'users'>) =>
    eb
      .selectFrom('substitutions')
      .select('substitutions.absent_user_id')
      .whereRef('substitutions.substitute_user_id', '=', 'users.id')
      .where('substitutions.starts_on', '<=', today)
      .where('substitutions.ends_on', '>=', today);
  const query = db
    .selectFrom('users')
    .innerJoin('offices', 'offices.id', 'users.office_id')
    .leftJoin('positions', 'positions.id', 'users.position_id')
    .select((eb) => [
      'users.id',
      'users.office_id',
      'users.login',
      'users.name',
      'users.kind',
      'users.unit_id',
      'positions.name as post',
      'offices.name as office_name',
      jsonArrayFrom(substitutedToday(eb)).as('substituted'),
      jsonArrayFrom(
        eb
          .selectFrom('role_grants')
          .select([
            'role_grants.user_id',
            'role_grants.role',
            'role_grants.scope',
            'role_grants.unit_id',
          ])
          .where((g) =>
            g.or([
              g('role_grants.user_id', '=', g.ref('users.id')),
              g('role_grants.user_id', 'in', substitutedToday(eb)),
            ]),
          ),
      ).as('grants'),
      jsonArrayFrom(
        eb
          .selectFrom('units')
          .select(['units.id', 'units.parent_id'])
          .whereRef('units.office_id', '=', 'users.office_id'),
      ).as('units'),
    ])
    .where('users.active', '=', true)
    .where('users.id', '=', userId);
  const user = await query.executeTakeFirst();
  if (!user) return null;

  const deskUserIds = [user.id, ...user.substituted.map((s) => s.absent_user_id)];
  const actor: Actor = {
    userId: user.id,
    officeId: user.office_id,
    officeName: user.office_name,
    login: user.login,
    name: user.name,
    post: user.post ?? (user.kind === 'system' ? 'system dziedzinowy' : 'pracownik'),
    unitId: user.unit_id,
    kind: user.kind,
    grants: user.grants.map((g) => ({
      role: g.role,
      scope: g.scope,
      unitId: g.unit_id,
      ...(g.user_id === user.id ? {} : { onBehalfOf: g.user_id }),
    })),
    deskUserIds,
    unitParents: new Map(user.units.map((u) => [u.id, u.parent_id])),
  };
  // Shared between the requests of a session (loadSessionActor): nobody may change it.
  Object.freeze(actor.grants);
  Object.freeze(actor.deskUserIds);
  return Object.freeze(actor);
}
