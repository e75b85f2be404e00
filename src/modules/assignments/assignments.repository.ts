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

/** The letter an assignment is for, or undefined for an unknown id. */
export async function findAssignmentLetterId(db: Executor, assignmentId: string) {
  const row = await db
    .selectFrom('assignments')
    .select('incoming_id')
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  return row?.incoming_id;
}
