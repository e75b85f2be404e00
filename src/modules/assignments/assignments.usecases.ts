import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { getIncomingOrThrow } from '../incoming/incoming.usecases.ts';
import { getUnitOrThrow, getUserOrThrow } from '../org/org.usecases.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { assignmentErrors } from './assignments.errors.ts';
import { assignmentActions, assignmentPolicy, isAssignee } from './assignments.policy.ts';
import type { AssignInput, ChangeAssignmentInput } from './assignments.schemas.ts';

/** Dekretacja: assigns an incoming item to a unit and/or a person, with optional method and deadline. */
export async function assignIncoming(deps: ActorDeps, incomingId: string, input: AssignInput) {
  return runInTransaction(deps, async (tx) => {
    const { item } = await getIncomingOrThrow(tx.trx, tx.actor, incomingId, 'assign');
    return insertAssignment(tx, item, input, null);
  });
}

/** The assignee accepts: the item is now on their desk. */
export async function acceptAssignment(deps: ActorDeps, assignmentId: string) {
  return resolveAssignment(deps, assignmentId, 'accepted', null);
}

/** The assignee returns the item to whoever assigned it, saying why. */
export async function returnAssignment(deps: ActorDeps, assignmentId: string, comment: string) {
  return resolveAssignment(deps, assignmentId, 'returned', comment);
}

/** The assignee passes the item on (e.g. the unit head to a case handler). */
export async function forwardAssignment(deps: ActorDeps, assignmentId: string, input: AssignInput) {
  return runInTransaction(deps, async (tx) => {
    const { assignment, item } = await getPendingForAssignee(tx, assignmentId);
    await markResolved(tx, assignment.id, 'forwarded', null);
    return insertAssignment(tx, item, input, assignment.id);
  });
}

/** Method and deadline belong to whoever assigned: nobody else changes them. */
export async function changeAssignment(
  deps: ActorDeps,
  assignmentId: string,
  input: ChangeAssignmentInput,
) {
  return runInTransaction(deps, async (tx) => {
    const { assignment, item } = await getAssignmentOrThrow(tx.trx, tx.actor, assignmentId);
    if (!tx.actor.deskUserIds.includes(assignment.assigned_by))
      throw assignmentErrors.notAssigner();
    if (assignment.status !== 'pending') throw assignmentErrors.notPending();
    const changes = {
      ...(input.method !== undefined ? { method: input.method } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    };
    if (Object.keys(changes).length > 0) {
      await tx.trx
        .updateTable('assignments')
        .set(changes)
        .where('id', '=', assignment.id)
        .execute();
    }
    await tx.record({
      action: 'assignment.changed',
      description: `Zmieniono dekretację przesyłki ${item.rpw_sign}: ${describeChanges(input)}`,
      subject: { type: 'assignment', id: assignment.id },
      caseId: item.case_id,
      documentId: item.rpw_sign,
      payload: changes,
    });
    return { id: assignment.id };
  });
}

/** The full history of an item's assignments, oldest first. */
export async function listAssignments(deps: ActorDeps, incomingId: string) {
  const { item } = await getIncomingOrThrow(deps.db, deps.actor, incomingId);
  const rows = await deps.db
    .selectFrom('assignments')
    .selectAll()
    .where('incoming_id', '=', item.id)
    .orderBy('ordinal')
    .execute();
  return rows.map((row) => toAssignmentView(deps.actor, row));
}

/**
 * Letters waiting at the actor's desk: pending assignments to them or to the people they
 * substitute, and pending assignments to a unit they receive for. Oldest first.
 */
export async function listMyPendingAssignments(deps: ActorDeps) {
  const units = assignmentPolicy.visibility(deps.actor, 'receiveForUnit');
  const rows = await deps.db
    .selectFrom('assignments')
    .innerJoin('incoming_items', 'incoming_items.id', 'assignments.incoming_id')
    .selectAll('assignments')
    .select([
      'incoming_items.rpw_sign',
      'incoming_items.title',
      'incoming_items.sender_name',
      'incoming_items.received_at',
      'incoming_items.case_id',
    ])
    .where('assignments.office_id', '=', deps.actor.officeId)
    .where('assignments.status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('assignments.user_id', 'in', deps.actor.deskUserIds),
        eb.and([
          eb('assignments.user_id', 'is', null),
          units.all
            ? eb.lit(true)
            : units.unitIds.length
              ? eb('assignments.unit_id', 'in', units.unitIds)
              : eb.lit(false),
        ]),
      ]),
    )
    .orderBy('assignments.assigned_at')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    ...toAssignmentView(deps.actor, row),
    item: {
      rpwNumber: row.rpw_sign,
      title: row.title,
      senderName: row.sender_name,
      receivedAt: row.received_at.toISOString(),
      caseId: row.case_id,
    },
  }));
}

