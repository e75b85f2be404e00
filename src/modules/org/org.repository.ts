import type { Executor } from '../../platform/db/database.ts';

export function findUnit(db: Executor, officeId: string, unitId: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** The unit with this symbol, ignoring letter case: `11d` and `11D` cannot both exist. */
export function findUnitBySymbol(db: Executor, officeId: string, symbol: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('office_id', '=', officeId)
    .where((eb) => eb(eb.fn('lower', ['symbol']), '=', eb.fn('lower', [eb.val(symbol)])))
    .executeTakeFirst();
}

export function findUser(db: Executor, officeId: string, userId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

export function listUnits(db: Executor, officeId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'symbol', 'name', 'parent_id', 'is_subordinate_entity'])
    .where('office_id', '=', officeId)
    .orderBy('symbol')
    .execute();
}

export function listPeople(db: Executor, officeId: string) {
  return db
    .selectFrom('users')
    .leftJoin('positions', 'positions.id', 'users.position_id')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.login',
      'users.name',
      'users.kind',
      'users.unit_id',
      'units.symbol as unit_symbol',
      'positions.name as post',
    ])
    .where('users.office_id', '=', officeId)
    .where('users.active', '=', true)
    .orderBy('users.name')
    .execute();
}

export async function listRoleGrants(db: Executor, userId: string) {
  return db
    .selectFrom('role_grants')
    .select(['role', 'scope', 'unit_id'])
    .where('user_id', '=', userId)
    .execute();
}

/** Name and post of each person, for rows that name someone by what they are now. */
export function listPeopleWithPosts(db: Executor, officeId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .leftJoin('positions', 'positions.id', 'users.position_id')
    .select(['users.id', 'users.name', 'positions.name as post'])
    .where('users.office_id', '=', officeId)
    .where('users.id', 'in', userIds)
    .execute();
}
