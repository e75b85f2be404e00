import type { ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Actor } from '../../platform/actor/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';

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
