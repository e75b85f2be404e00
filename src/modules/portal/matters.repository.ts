import type { Executor } from '../../platform/db/database.ts';

export function listCitizenSubmissions(db: Executor, citizenId: string, limit = 100) {
  return db
    .selectFrom('portal_submissions')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .orderBy('received_at', 'desc')
    .limit(limit)
    .execute();
}

export function findCitizenSubmission(db: Executor, citizenId: string, submissionId: string) {
  return db
    .selectFrom('portal_submissions')
    .selectAll()
    .where('citizen_id', '=', citizenId)
    .where('id', '=', submissionId)
    .executeTakeFirst();
}

export function findItem(db: Executor, incomingId: string) {
  return db
    .selectFrom('incoming_items')
    .select(['id', 'rpw_sign', 'case_id', 'registered_at', 'received_at', 'access_code'])
    .where('id', '=', incomingId)
    .executeTakeFirst();
}

export function firstAssignment(db: Executor, incomingId: string) {
  return db
    .selectFrom('assignments')
    .select(['assigned_at'])
    .where('incoming_id', '=', incomingId)
    .orderBy('ordinal')
    .limit(1)
    .executeTakeFirst();
}

export function findCase(db: Executor, caseId: string) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'sign',
      'status',
      'opened_at',
      'closed_at',
      'deadline_term',
      'deadline_starts_on',
      'deadline_kind',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export function listPauses(db: Executor, caseId: string) {
  return db
    .selectFrom('case_deadline_pauses')
    .select(['reason', 'starts_on', 'ends_on', 'seq'])
    .where('case_id', '=', caseId)
    .orderBy('starts_on')
    .orderBy('seq')
    .execute();
}

export function listExtensions(db: Executor, caseId: string) {
  return db
    .selectFrom('case_deadline_extensions')
    .select(['previous_due', 'new_due', 'reason', 'created_at', 'seq'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}

export function listDecisions(db: Executor, caseId: string) {
  return db
    .selectFrom('decisions')
    .select(['kind', 'sign', 'issued_at', 'document_id'])
    .where('case_id', '=', caseId)
    .orderBy('issued_at')
    .execute();
}

/** Deliveries of the case's decisions, by any dispatch method. */
export function listDecisionDeliveries(db: Executor, caseId: string) {
  return db
    .selectFrom('outgoing_items')
    .innerJoin('decisions', 'decisions.document_id', 'outgoing_items.document_id')
    .select([
      'outgoing_items.delivered_on',
      'outgoing_items.appeal_due',
      'outgoing_items.appeal_term',
    ])
    .where('outgoing_items.case_id', '=', caseId)
    .where('outgoing_items.status', '=', 'delivered')
    .orderBy('outgoing_items.delivered_on')
    .execute();
}

/** Letters of the office made available to this citizen in the portal, in one case or all. */
export function listCitizenLetters(db: Executor, citizenId: string, caseId?: string) {
  let query = db
    .selectFrom('portal_letters')
    .innerJoin('outgoing_items', 'outgoing_items.id', 'portal_letters.outgoing_id')
    .leftJoin('documents', 'documents.id', 'outgoing_items.document_id')
    .select([
      'portal_letters.outgoing_id',
      'portal_letters.available_at',
      'portal_letters.downloaded_at',
      'outgoing_items.rkw_sign',
      'outgoing_items.case_id',
      'outgoing_items.status',
      'outgoing_items.sent_at',
      'outgoing_items.delivered_on',
      'outgoing_items.delivery_kind',
      'outgoing_items.appeal_due',
      'outgoing_items.appeal_term',
      'documents.title',
      'documents.kind',
    ])
    .where('portal_letters.citizen_id', '=', citizenId);
  if (caseId) query = query.where('outgoing_items.case_id', '=', caseId);
  return query.orderBy('portal_letters.available_at', 'desc').execute();
}
