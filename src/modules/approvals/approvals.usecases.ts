import type { Executor } from '../../platform/db/database.ts';
import type { ApprovalStep, Row } from '../../platform/db/schema.ts';
import { canMove, moveDocument } from '../documents/document-lifecycle.ts';
import { findDocument } from '../documents/documents.repository.ts';
import { getDocumentForAction } from '../documents/documents.usecases.ts';
import { getUserOrThrow } from '../org/org.usecases.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { approvalErrors } from './approvals.errors.ts';
import { approvalPolicy } from './approvals.policy.ts';
import * as repo from './approvals.repository.ts';
import {
  approvalStepSchema,
  createPathSchema,
  type ApprovalStepInput,
  type CreatePathInput,
  type DecideInput,
} from './approvals.schemas.ts';

/** The administrator configures approval paths per unit, JRWA class and document kind. */
export async function createApprovalPath(deps: ActorDeps, rawInput: CreatePathInput) {
  const input = createPathSchema.parse(rawInput);
  return runInTransaction(deps, async (tx) => {
    if (!approvalPolicy.holds(tx.actor, 'managePaths')) throw approvalErrors.forbidden();
    const steps = await validateSteps(tx, input.steps);
    const path = await tx.trx
      .insertInto('approval_paths')
      .values({
        office_id: tx.actor.officeId,
        name: input.name,
        unit_id: input.unitId ?? null,
        jrwa_symbol: input.jrwaSymbol ?? null,
        document_kind: input.documentKind ?? null,
        steps: JSON.stringify(steps),
        created_by: tx.actor.userId,
        created_at: tx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.record({
      action: 'approval_path.created',
      description: `Utworzono ścieżkę akceptacji „${input.name}”`,
      subject: { type: 'approval_path', id: path.id },
      payload: { steps },
    });
    return { id: path.id };
  });
}

export async function listApprovalPaths(deps: ActorDeps) {
  const rows = await deps.db
    .selectFrom('approval_paths')
    .selectAll()
    .where('office_id', '=', deps.actor.officeId)
    .orderBy('name')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    unitId: p.unit_id,
    jrwaSymbol: p.jrwa_symbol,
    documentKind: p.document_kind,
    steps: p.steps,
  }));
}

/**
 * Sends the current version of a draft along an approval path: the given steps, the chosen path,
 * or the most specific configured path for the document's kind, JRWA class and unit.
 */
export async function sendForApproval(
  deps: ActorDeps,
  documentId: string,
  input: { pathId?: string | undefined; steps?: ApprovalStepInput[] | undefined },
) {
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, documentId, 'work');
    if (!canMove(document.status, 'send_for_approval') || document.current_version === 0)
      throw approvalErrors.notDraft();
    const kase = await tx.trx
      .selectFrom('cases')
      .select(['id', 'unit_id', 'jrwa_symbol'])
      .where('id', '=', document.case_id)
      .executeTakeFirstOrThrow();
    const path = input.steps
      ? null
      : await findPath(tx.trx, tx.actor.officeId, {
          pathId: input.pathId,
          unitId: kase.unit_id,
          jrwaSymbol: kase.jrwa_symbol,
          kind: document.kind,
        });
    const steps = input.steps
      ? await validateSteps(
          tx,
          input.steps.map((s) => approvalStepSchema.parse(s)),
        )
      : path?.steps;
    if (!steps) throw approvalErrors.noPath();
    const round = await tx.trx
      .insertInto('approval_rounds')
      .values({
        office_id: tx.actor.officeId,
        document_id: document.id,
        version: document.current_version,
        path_id: path?.id ?? null,
        started_by: tx.actor.userId,
        started_at: tx.now,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [index, step] of steps.entries()) {
      for (const approverId of step.approverIds) {
        await repo.insertTask(tx.trx, {
          office_id: tx.actor.officeId,
          round_id: round.id,
          step_no: index + 1,
          kind: step.kind,
          approver_id: approverId,
          status: index === 0 ? 'current' : 'waiting',
          decided_by: null,
          decided_at: null,
          comment: null,
        });
      }
    }
    await moveDocument(tx.trx, document, 'send_for_approval');
    const names = await approverNames(tx.trx, steps);
    await tx.record({
      action: 'approval.requested',
      description: `Przekazano do akceptacji wersję ${document.current_version} dokumentu „${document.title}”${path ? ` ścieżką „${path.name}”` : ''}: ${names}`,
      subject: { type: 'document', id: document.id },
      caseId: document.case_id,
      documentId: document.id,
      payload: { roundId: round.id, steps },
    });
    return { roundId: round.id };
  });
}

/**
 * The person at the current step approves (or gives an opinion), returns the draft with a comment
 * (back to draft), or forwards the task to someone else.
 */
