import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

export function insertSubmission(db: Executor, row: NewRow<'portal_submissions'>) {
  return db.insertInto('portal_submissions').values(row).returning('id').executeTakeFirstOrThrow();
}

/**
 * Takes the submission for processing for `leaseMs` unless another process holds it or it is
 * done: registration runs in several transactions, and two runners must not interleave.
 */
export function claimSubmission(db: Executor, id: string, now: Date, leaseMs: number) {
  return db
    .updateTable('portal_submissions')
    .set((eb) => ({
      lease_until: new Date(now.getTime() + leaseMs),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'received')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returningAll()
    .executeTakeFirst();
}

export function releaseSubmission(db: Executor, id: string, error: string | null) {
  return db
    .updateTable('portal_submissions')
    .set({ lease_until: null, last_error: error })
    .where('id', '=', id)
    .execute();
}

export function listPendingSubmissions(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('portal_submissions')
    .select('id')
    .where('status', '=', 'received')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('received_at')
    .limit(limit)
    .execute();
}

export function findSubmission(db: Executor, id: string) {
  return db.selectFrom('portal_submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An item this account registered for this submission (found again after a crash). */
export function findRegisteredItem(
  db: Executor,
  officeId: string,
  registeredBy: string,
  senderReference: string,
) {
  return db
    .selectFrom('incoming_items')
    .select(['id', 'rpw_sign', 'access_code'])
    .where('office_id', '=', officeId)
    .where('registered_by', '=', registeredBy)
    .where('sender_reference', '=', senderReference)
    .executeTakeFirst();
}

export async function hasAssignment(db: Executor, incomingId: string) {
  const row = await db
    .selectFrom('assignments')
    .select('id')
    .where('incoming_id', '=', incomingId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

/** The unit of that symbol, or the office's top unit when the office has none such. */
export async function findRoutingUnit(db: Executor, officeId: string, symbol: string) {
  const unit = await db
    .selectFrom('units')
    .select(['id', 'symbol'])
    .where('office_id', '=', officeId)
    .where('symbol', '=', symbol)
    .executeTakeFirst();
  if (unit) return unit;
  return db
    .selectFrom('units')
    .select(['id', 'symbol'])
    .where('office_id', '=', officeId)
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
}
