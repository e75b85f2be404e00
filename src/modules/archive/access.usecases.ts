import { sql } from 'kysely';
import { localDate } from '../../platform/clock.ts';
import { hasRole } from '../../platform/actor/policy.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { archiveErrors } from './archive.errors.ts';
import { archivePolicy } from './archive.policy.ts';
import * as repo from './archive.repository.ts';
import {
  decideAccessSchema,
  holdingsQuerySchema,
  requestAccessSchema,
  type DecideAccessInput,
  type HoldingsQuery,
  type RequestAccessInput,
} from './archive.schemas.ts';

const ANYWHERE = { unitIds: [], ownerIds: [] };

/**
 * Udostępnianie: a member of staff asks to view records the archive holds, or to borrow them;
 * the archivist approves (a loan with a return date) or refuses, and records the return. Every
 * step, and every reading of a held case, is written to the audit log.
 */
export async function requestAccess(deps: ActorDeps, rawInput: RequestAccessInput) {
  const input = requestAccessSchema.parse(rawInput);
  // Anyone in these roles may ask, whatever their unit: the archivist decides.
  if (!hasRole(deps.actor, ...archivePolicy.rules.requestAccess)) throw archiveErrors.forbidden();
  const id = await runInTransaction(deps, async (tx) => {
    const holding = await repo.findHolding(tx.trx, tx.actor.officeId, input.caseId);
    if (!holding) throw archiveErrors.notHeld();
    const loan = await tx.trx
      .insertInto('archive_loans')
      .values({
        office_id: tx.actor.officeId,
        case_id: holding.case_id,
        kind: input.kind,
        purpose: input.purpose,
        requested_by: tx.actor.userId,
        requested_at: tx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.record({
      action: 'archive.access_requested',
      description: `Wniosek o ${input.kind === 'loan' ? 'wypożyczenie' : 'wgląd do'} akt sprawy ${holding.sign}: ${input.purpose}`,
      subject: { type: 'archive_loan', id: loan.id },
    });
    return loan.id;
  });
  return getLoan(deps, id);
}

export async function decideAccess(deps: ActorDeps, loanId: string, rawInput: DecideAccessInput) {
  const input = decideAccessSchema.parse(rawInput);
  if (!archivePolicy.can(deps.actor, 'decideAccess', ANYWHERE)) throw archiveErrors.forbidden();
  await runInTransaction(deps, async (tx) => {
    const loan = await repo.findLoan(tx.trx, tx.actor.officeId, loanId);
    if (!loan) throw archiveErrors.loanNotFound();
    if (loan.status !== 'requested') throw archiveErrors.loanState();
    if (input.approve && loan.kind === 'loan') {
      if (!input.dueOn || input.dueOn < localDate(tx.now)) throw archiveErrors.dueDateRequired();
      // Paper records are in one place at a time: no second loan until the first comes back.
      const out = await tx.trx
        .selectFrom('archive_loans')
        .select('id')
        .where('case_id', '=', loan.case_id)
        .where('kind', '=', 'loan')
        .where('status', '=', 'approved')
        .forUpdate()
        .executeTakeFirst();
      if (out) throw archiveErrors.onLoan();
    }
    await tx.trx
      .updateTable('archive_loans')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: tx.actor.userId,
        decided_at: tx.now,
        due_on: input.approve && loan.kind === 'loan' ? input.dueOn! : null,
        decision_remarks: input.remarks ?? null,
      })
      .where('id', '=', loan.id)
      .execute();
    const what = loan.kind === 'loan' ? 'wypożyczenie' : 'wgląd do';
    await tx.record({
      action: input.approve ? 'archive.access_approved' : 'archive.access_rejected',
      description: input.approve
        ? `Zgoda na ${what} akt sprawy ${loan.sign}${loan.kind === 'loan' ? `, zwrot do ${input.dueOn}` : ''}`
        : `Odmowa udostępnienia akt sprawy ${loan.sign}${input.remarks ? `: ${input.remarks}` : ''}`,
      subject: { type: 'archive_loan', id: loan.id },
    });
  });
  return getLoan(deps, loanId);
}

/** The archivist records that borrowed records came back (or that a viewing ended). */
export async function returnLoan(deps: ActorDeps, loanId: string) {
  if (!archivePolicy.can(deps.actor, 'decideAccess', ANYWHERE)) throw archiveErrors.forbidden();
  await runInTransaction(deps, async (tx) => {
    const loan = await repo.findLoan(tx.trx, tx.actor.officeId, loanId);
    if (!loan) throw archiveErrors.loanNotFound();
    if (loan.status !== 'approved') throw archiveErrors.loanState();
    await tx.trx
      .updateTable('archive_loans')
      .set({ status: 'returned', returned_at: tx.now })
      .where('id', '=', loan.id)
      .execute();
    await tx.record({
      action: 'archive.loan_returned',
      description: `Zwrócono do archiwum akta sprawy ${loan.sign}`,
      subject: { type: 'archive_loan', id: loan.id },
    });
  });
  return getLoan(deps, loanId);
}