export async function decideApproval(deps: ActorDeps, taskId: string, input: DecideInput) {
  return runInTransaction(deps, async (tx) => {
    const locked = await repo.lockTaskWithRound(tx.trx, tx.actor.officeId, taskId);
    if (!locked) throw approvalErrors.taskNotFound();
    const { task, round } = locked;
    const document = (await findDocument(tx.trx, tx.actor.officeId, round.document_id))!;
    if (
      task.status !== 'current' ||
      round.status !== 'pending' ||
      !tx.actor.deskUserIds.includes(task.approver_id)
    ) {
      // Whoever may not act on the task learns nothing about it unless they can see the case.
      await getDocumentForAction(tx.trx, tx.actor, document.id, 'read').catch(() => {
        throw approvalErrors.taskNotFound();
      });
      throw approvalErrors.notYourTurn();
    }
    const decision: Decision = { tx, task, round, document, input };
    if (input.decision === 'return') return returnDraft(decision);
    if (input.decision === 'forward') return forwardTask(decision);
    return approveStep(decision);
  });
}

interface Decision {
  tx: TransactionContext;
  task: Row<'approval_tasks'>;
  round: Row<'approval_rounds'>;
  document: Row<'documents'>;
  input: DecideInput;
}

/** The task decided by the actor (in person or for the approver they substitute). */
async function decide({ tx, task, input }: Decision, status: Row<'approval_tasks'>['status']) {
  await repo.decideTask(tx.trx, task.id, {
    status,
    decided_by: tx.actor.userId,
    decided_at: tx.now,
    comment: input.comment ?? null,
  });
}

const onBehalf = ({ tx, task }: Decision) =>
  task.approver_id !== tx.actor.userId ? ' (w zastępstwie)' : '';

/** Back to the author as a draft: the round ends, the tasks not reached are cancelled. */
async function returnDraft(decision: Decision) {
  const { tx, round, document, task, input } = decision;
  if (!input.comment) throw approvalErrors.commentRequired();
  await decide(decision, 'returned');
  await repo.cancelOpenTasks(tx.trx, round.id);
  await repo.finishRound(tx.trx, round.id, 'returned', tx.now);
  await moveDocument(tx.trx, document, 'return');
  await recordDecision(
    tx,
    document,
    task,
    'approval.returned',
    `Zwrócono do poprawy projekt „${document.title}”${onBehalf(decision)}: ${input.comment}`,
  );
  return { status: 'returned' as const };
}

/** Someone else takes the task over at the same step. */
async function forwardTask(decision: Decision) {
  const { tx, round, document, task, input } = decision;
  if (!input.forwardTo) throw approvalErrors.forwardTargetRequired();
  const target = await getUserOrThrow(tx.trx, tx.actor.officeId, input.forwardTo);
  await decide(decision, 'forwarded');
  await repo.insertTask(tx.trx, {
    office_id: tx.actor.officeId,
    round_id: round.id,
    step_no: task.step_no,
    kind: task.kind,
    approver_id: target.id,
    status: 'current',
    decided_by: null,
    decided_at: null,
    comment: null,
  });
  const label = task.kind === 'opinion' ? 'opinię' : 'akceptację';
  await recordDecision(
    tx,
    document,
    task,
    'approval.forwarded',
    `Przekazano ${label} projektu „${document.title}” do: ${target.name}${onBehalf(decision)}`,
  );
  return { status: 'forwarded' as const };
}

/**
 * The step's approval (or opinion): the round waits for the step's other approvers, goes on to
 * the next step, or, after the last one, approves the document.
 */
async function approveStep(decision: Decision) {
  const { tx, round, document, task, input } = decision;
  await decide(decision, 'approved');
  await recordDecision(
    tx,
    document,
    task,
    task.kind === 'opinion' ? 'approval.opinion_given' : 'approval.approved',
    `${task.kind === 'opinion' ? 'Wydano opinię do' : 'Zaakceptowano'} projekt „${document.title}” (krok ${task.step_no})${onBehalf(decision)}${input.comment ? `: ${input.comment}` : ''}`,
  );
  if (await repo.stepHasOpenTasks(tx.trx, round.id, task.step_no)) {
    return { status: 'waiting_for_parallel' as const };
  }
  if (await repo.startNextStep(tx.trx, round.id)) return { status: 'next_step' as const };
  await repo.finishRound(tx.trx, round.id, 'approved', tx.now);
  await moveDocument(tx.trx, document, 'approve');
  await tx.record({
    action: 'document.approved',
    description: `Projekt „${document.title}” (wersja ${round.version}) zaakceptowany na wszystkich krokach ścieżki`,
    subject: { type: 'document', id: document.id },
    caseId: document.case_id,
    documentId: document.id,
  });
  return { status: 'approved' as const };
}

