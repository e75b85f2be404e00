import type { Executor } from '../../platform/db/database.ts';

/** Every assignment (dekretacja) a letter has had, whatever its state. */
export async function listAssignmentIdsOfLetter(db: Executor, incomingId: string) {
  const rows = await db
    .selectFrom('assignments')
    .select('id')
    .where('incoming_id', '=', incomingId)
    .execute();
  return rows.map((row) => row.id);
}

/** The letters of many assignments at once (the search indexer); unknown ids give nothing. */
export async function findAssignmentLetterIds(db: Executor, assignmentIds: readonly string[]) {
  if (assignmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('assignments')
    .select('incoming_id')
    .where('id', 'in', assignmentIds)
    .execute();
  return rows.map((row) => row.incoming_id);
}
