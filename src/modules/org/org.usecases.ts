import { localDate } from '../../platform/clock.ts';
import type { Executor, Tx } from '../../platform/db/database.ts';
import type {
  UseCaseDeps,
  ActorDeps,
  TransactionContext,
} from '../../platform/record/transaction.ts';
import { recordChange, runInTransaction } from '../../platform/record/transaction.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { isValidUnitSymbol } from './unit-symbol.ts';
import { orgErrors } from './org.errors.ts';
import { orgPolicy } from './org.policy.ts';
import * as repo from './org.repository.ts';
import {
  createUserSchema,
  type CreateSubstitutionInput,
  type CreateUnitInput,
  type CreateUserInput,
} from './org.schemas.ts';
import type { Actor } from '../../platform/actor/actor.ts';

const MIN_PASSWORD_LENGTH = 12;

export interface CreateOfficeInput {
  code: string;
  name: string;
  rootUnit: { symbol: string; name: string };
  admin: { login: string; name: string; password: string };
  /** Demo data only: allows the short demo password. */
  allowWeakPasswords?: boolean;
}

/** Sets up a new office (podmiot) with its top unit and its first administrator. */
export async function createOffice(deps: UseCaseDeps, input: CreateOfficeInput) {
  if (!input.allowWeakPasswords && input.admin.password.length < MIN_PASSWORD_LENGTH) {
    throw orgErrors.weakPassword();
  }
  assertUnitSymbol(input.rootUnit.symbol);
  const passwordHash = await hashPassword(input.admin.password);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const clash = await trx
      .selectFrom('offices')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (clash) throw orgErrors.officeCodeTaken();
    await assertLoginFree(trx, input.admin.login);
    const office = await trx
      .insertInto('offices')
      .values({ code: input.code, name: input.name })
      .returning(['id', 'code', 'name'])
      .executeTakeFirstOrThrow();
    const unit = await trx
      .insertInto('units')
      .values({
        office_id: office.id,
        symbol: input.rootUnit.symbol,
        name: input.rootUnit.name,
        parent_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const admin = await trx
      .insertInto('users')
      .values({
        office_id: office.id,
        login: input.admin.login,
        name: input.admin.name,
        password_hash: passwordHash,
        unit_id: unit.id,
        position_id: null,
        email: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('role_grants')
      .values({
        office_id: office.id,
        user_id: admin.id,
        role: 'administrator',
        scope: 'office',
        unit_id: unit.id,
      })
      .execute();
    const founder: Actor = {
      userId: admin.id,
      officeId: office.id,
      officeName: input.name,
      login: input.admin.login,
      name: input.admin.name,
      post: 'administrator',
      unitId: unit.id,
      kind: 'person',
      grants: [],
      deskUserIds: [admin.id],
      unitParents: new Map(),
    };
    await recordChange(trx, founder, now, {
      action: 'office.created',
      description: `Utworzono urząd ${office.name}`,
      subject: { type: 'office', id: office.id },
      payload: { code: office.code },
    });
    return { ...office, rootUnitId: unit.id, adminId: admin.id };
  });
}

export async function createUnit(deps: ActorDeps, input: CreateUnitInput) {
  assertUnitSymbol(input.symbol);
  return runInTransaction(deps, async (tx) => {
    assertCanManage(tx.actor, input.parentId ?? tx.actor.unitId);
    if (input.parentId) await getUnitOrThrow(tx.trx, tx.actor.officeId, input.parentId);
    if (await repo.findUnitBySymbol(tx.trx, tx.actor.officeId, input.symbol))
      throw orgErrors.unitSymbolTaken();
    const unit = await tx.trx
      .insertInto('units')
      .values({
        office_id: tx.actor.officeId,
        symbol: input.symbol,
        name: input.name,
        parent_id: input.parentId ?? null,
        is_subordinate_entity: input.isSubordinateEntity ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.record({
      action: 'unit.created',
      description: `Utworzono komórkę ${unit.symbol} – ${unit.name}`,
      subject: { type: 'unit', id: unit.id },
    });
    return unit;
  });
}

export async function createUser(
  deps: ActorDeps,
  rawInput: CreateUserInput,
  options: { allowWeakPasswords?: boolean } = {},
) {
  const input = createUserSchema.parse(rawInput);
  if (
    input.password &&
    !options.allowWeakPasswords &&
    input.password.length < MIN_PASSWORD_LENGTH
  ) {
    throw orgErrors.weakPassword();
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return runInTransaction(deps, (tx) => insertUser(tx, input, passwordHash));
}

async function insertUser(
  tx: TransactionContext,
  input: ReturnType<typeof createUserSchema.parse>,
  passwordHash: string | null,
) {
  const { trx, actor } = tx;
  assertCanManage(actor, input.unitId);
  await getUnitOrThrow(trx, actor.officeId, input.unitId);
  await assertLoginFree(trx, input.login);
  const position = input.post
    ? await trx
        .insertInto('positions')
        .values({ office_id: actor.officeId, unit_id: input.unitId, name: input.post })
        .returning('id')
        .executeTakeFirstOrThrow()
    : undefined;
  const user = await trx
    .insertInto('users')
    .values({
      office_id: actor.officeId,
      login: input.login,
      name: input.name,
      kind: input.kind,
      password_hash: passwordHash,
      unit_id: input.unitId,
      position_id: position?.id ?? null,
      email: input.email ?? null,
    })
    .returning(['id', 'login', 'name', 'unit_id'])
    .executeTakeFirstOrThrow();
  for (const grant of input.roles) {
    const unitId = grant.unitId ?? input.unitId;
    await getUnitOrThrow(trx, actor.officeId, unitId);
    await trx
      .insertInto('role_grants')
      .values({
        office_id: actor.officeId,
        user_id: user.id,
        role: grant.role,
        scope: grant.scope,
        unit_id: unitId,
      })
      .execute();
  }
  await tx.record({
    action: 'user.created',
    description: `Dodano użytkownika ${user.name} (${user.login})`,
    subject: { type: 'user', id: user.id },
    payload: { roles: input.roles },
  });
  return user;
}

export async function createSubstitution(deps: ActorDeps, input: CreateSubstitutionInput) {
  if (input.absentUserId === input.substituteUserId || input.endsOn < input.startsOn) {
    throw orgErrors.invalidSubstitution();
  }
  return runInTransaction(deps, async (tx) => {
    const absent = await getUserOrThrow(tx.trx, tx.actor.officeId, input.absentUserId);
    await getUserOrThrow(tx.trx, tx.actor.officeId, input.substituteUserId);
    assertCanManage(tx.actor, absent.unit_id);
    const substitution = await tx.trx
      .insertInto('substitutions')
      .values({
        office_id: tx.actor.officeId,
        absent_user_id: input.absentUserId,
        substitute_user_id: input.substituteUserId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: tx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.record({
      action: 'substitution.created',
      description: `Ustanowiono zastępstwo ${input.startsOn} – ${input.endsOn}`,
      subject: { type: 'substitution', id: substitution.id },
      payload: { ...input },
    });
    return substitution;
  });
}

export async function listUnits(deps: ActorDeps) {
  const units = await repo.listUnits(deps.db, deps.actor.officeId);
  return units.map((u) => ({
    id: u.id,
    symbol: u.symbol,
    name: u.name,
    parentId: u.parent_id,
    isSubordinateEntity: u.is_subordinate_entity,
  }));
}

export async function listPeople(deps: ActorDeps) {
  const people = await repo.listPeople(deps.db, deps.actor.officeId);
  const grants = await deps.db
    .selectFrom('role_grants')
    .select(['user_id', 'role', 'scope', 'unit_id'])
    .where('office_id', '=', deps.actor.officeId)
    .execute();
  return people.map((p) => ({
    id: p.id,
    login: p.login,
    name: p.name,
    kind: p.kind,
    unitId: p.unit_id,
    unitSymbol: p.unit_symbol,
    post: p.post,
    roles: grants
      .filter((g) => g.user_id === p.id)
      .map((g) => ({ role: g.role, scope: g.scope, unitId: g.unit_id })),
  }));
}

/** Substitutions (zastępstwa) that have not ended before `from` (default: today), by start date. */
export async function listSubstitutions(
  deps: ActorDeps,
  filter: { from?: string | undefined } = {},
) {
  const from = filter.from ?? localDate(deps.clock.now());
  const rows = await deps.db
    .selectFrom('substitutions')
    .innerJoin('users as absent', 'absent.id', 'substitutions.absent_user_id')
    .innerJoin('users as substitute', 'substitute.id', 'substitutions.substitute_user_id')
    .select([
      'substitutions.id',
      'substitutions.absent_user_id',
      'substitutions.substitute_user_id',
      'substitutions.starts_on',
      'substitutions.ends_on',
      'absent.name as absent_name',
      'substitute.name as substitute_name',
    ])
    .where('substitutions.office_id', '=', deps.actor.officeId)
    .where('substitutions.ends_on', '>=', from)
    .orderBy('substitutions.starts_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    absentUserId: r.absent_user_id,
    absentName: r.absent_name,
    substituteUserId: r.substitute_user_id,
    substituteName: r.substitute_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

export async function getUnitOrThrow(db: Executor, officeId: string, unitId: string) {
  const unit = await repo.findUnit(db, officeId, unitId);
  if (!unit) throw orgErrors.unitNotFound();
  return unit;
}

export async function getUserOrThrow(db: Executor, officeId: string, userId: string) {
  const user = await repo.findUser(db, officeId, userId);
  if (!user) throw orgErrors.userNotFound();
  return user;
}

function assertUnitSymbol(symbol: string) {
  if (!isValidUnitSymbol(symbol)) throw orgErrors.invalidUnitSymbol({ symbol });
}

function assertCanManage(actor: Actor, unitId: string) {
  if (!orgPolicy.can(actor, 'manage', { unitIds: [unitId], ownerIds: [] }))
    throw orgErrors.forbidden();
}

async function assertLoginFree(trx: Tx, login: string) {
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where('login', '=', login)
    .executeTakeFirst();
  if (taken) throw orgErrors.loginTaken();
}
