import type { Executor } from '../../platform/db/database.ts';
import type { RoleName, Scope } from '../../platform/db/schema.ts';

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

export async function loadActor(
  db: Executor,
  userId: string,
  today: string,
): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .innerJoin('offices', 'offices.id', 'users.office_id')
    .leftJoin('positions', 'positions.id', 'users.position_id')
    .select([
      'users.id',
      'users.office_id',
      'users.login',
      'users.name',
      'users.kind',
      'users.unit_id',
      'users.active',
      'positions.name as post',
      'offices.name as office_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!user || !user.active) return null;

  const substituted = await db
    .selectFrom('substitutions')
    .select('absent_user_id')
    .where('substitute_user_id', '=', userId)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .execute();
  const deskUserIds = [userId, ...substituted.map((s) => s.absent_user_id)];

  const grants = await db
    .selectFrom('role_grants')
    .select(['user_id', 'role', 'scope', 'unit_id'])
    .where('user_id', 'in', deskUserIds)
    .execute();
  const units = await db
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .where('office_id', '=', user.office_id)
    .execute();

  return {
    userId: user.id,
    officeId: user.office_id,
    officeName: user.office_name,
    login: user.login,
    name: user.name,
    post: user.post ?? (user.kind === 'system' ? 'system dziedzinowy' : 'pracownik'),
    unitId: user.unit_id,
    kind: user.kind,
    grants: grants.map((g) => ({
      role: g.role,
      scope: g.scope,
      unitId: g.unit_id,
      ...(g.user_id === userId ? {} : { onBehalfOf: g.user_id }),
    })),
    deskUserIds,
    unitParents: new Map(units.map((u) => [u.id, u.parent_id])),
  };
}