export function toAssignmentView(actor: Actor, a: Row<'assignments'>) {
  return {
    id: a.id,
    incomingId: a.incoming_id,
    unitId: a.unit_id,
    userId: a.user_id,
    method: a.method,
    deadline: a.deadline,
    status: a.status,
    assignedBy: a.assigned_by,
    assignedAt: a.assigned_at.toISOString(),
    parentId: a.parent_id,
    resolvedBy: a.resolved_by,
    resolvedAt: a.resolved_at?.toISOString() ?? null,
    comment: a.comment,
    allowedActions: assignmentActions(actor, a),
  };
}

async function insertAssignment(
  tx: TransactionContext,
  item: Row<'incoming_items'>,
  input: AssignInput,
  parentId: string | null,
) {
  const { trx, actor } = tx;
  if (!input.unitId && !input.userId) throw assignmentErrors.noTarget();
  const user = input.userId ? await getUserOrThrow(trx, actor.officeId, input.userId) : undefined;
  const unit = input.unitId
    ? await getUnitOrThrow(trx, actor.officeId, input.unitId)
    : await getUnitOrThrow(trx, actor.officeId, user!.unit_id);
  if (user && user.unit_id !== unit.id) throw assignmentErrors.userOutsideUnit();
  const assignment = await trx
    .insertInto('assignments')
    .values({
      office_id: actor.officeId,
      incoming_id: item.id,
      unit_id: unit.id,
      user_id: user?.id ?? null,
      method: input.method ?? null,
      deadline: input.deadline ?? null,
      assigned_by: actor.userId,
      assigned_at: tx.now,
      parent_id: parentId,
      resolved_by: null,
      resolved_at: null,
      comment: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const target = user ? `${user.name} (${unit.symbol})` : unit.symbol;
  await tx.record({
    action: parentId ? 'assignment.forwarded' : 'assignment.created',
    description: `${parentId ? 'Przekazano' : 'Zadekretowano'} przesyłkę ${item.rpw_sign} do: ${target}${input.deadline ? `, termin ${input.deadline}` : ''}`,
    subject: { type: 'assignment', id: assignment.id },
    caseId: item.case_id,
    documentId: item.rpw_sign,
    payload: { ...input, parentId },
  });
  return { id: assignment.id };
}

async function resolveAssignment(
  deps: ActorDeps,
  assignmentId: string,
  status: 'accepted' | 'returned',
  comment: string | null,
) {
  return runInTransaction(deps, async (tx) => {
    const { assignment, item } = await getPendingForAssignee(tx, assignmentId);
    await markResolved(tx, assignment.id, status, comment);
    await tx.record({
      action: status === 'accepted' ? 'assignment.accepted' : 'assignment.returned',
      description:
        status === 'accepted'
          ? `Przyjęto dekretację przesyłki ${item.rpw_sign}`
          : `Zwrócono dekretację przesyłki ${item.rpw_sign}: ${comment}`,
      subject: { type: 'assignment', id: assignment.id },
      caseId: item.case_id,
      documentId: item.rpw_sign,
      payload: comment ? { comment } : {},
    });
    return { id: assignment.id, status };
  });
}

async function markResolved(
  tx: TransactionContext,
  id: string,
  status: 'accepted' | 'returned' | 'forwarded',
  comment: string | null,
) {
  await tx.trx
    .updateTable('assignments')
    .set({ status, resolved_by: tx.actor.userId, resolved_at: tx.now, comment })
    .where('id', '=', id)
    .execute();
}

async function getPendingForAssignee(tx: TransactionContext, assignmentId: string) {
  const found = await getAssignmentOrThrow(tx.trx, tx.actor, assignmentId);
  if (!isAssignee(tx.actor, found.assignment)) throw assignmentErrors.notAssignee();
  if (found.assignment.status !== 'pending') throw assignmentErrors.notPending();
  return found;
}

async function getAssignmentOrThrow(db: Executor, actor: Actor, assignmentId: string) {
  const assignment = await db
    .selectFrom('assignments')
    .selectAll()
    .where('office_id', '=', actor.officeId)
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  if (!assignment) throw assignmentErrors.notFound();
  try {
    const { item } = await getIncomingOrThrow(db, actor, assignment.incoming_id);
    return { assignment, item };
  } catch {
    throw assignmentErrors.notFound();
  }
}

function describeChanges(input: ChangeAssignmentInput): string {
  const parts: string[] = [];
  if (input.method !== undefined) parts.push(`sposób: ${input.method ?? 'usunięto'}`);
  if (input.deadline !== undefined) parts.push(`termin: ${input.deadline ?? 'usunięto'}`);
  return parts.join(', ') || 'bez zmian';
}
