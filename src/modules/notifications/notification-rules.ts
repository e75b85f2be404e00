import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';

/** A notification before it is stored: one recipient, deduplicated by `dedupeKey`. */
export interface NotificationDraft {
  officeId: string;
  userId: string;
  kind: NotificationKind;
  messagePl: string;
  message: string;
  caseId: string | null;
  link: string | null;
  dedupeKey: string;
}

export type NotificationKind =
  | 'assignment'
  | 'assignment_returned'
  | 'case_handler'
  | 'approval_waiting'
  | 'approval_returned'
  | 'signature_waiting'
  | 'deadline_soon'
  | 'deadline_missed'
  | 'deadline_reminder'
  | 'portal_not_collected';

type AuditEvent = Pick<
  Row<'audit_events'>,
  'office_id' | 'action' | 'subject_type' | 'subject_id' | 'case_id' | 'payload'
>;

/**
 * Who should hear about an audit event. The rules read the current state (an assignment's
 * recipient, a document's current approval step) rather than trusting the event payload, so a
 * replay after a crash produces the same notifications, which the dedupe key then drops.
 */
export async function notificationsForEvent(
  db: Executor,
  event: AuditEvent,
): Promise<NotificationDraft[]> {
  const base = { officeId: event.office_id, caseId: event.case_id };
  switch (event.action) {
    case 'assignment.created':
    case 'assignment.forwarded':
      return assignmentWaiting(db, base, event.subject_id);
    case 'assignment.returned':
      return assignmentReturned(db, base, event.subject_id);
    case 'case.handler_changed':
      return handlerChanged(db, base, event.subject_id);
    case 'approval.requested':
    case 'approval.approved':
    case 'approval.opinion_given':
    case 'approval.forwarded':
      return approvalsWaiting(db, base, documentIdOf(event));
    case 'approval.returned':
      return approvalReturned(db, base, documentIdOf(event));
    case 'document.approved':
      return signatureWaiting(db, base, event.subject_id);
    case 'outgoing.not_collected':
      return portalNotCollected(db, base, event.subject_id);
    default:
      return [];
  }
}

type Base = { officeId: string; caseId: string | null };

function documentIdOf(event: AuditEvent): string | null {
  if (event.subject_type === 'document') return event.subject_id;
  const payload = event.payload as { documentId?: unknown } | null;
  return typeof payload?.documentId === 'string' ? payload.documentId : null;
}

async function assignmentWaiting(db: Executor, base: Base, assignmentId: string) {
  const assignment = await db
    .selectFrom('assignments')
    .innerJoin('incoming_items', 'incoming_items.id', 'assignments.incoming_id')
    .select([
      'assignments.id',
      'assignments.user_id',
      'assignments.unit_id',
      'assignments.status',
      'assignments.deadline',
      'incoming_items.id as incoming_id',
      'incoming_items.rpw_sign',
      'incoming_items.title',
    ])
    .where('assignments.id', '=', assignmentId)
    .executeTakeFirst();
  if (!assignment || assignment.status !== 'pending') return [];
  // A letter sent to a unit reaches its head and its secretariat (sekretariat) until someone
  // assigns it further.
  const recipients = assignment.user_id
    ? [assignment.user_id]
    : await unitDesk(db, assignment.unit_id!, ['kierownik', 'sekretariat']);
  const due = assignment.deadline ? `, termin ${assignment.deadline}` : '';
  const dueEn = assignment.deadline ? `, due ${assignment.deadline}` : '';
  return recipients.map((userId) => ({
    ...base,
    userId,
    kind: 'assignment' as const,
    messagePl: `Nowa dekretacja: ${assignment.rpw_sign} „${assignment.title}”${due}`,
    message: `New assignment: ${assignment.rpw_sign} "${assignment.title}"${dueEn}`,
    link: `/incoming/${assignment.incoming_id}`,
    dedupeKey: `assignment:${assignment.id}`,
  }));
}

async function assignmentReturned(db: Executor, base: Base, assignmentId: string) {
  const assignment = await db
    .selectFrom('assignments')
    .innerJoin('incoming_items', 'incoming_items.id', 'assignments.incoming_id')
    .select([
      'assignments.id',
      'assignments.assigned_by',
      'assignments.comment',
      'incoming_items.id as incoming_id',
      'incoming_items.rpw_sign',
    ])
    .where('assignments.id', '=', assignmentId)
    .executeTakeFirst();
  if (!assignment) return [];
  return [
    {
      ...base,
      userId: assignment.assigned_by,
      kind: 'assignment_returned' as const,
      messagePl: `Zwrócono dekretację ${assignment.rpw_sign}: ${assignment.comment ?? ''}`.trim(),
      message: `Assignment returned: ${assignment.rpw_sign}: ${assignment.comment ?? ''}`.trim(),
      link: `/incoming/${assignment.incoming_id}`,
      dedupeKey: `assignment_returned:${assignment.id}`,
    },
  ];
}

