import { definePolicy, type ResourceScope } from '../../platform/actor/policy.ts';
import type { Executor } from '../../platform/db/database.ts';

export const incomingPolicy = definePolicy({
  register: ['kancelaria', 'sekretariat', 'system'],
  read: ['kancelaria', 'sekretariat', 'kierownik', 'prowadzacy', 'sekretarz', 'system'],
  attach: ['kancelaria', 'sekretariat', 'kierownik', 'prowadzacy', 'system'],
  assign: ['kancelaria', 'sekretariat', 'kierownik', 'sekretarz'],
});

/**
 * An item belongs to the units and people it is assigned to (pending or accepted), to whoever
 * registered it, and to the unit and handler of the case it was joined to.
 */
export async function incomingScope(
  db: Executor,
  item: { id: string; registered_by: string; case_id: string | null },
): Promise<ResourceScope> {
  const assignments = await db
    .selectFrom('assignments')
    .leftJoin('users', 'users.id', 'assignments.user_id')
    .select(['assignments.unit_id', 'assignments.user_id', 'users.unit_id as user_unit_id'])
    .where('incoming_id', '=', item.id)
    .where('status', 'in', ['pending', 'accepted'])
    .execute();
  const unitIds = new Set<string>();
  const ownerIds = new Set<string>([item.registered_by]);
  for (const a of assignments) {
    if (a.unit_id) unitIds.add(a.unit_id);
    if (a.user_unit_id) unitIds.add(a.user_unit_id);
    if (a.user_id) ownerIds.add(a.user_id);
  }
  if (item.case_id) {
    const kase = await db
      .selectFrom('cases')
      .select(['unit_id', 'handler_id'])
      .where('id', '=', item.case_id)
      .executeTakeFirstOrThrow();
    unitIds.add(kase.unit_id);
    ownerIds.add(kase.handler_id);
  }
  return { unitIds: [...unitIds], ownerIds: [...ownerIds] };
}
