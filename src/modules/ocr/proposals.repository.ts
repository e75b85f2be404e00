import type { Executor } from '../../platform/db/database.ts';
import type { NewRow } from '../../platform/db/schema.ts';

/** New proposals; one already made (and perhaps decided) for the same value is kept as it is. */
export async function insertProposals(db: Executor, rows: NewRow<'identifier_proposals'>[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('identifier_proposals')
    .values(rows)
    .onConflict((oc) => oc.columns(['incoming_id', 'kind', 'value']).doNothing())
    .execute();
}

export function listLetterProposals(db: Executor, officeId: string, incomingId: string) {
  return db
    .selectFrom('identifier_proposals')
    .leftJoin('cases', 'cases.id', 'identifier_proposals.related_case_id')
    .leftJoin('incoming_items as related', 'related.id', 'identifier_proposals.related_incoming_id')
    .select([
      'identifier_proposals.id',
      'identifier_proposals.kind',
      'identifier_proposals.value',
      'identifier_proposals.raw',
      'identifier_proposals.status',
      'identifier_proposals.related_case_id',
      'identifier_proposals.related_incoming_id',
      'identifier_proposals.decided_at',
      'cases.sign as related_case_sign',
      'related.rpw_sign as related_rpw_sign',
    ])
    .where('identifier_proposals.office_id', '=', officeId)
    .where('identifier_proposals.incoming_id', '=', incomingId)
    .orderBy('identifier_proposals.found_at')
    .orderBy('identifier_proposals.kind')
    .orderBy('identifier_proposals.value')
    .execute();
}

export function findProposalForUpdate(db: Executor, officeId: string, id: string) {
  return db
    .selectFrom('identifier_proposals')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function decideProposal(
  db: Executor,
  id: string,
  decision: { status: 'accepted' | 'dismissed'; at: Date; by: string },
) {
  await db
    .updateTable('identifier_proposals')
    .set({ status: decision.status, decided_at: decision.at, decided_by: decision.by })
    .where('id', '=', id)
    .execute();
}

/** Unit symbols of the office: the first part of its case signs. */
export async function listUnitSymbols(db: Executor, officeId: string) {
  const rows = await db
    .selectFrom('units')
    .select('symbol')
    .where('office_id', '=', officeId)
    .execute();
  return new Set(rows.map((row) => row.symbol));
}

export function findCasesBySign(db: Executor, officeId: string, signs: readonly string[]) {
  if (signs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cases')
    .select(['id', 'sign'])
    .where('office_id', '=', officeId)
    .where('sign', 'in', signs)
    .execute();
}

export function findLettersByRpw(db: Executor, officeId: string, rpwSigns: readonly string[]) {
  if (rpwSigns.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incoming_items')
    .select(['id', 'rpw_sign', 'case_id'])
    .where('office_id', '=', officeId)
    .where('rpw_sign', 'in', rpwSigns)
    .execute();
}