async function handlerChanged(db: Executor, base: Base, caseId: string) {
  const kase = await db
    .selectFrom('cases')
    .select(['id', 'sign', 'title', 'handler_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!kase) return [];
  return [
    {
      ...base,
      userId: kase.handler_id,
      kind: 'case_handler' as const,
      messagePl: `Przydzielono Ci sprawę ${kase.sign} „${kase.title}”`,
      message: `You now handle case ${kase.sign} "${kase.title}"`,
      link: `/cases/${kase.id}`,
      dedupeKey: `case_handler:${kase.id}:${kase.handler_id}`,
    },
  ];
}

async function approvalsWaiting(db: Executor, base: Base, documentId: string | null) {
  if (!documentId) return [];
  const tasks = await db
    .selectFrom('approval_tasks')
    .innerJoin('approval_rounds', 'approval_rounds.id', 'approval_tasks.round_id')
    .innerJoin('documents', 'documents.id', 'approval_rounds.document_id')
    .select([
      'approval_tasks.id',
      'approval_tasks.approver_id',
      'approval_tasks.kind',
      'documents.id as document_id',
      'documents.title',
    ])
    .where('approval_rounds.document_id', '=', documentId)
    .where('approval_tasks.status', '=', 'current')
    .execute();
  return tasks.map((task) => ({
    ...base,
    userId: task.approver_id,
    kind: 'approval_waiting' as const,
    messagePl: `${task.kind === 'opinion' ? 'Do zaopiniowania' : 'Do akceptacji'}: „${task.title}”`,
    message: `${task.kind === 'opinion' ? 'Opinion requested' : 'Approval requested'}: "${task.title}"`,
    link: `/documents/${task.document_id}`,
    dedupeKey: `approval:${task.id}`,
  }));
}

async function approvalReturned(db: Executor, base: Base, documentId: string | null) {
  if (!documentId) return [];
  const round = await db
    .selectFrom('approval_rounds')
    .innerJoin('documents', 'documents.id', 'approval_rounds.document_id')
    .select(['approval_rounds.id', 'documents.title', 'documents.created_by'])
    .where('approval_rounds.document_id', '=', documentId)
    .where('approval_rounds.status', '=', 'returned')
    .orderBy('approval_rounds.started_at', 'desc')
    .executeTakeFirst();
  if (!round) return [];
  return [
    {
      ...base,
      userId: round.created_by,
      kind: 'approval_returned' as const,
      messagePl: `Projekt „${round.title}” zwrócony do poprawy`,
      message: `Draft "${round.title}" returned for changes`,
      link: `/documents/${documentId}`,
      dedupeKey: `approval_returned:${round.id}`,
    },
  ];
}

async function signatureWaiting(db: Executor, base: Base, documentId: string) {
  const document = await db
    .selectFrom('documents')
    .innerJoin('cases', 'cases.id', 'documents.case_id')
    .select([
      'documents.id',
      'documents.title',
      'documents.current_version',
      'documents.created_by',
      'cases.handler_id',
    ])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
  if (!document) return [];
  const recipients = [...new Set([document.handler_id, document.created_by])];
  return recipients.map((userId) => ({
    ...base,
    userId,
    kind: 'signature_waiting' as const,
    messagePl: `Zaakceptowano „${document.title}” – czeka na podpis`,
    message: `"${document.title}" approved – waiting for signature`,
    link: `/documents/${document.id}`,
    dedupeKey: `signature:${document.id}:${document.current_version}`,
  }));
}

/**
 * A letter not downloaded from the portal is not delivered (no fiction, KPA art. 39 § 1): the
 * case handler must send it by e-Doręczenia or post.
 */
async function portalNotCollected(db: Executor, base: Base, outgoingId: string) {
  const item = await db
    .selectFrom('outgoing_items')
    .innerJoin('cases', 'cases.id', 'outgoing_items.case_id')
    .select([
      'outgoing_items.id',
      'outgoing_items.rkw_sign',
      'outgoing_items.status',
      'cases.id as case_id',
      'cases.sign',
      'cases.handler_id',
    ])
    .where('outgoing_items.id', '=', outgoingId)
    .executeTakeFirst();
  if (!item || item.status !== 'sent') return [];
  return [
    {
      ...base,
      userId: item.handler_id,
      kind: 'portal_not_collected' as const,
      messagePl: `Pisma ${item.rkw_sign} (sprawa ${item.sign}) nie pobrano w portalu: nie jest doręczone – doręcz je przez e-Doręczenia lub pocztą`,
      message: `Letter ${item.rkw_sign} (case ${item.sign}) was not downloaded from the portal: it is not delivered – send it by e-Doręczenia or post`,
      link: `/cases/${item.case_id}`,
      dedupeKey: `portal_not_collected:${item.id}`,
    },
  ];
}

/** Active people holding one of `roles` for the unit itself (not office-wide administrators). */
async function unitDesk(db: Executor, unitId: string, roles: Row<'role_grants'>['role'][]) {
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .select('users.id')
    .distinct()
    .where('role_grants.unit_id', '=', unitId)
    .where('role_grants.role', 'in', roles)
    .where('users.active', '=', true)
    .where('users.kind', '=', 'person')
    .execute();
  return rows.map((r) => r.id);
}
