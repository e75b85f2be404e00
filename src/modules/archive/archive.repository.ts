import type { Executor } from '../../platform/db/database.ts';

/** Cases of one unit, class and year (the unit's spis spraw for that class), with their state. */
export function findCasesOfClass(
  db: Executor,
  key: { officeId: string; unitId: string; jrwaSymbol: string; year: number },
) {
  return db
    .selectFrom('cases')
    .select([
      'cases.id',
      'cases.sign',
      'cases.title',
      'cases.status',
      'cases.opened_at',
      'cases.closed_at',
      'cases.archival_category',
      'cases.number',
      'cases.sub_number',
    ])
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('archive_transfer_items as i')
            .innerJoin('archive_transfers as t', 't.id', 'i.transfer_id')
            .select('i.case_id')
            .whereRef('i.case_id', '=', 'cases.id')
            .where('t.status', '!=', 'returned'),
        )
        .as('listed'),
    ])
    .where('cases.office_id', '=', key.officeId)
    .where('cases.unit_id', '=', key.unitId)
    .where('cases.jrwa_symbol', '=', key.jrwaSymbol)
    .where('cases.year', '=', key.year)
    .orderBy('cases.number')
    .orderBy((eb) => eb.fn.coalesce('cases.sub_number', eb.lit(0)))
    .execute();
}

export function findTransfer(db: Executor, officeId: string, id: string) {
  return db
    .selectFrom('archive_transfers')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findTransferItems(db: Executor, transferId: string) {
  return db
    .selectFrom('archive_transfer_items as i')
    .innerJoin('cases', 'cases.id', 'i.case_id')
    .select([
      'i.position',
      'i.case_id',
      'cases.sign',
      'cases.title',
      'cases.opened_at',
      'cases.closed_at',
      'cases.archival_category',
    ])
    .where('i.transfer_id', '=', transferId)
    .orderBy('i.position')
    .execute();
}

/** Documents of these cases still waiting for a decision (a draft or in approval). */
export function findUnresolvedDocuments(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('documents')
    .select(['case_id', 'title', 'status'])
    .where('case_id', 'in', caseIds)
    .where('status', 'in', ['draft', 'in_approval'])
    .execute();
}

/** Documents marked signed that have no signature on file. */
export function findSignedWithoutSignature(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('documents')
    .select(['documents.case_id', 'documents.title'])
    .where('documents.case_id', 'in', caseIds)
    .where('documents.status', '=', 'signed')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('document_signatures')
            .select('document_signatures.id')
            .whereRef('document_signatures.document_id', '=', 'documents.id'),
        ),
      ),
    )
    .execute();
}

/** Held cases with what the register shows of them (sign, class, category, place). */
export function holdingsOf(db: Executor, officeId: string) {
  return db
    .selectFrom('archive_holdings as h')
    .innerJoin('cases', 'cases.id', 'h.case_id')
    .innerJoin('archive_transfers as t', 't.id', 'h.transfer_id')
    .select([
      'h.case_id',
      'h.accepted_at',
      'h.shelf',
      'h.box',
      'h.archival_sign',
      't.sign as transfer_sign',
      'cases.sign',
      'cases.title',
      'cases.jrwa_symbol',
      'cases.year',
      'cases.unit_id',
      'cases.archival_category',
      'cases.disposal_from',
      'cases.expert_review_from',
    ])
    .where('h.office_id', '=', officeId);
}

export function findHolding(db: Executor, officeId: string, caseId: string) {
  return holdingsOf(db, officeId).where('h.case_id', '=', caseId).executeTakeFirst();
}

export function findLoan(db: Executor, officeId: string, id: string) {
  return db
    .selectFrom('archive_loans as l')
    .innerJoin('cases', 'cases.id', 'l.case_id')
    .selectAll('l')
    .select('cases.sign')
    .where('l.office_id', '=', officeId)
    .where('l.id', '=', id)
    .executeTakeFirst();
}
