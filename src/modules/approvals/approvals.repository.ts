import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

/** A task and its round, locked for the decision (two approvers of a step decide one by one). */
export async function lockTaskWithRound(db: Executor, officeId: string, taskId: string) {
  const task = await db
    .selectFrom('approval_tasks')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', taskId)
    .forUpdate()
    .executeTakeFirst();
  if (!task) return undefined;
  const round = await db
    .selectFrom('approval_rounds')
    .selectAll()
    .where('id', '=', task.round_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { task, round };
}

export async function insertTask(db: Executor, task: NewRow<'approval_tasks'>) {
  await db.insertInto('approval_tasks').values(task).execute();
}

export async function decideTask(
  db: Executor,
  taskId: string,
  decision: Pick<Row<'approval_tasks'>, 'status' | 'decided_by' | 'decided_at' | 'comment'>,
) {
  await db.updateTable('approval_tasks').set(decision).where('id', '=', taskId).execute();
}

/** A returned draft ends its round: the tasks not reached yet are cancelled. */
export async function cancelOpenTasks(db: Executor, roundId: string) {
  await db
    .updateTable('approval_tasks')
    .set({ status: 'cancelled' })
    .where('round_id', '=', roundId)
    .where('status', 'in', ['current', 'waiting'])
    .execute();
}

/** Whether other approvers of the same step (parallel opinions) have still to decide. */
export async function stepHasOpenTasks(db: Executor, roundId: string, stepNo: number) {
  const open = await db
    .selectFrom('approval_tasks')
    .select('id')
    .where('round_id', '=', roundId)
    .where('step_no', '=', stepNo)
    .where('status', '=', 'current')
    .execute();
  return open.length > 0;
}

/** Makes the tasks of the next waiting step current; false when no step is left. */
export async function startNextStep(db: Executor, roundId: string) {
  const next = await db
    .updateTable('approval_tasks')
    .set({ status: 'current' })
    .where('round_id', '=', roundId)
    .where('status', '=', 'waiting')
    .where('step_no', '=', (eb) =>
      eb
        .selectFrom('approval_tasks')
        .select((s) => s.fn.min('step_no').as('m'))
        .where('round_id', '=', roundId)
        .where('status', '=', 'waiting'),
    )
    .returning('id')
    .execute();
  return next.length > 0;
}

export async function finishRound(
  db: Executor,
  roundId: string,
  status: 'approved' | 'returned',
  at: Date,
) {
  await db
    .updateTable('approval_rounds')
    .set({ status, finished_at: at })
    .where('id', '=', roundId)
    .execute();
}
