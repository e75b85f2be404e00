import type { ActorDeps } from '../../platform/record/transaction.ts';
import { casePolicy, caseScope } from '../cases/cases.policy.ts';
import { incomingPolicy, incomingScope } from '../incoming/incoming.policy.ts';

/**
 * Search shows only what the actor may open: a hit in a case they may read, or a letter they may
 * read (incomingPolicy, with its assignments and case). The rules are those of the owners.
 */
export async function mayOpen(
  deps: ActorDeps,
  entry: {
    subject_type: string;
    subject_id: string;
    case_unit_id: string | null;
    case_handler_id: string | null;
  },
) {
  if (entry.case_unit_id && entry.case_handler_id) {
    const scope = caseScope({ unit_id: entry.case_unit_id, handler_id: entry.case_handler_id });
    if (casePolicy.can(deps.actor, 'read', scope)) return true;
  }
  if (entry.subject_type !== 'incoming') return false;
  const item = await deps.db
    .selectFrom('incoming_items')
    .select(['id', 'registered_by', 'case_id'])
    .where('id', '=', entry.subject_id)
    .executeTakeFirst();
  return Boolean(
    item && incomingPolicy.can(deps.actor, 'read', await incomingScope(deps.db, item)),
  );
}
