import type { Executor } from '../../platform/db/database.ts';
import type { Visibility } from '../../platform/actor/policy.ts';
import type { Row } from '../../platform/db/schema.ts';

export function findCase(db: Executor, officeId: string, id: string) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listCaseIncomingIds(db: Executor, caseId: string) {
  return db
    .selectFrom('incoming_items')
    .select('id')
    .where('case_id', '=', caseId)
    .orderBy('received_at')
    .execute();
}

export function listCases(
  db: Executor,
  officeId: string,
  visibility: Visibility,
  filter: {
    status?: 'open' | 'closed' | undefined;
    handlerId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  let query = db
    .selectFrom('cases')
    .select(['id', 'sign', 'title', 'status', 'unit_id', 'handler_id', 'opened_at', 'closed_at'])
    .where('office_id', '=', officeId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.handlerId) query = query.where('handler_id', '=', filter.handlerId);
  if (!visibility.all) {
    const { unitIds, ownerIds } = visibility;
    query = query.where((eb) =>
      eb.or([
        ...(unitIds.length ? [eb('unit_id', 'in', unitIds)] : []),
        ...(ownerIds.length ? [eb('handler_id', 'in', ownerIds)] : []),
        eb.lit(false),
      ]),
    );
  }
  return query.orderBy('opened_at', 'desc').limit(filter.limit).offset(filter.offset).execute();
}

/**
 * Spis spraw rows: cases of one unit and class started in one year, with their initiating letter.
 * A sub-case (podteczka) is listed under its parent, whichever year its own sign carries.
 */
export function listCasesForCaseList(
  db: Executor,
  officeId: string,
  filter: { year: number; unitId: string; jrwaSymbol: string },
) {
  return db
    .selectFrom('cases')
    .innerJoin('users as handler', 'handler.id', 'cases.handler_id')
    .leftJoin('cases as parent', 'parent.id', 'cases.parent_case_id')
    .leftJoin('incoming_items as initiating', 'initiating.id', 'cases.initiating_incoming_id')
    .select([
      'cases.number',
      'cases.sub_number',
      'cases.sign',
      'cases.title',
      'cases.opened_at',
      'cases.closed_at',
      'cases.remarks',
      'handler.name as handler_name',
      'initiating.sender_name',
      'initiating.sender_reference',
      'initiating.letter_date',
    ])
    .where('cases.office_id', '=', officeId)
    .where((eb) => eb(eb.fn.coalesce('parent.year', 'cases.year'), '=', filter.year))
    .where('cases.unit_id', '=', filter.unitId)
    .where('cases.jrwa_symbol', '=', filter.jrwaSymbol)
    .orderBy('cases.number')
    .orderBy('cases.sub_number', (ob) => ob.nullsFirst())
    .orderBy('cases.year')
    .execute();
}

/** Sub-cases (podteczki) of a case still open: a case closes after them. */
export function listOpenSubCases(db: Executor, caseId: string) {
  return db
    .selectFrom('cases')
    .select('sign')
    .where('parent_case_id', '=', caseId)
    .where('status', '=', 'open')
    .execute();
}

/** A closed case keeps its closing date, who closed it, and its archival outcome. */
export async function markCaseClosed(
  db: Executor,
  caseId: string,
  closing: Pick<
    Row<'cases'>,
    'closed_at' | 'closed_by' | 'archival_category' | 'disposal_from' | 'expert_review_from'
  >,
) {
  await db
    .updateTable('cases')
    .set({ status: 'closed', ...closing })
    .where('id', '=', caseId)
    .execute();
}

/**
 * The deadline of a case as case-deadlines computes it: the kind, term and start it was set with,
 * and the due date of its clock (kept on the case for lists and the deadline scan).
 */
export async function setCaseDeadlineTerms(
  db: Executor,
  caseId: string,
  terms: Partial<
    Pick<
      Row<'cases'>,
      | 'deadline_kind'
      | 'deadline_term'
      | 'deadline_starts_on'
      | 'deadline_remind_on'
      | 'deadline_due'
    >
  >,
) {
  await db.updateTable('cases').set(terms).where('id', '=', caseId).execute();
}