export async function getLoan(deps: ActorDeps, loanId: string) {
  const loan = await repo.findLoan(deps.db, deps.actor.officeId, loanId);
  if (
    !loan ||
    (loan.requested_by !== deps.actor.userId &&
      !archivePolicy.can(deps.actor, 'decideAccess', ANYWHERE))
  )
    throw archiveErrors.loanNotFound();
  return formatLoan(loan, localDate(deps.clock.now()));
}

/** The archivist's list of requests and loans, or one's own. */
export async function listLoans(deps: ActorDeps, filter: { status?: string } = {}) {
  let query = deps.db
    .selectFrom('archive_loans as l')
    .innerJoin('cases', 'cases.id', 'l.case_id')
    .selectAll('l')
    .select('cases.sign')
    .where('l.office_id', '=', deps.actor.officeId)
    .orderBy('l.requested_at', 'desc');
  if (!archivePolicy.can(deps.actor, 'decideAccess', ANYWHERE))
    query = query.where('l.requested_by', '=', deps.actor.userId);
  if (filter.status) query = query.where('l.status', '=', filter.status as never);
  const today = localDate(deps.clock.now());
  return (await query.limit(500).execute()).map((loan) => formatLoan(loan, today));
}

/**
 * A held case as the archive shows it: to the archivist, or to someone whose access the archivist
 * approved (until the loan is returned). Each reading is recorded.
 */
export async function readHolding(deps: ActorDeps, caseId: string) {
  return runInTransaction(deps, async (tx) => {
    const holding = await repo.findHolding(tx.trx, tx.actor.officeId, caseId);
    if (!holding) throw archiveErrors.notHeld();
    if (!archivePolicy.can(tx.actor, 'readRegister', ANYWHERE)) {
      const access = await tx.trx
        .selectFrom('archive_loans')
        .select('id')
        .where('case_id', '=', caseId)
        .where('requested_by', '=', tx.actor.userId)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      if (!access) throw archiveErrors.notHeld();
    }
    await tx.record({
      action: 'archive.case_read',
      description: `Udostępniono z archiwum akta sprawy ${holding.sign}`,
      subject: { type: 'case', id: caseId },
    });
    const [withParties] = await withPartyNames(tx.trx, [holding]);
    return withParties!;
  });
}

/** The archive's register, searched by sign, title or party, class and year. */
export async function searchHoldings(deps: ActorDeps, rawQuery: HoldingsQuery) {
  const query = holdingsQuerySchema.parse(rawQuery);
  if (!archivePolicy.can(deps.actor, 'readRegister', ANYWHERE)) throw archiveErrors.forbidden();
  let select = repo
    .holdingsOf(deps.db, deps.actor.officeId)
    .orderBy('cases.year', 'desc')
    .orderBy('cases.sign')
    .limit(query.limit);
  if (query.jrwaSymbol) select = select.where('cases.jrwa_symbol', '=', query.jrwaSymbol);
  if (query.year) select = select.where('cases.year', '=', query.year);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([
        eb('cases.sign', 'ilike', pattern),
        eb('cases.title', 'ilike', pattern),
        eb('h.archival_sign', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('case_parties')
            .select('case_parties.id')
            .whereRef('case_parties.case_id', '=', 'cases.id')
            .where('case_parties.name', 'ilike', pattern),
        ),
      ]),
    );
  }
  return withPartyNames(deps.db, await select.execute());
}

type HoldingRow = NonNullable<Awaited<ReturnType<typeof repo.findHolding>>>;

async function withPartyNames(db: ActorDeps['db'], rows: HoldingRow[]) {
  const parties =
    rows.length === 0
      ? []
      : await db
          .selectFrom('case_parties')
          .select(['case_id', 'name'])
          .where(
            'case_id',
            'in',
            rows.map((row) => row.case_id),
          )
          .orderBy(sql`added_at`)
          .execute();
  return rows.map((row) => ({
    caseId: row.case_id,
    sign: row.sign,
    title: row.title,
    jrwaSymbol: row.jrwa_symbol,
    year: row.year,
    unitId: row.unit_id,
    archivalCategory: row.archival_category,
    disposalFrom: row.disposal_from,
    expertReviewFrom: row.expert_review_from,
    transferSign: row.transfer_sign,
    acceptedAt: row.accepted_at.toISOString(),
    shelf: row.shelf,
    box: row.box,
    archivalSign: row.archival_sign,
    parties: parties.filter((p) => p.case_id === row.case_id).map((p) => p.name),
  }));
}

function formatLoan(loan: NonNullable<Awaited<ReturnType<typeof repo.findLoan>>>, today: string) {
  return {
    id: loan.id,
    caseId: loan.case_id,
    sign: loan.sign,
    kind: loan.kind,
    purpose: loan.purpose,
    status: loan.status,
    requestedBy: loan.requested_by,
    requestedAt: loan.requested_at.toISOString(),
    decidedAt: loan.decided_at?.toISOString() ?? null,
    dueOn: loan.due_on,
    overdue: loan.status === 'approved' && loan.due_on !== null && loan.due_on < today,
    decisionRemarks: loan.decision_remarks,
    returnedAt: loan.returned_at?.toISOString() ?? null,
  };
}
