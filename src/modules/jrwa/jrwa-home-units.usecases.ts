/**
 * Home units (komórki macierzyste) of JRWA classes. A pre-2011 wykaz gives each final class one
 * archival category for its home unit and another for "pozostałe komórki" (usually Bc), but does
 * not say which unit that is: the office does, here, by class or by branch ('05' covers 0561).
 */
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { getUnitOrThrow } from '../org/org.usecases.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { jrwaErrors } from './jrwa.errors.ts';
import { jrwaPolicy } from './jrwa.policy.ts';
import { homeUnitClassesSchema, type HomeUnitClassesInput } from './jrwa.schemas.ts';

/** Sets the classes a unit owns (replacing what it owned before). */
export async function setHomeUnitClasses(
  deps: ActorDeps,
  unitId: string,
  rawInput: HomeUnitClassesInput,
) {
  const input = homeUnitClassesSchema.parse(rawInput);
  const symbols = [...new Set(input.symbols)].sort();
  return runInTransaction(deps, async (tx) => {
    if (!jrwaPolicy.can(tx.actor, 'import', { unitIds: [tx.actor.unitId], ownerIds: [] }))
      throw jrwaErrors.homeUnitsForbidden();
    const unit = await getUnitOrThrow(tx.trx, tx.actor.officeId, unitId);
    await tx.trx
      .deleteFrom('jrwa_home_units')
      .where('office_id', '=', tx.actor.officeId)
      .where('unit_id', '=', unit.id)
      .execute();
    if (symbols.length > 0) {
      await tx.trx
        .insertInto('jrwa_home_units')
        .values(
          symbols.map((symbol) => ({
            office_id: tx.actor.officeId,
            unit_id: unit.id,
            symbol,
            created_at: tx.now,
            created_by: tx.actor.userId,
          })),
        )
        .execute();
    }
    await tx.record({
      action: 'jrwa.home_unit_set',
      description: `Komórka ${unit.symbol} jest komórką macierzystą dla klas JRWA: ${symbols.join(', ') || 'żadnych'}`,
      subject: { type: 'unit', id: unit.id },
      payload: { symbols },
    });
    return { unitId: unit.id, symbols };
  });
}

export async function listHomeUnits(deps: ActorDeps) {
  const rows = await deps.db
    .selectFrom('jrwa_home_units')
    .select(['unit_id', 'symbol'])
    .where('office_id', '=', deps.actor.officeId)
    .orderBy('unit_id')
    .orderBy('symbol')
    .execute();
  const byUnit = new Map<string, string[]>();
  for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.symbol]);
  return [...byUnit].map(([unitId, symbols]) => ({ unitId, symbols }));
}

/**
 * Whether `unitId` (or a unit above it) is the home unit of the class `symbol`: true or false
 * when the office has named a home unit for the class or one of its branches, null when it has
 * named none (the caller then treats the handling unit as the home unit).
 */
export async function isHomeUnitOfClass(
  db: Executor,
  officeId: string,
  unitId: string,
  symbol: string,
): Promise<boolean | null> {
  const owners = await db
    .selectFrom('jrwa_home_units')
    .select('unit_id')
    .where('office_id', '=', officeId)
    .where(sql<boolean>`${symbol} like jrwa_home_units.symbol || '%'`)
    .execute();
  if (owners.length === 0) return null;
  const units = await db
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .where('office_id', '=', officeId)
    .execute();
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const ownerIds = new Set(owners.map((o) => o.unit_id));
  for (let id: string | null | undefined = unitId; id; id = parentOf.get(id)) {
    if (ownerIds.has(id)) return true;
  }
  return false;
}