/** Approval tasks waiting for the actor (or for someone they substitute). */
export async function listMyApprovalTasks(deps: ActorDeps) {
  return listTasks(deps.db, deps.actor.officeId, (q) =>
    q
      .where('approval_tasks.approver_id', 'in', deps.actor.deskUserIds)
      .where('approval_tasks.status', '=', 'current'),
  );
}

/** The whole approval history of a document: every round, every task and decision. */
export async function listDocumentApprovals(deps: ActorDeps, documentId: string) {
  const document = await getDocumentForAction(deps.db, deps.actor, documentId, 'read');
  return listTasks(deps.db, deps.actor.officeId, (q) =>
    q.where('approval_rounds.document_id', '=', document.id),
  );
}

function listTasksQuery(db: Executor, officeId: string) {
  return db
    .selectFrom('approval_tasks')
    .innerJoin('approval_rounds', 'approval_rounds.id', 'approval_tasks.round_id')
    .innerJoin('documents', 'documents.id', 'approval_rounds.document_id')
    .innerJoin('cases', 'cases.id', 'documents.case_id')
    .innerJoin('users', 'users.id', 'approval_tasks.approver_id')
    .select([
      'approval_tasks.id',
      'approval_tasks.round_id',
      'approval_tasks.step_no',
      'approval_tasks.kind',
      'approval_tasks.approver_id',
      'approval_tasks.status',
      'approval_tasks.decided_at',
      'approval_tasks.comment',
      'documents.id as document_id',
      'documents.title as document_title',
      'cases.id as case_id',
      'cases.sign as case_sign',
      'users.name as approver',
    ])
    .where('approval_tasks.office_id', '=', officeId);
}

async function listTasks(
  db: Executor,
  officeId: string,
  filter: (q: ReturnType<typeof listTasksQuery>) => ReturnType<typeof listTasksQuery>,
) {
  const rows = await filter(listTasksQuery(db, officeId))
    .orderBy('approval_rounds.started_at')
    .orderBy('approval_tasks.ordinal')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    documentId: r.document_id,
    documentTitle: r.document_title,
    caseId: r.case_id,
    caseSign: r.case_sign,
    stepNo: r.step_no,
    kind: r.kind,
    approverId: r.approver_id,
    approver: r.approver,
    status: r.status,
    decidedAt: r.decided_at?.toISOString() ?? null,
    comment: r.comment,
  }));
}

async function findPath(
  db: Executor,
  officeId: string,
  match: { pathId?: string | undefined; unitId: string; jrwaSymbol: string; kind: string },
) {
  const paths = await db
    .selectFrom('approval_paths')
    .selectAll()
    .where('office_id', '=', officeId)
    .execute();
  if (match.pathId) return paths.find((p) => p.id === match.pathId) ?? null;
  // A configured criterion must match; the path matching the most criteria wins.
  const applicable = paths.filter(
    (p) =>
      (!p.unit_id || p.unit_id === match.unitId) &&
      (!p.jrwa_symbol || p.jrwa_symbol === match.jrwaSymbol) &&
      (!p.document_kind || p.document_kind === match.kind),
  );
  const specificity = (p: Row<'approval_paths'>) =>
    Number(Boolean(p.unit_id)) + Number(Boolean(p.jrwa_symbol)) + Number(Boolean(p.document_kind));
  return applicable.sort((a, b) => specificity(b) - specificity(a))[0] ?? null;
}

async function validateSteps(
  tx: TransactionContext,
  steps: Array<{ kind: 'approve' | 'opinion'; approverIds: string[] }>,
): Promise<ApprovalStep[]> {
  for (const step of steps) {
    for (const id of step.approverIds) {
      await getUserOrThrow(tx.trx, tx.actor.officeId, id).catch(() => {
        throw approvalErrors.invalidSteps({ approverId: id });
      });
    }
  }
  return steps.map((s) => ({ kind: s.kind, approverIds: [...new Set(s.approverIds)] }));
}

async function approverNames(db: Executor, steps: ApprovalStep[]) {
  const ids = steps.flatMap((s) => s.approverIds);
  const users = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  const name = (id: string) => users.find((u) => u.id === id)?.name ?? id;
  return steps
    .map(
      (s, i) =>
        `${i + 1}. ${s.kind === 'opinion' ? 'opinia' : 'akceptacja'}: ${s.approverIds.map(name).join(', ')}`,
    )
    .join('; ');
}

async function recordDecision(
  tx: TransactionContext,
  document: Row<'documents'>,
  task: Row<'approval_tasks'>,
  action: string,
  description: string,
) {
  await tx.record({
    action,
    description,
    subject: { type: 'approval_task', id: task.id },
    caseId: document.case_id,
    documentId: document.id,
    payload: { stepNo: task.step_no },
  });
}
