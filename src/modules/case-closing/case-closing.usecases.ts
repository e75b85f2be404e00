import { localDate, localYear } from '../../platform/clock.ts';
import { takeNextNumber } from '../../platform/db/counters.ts';
import type { TransactionContext } from '../../platform/record/transaction.ts';
import { caseErrors } from '../cases/cases.errors.ts';
import { caseScope } from '../cases/cases.policy.ts';
import { listOpenSubCases, markCaseClosed } from '../cases/cases.repository.ts';
import { getCaseForAction } from '../cases/cases.usecases.ts';
import { ISSUABLE_STATUSES } from '../documents/document-lifecycle.ts';
import { listUnresolvedDocuments } from '../documents/documents.repository.ts';
import { getDocumentForAction } from '../documents/documents.usecases.ts';
import { getClassCategories } from '../jrwa/jrwa.repository.ts';
import { archivalOutcome, categoryForUnit } from '../jrwa/jrwa-category.ts';
import { isHomeUnitOfClass } from '../jrwa/jrwa-home-units.usecases.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { caseClosingErrors } from './case-closing.errors.ts';
import { caseClosingPolicy } from './case-closing.policy.ts';

const REGISTER_PREFIX = { decision: 'DEC', order: 'POST', certificate: 'ZAŚ' } as const;
const KIND_NAMES = {
  decision: 'decyzję',
  order: 'postanowienie',
  certificate: 'zaświadczenie',
} as const;

/** Issuing a decision (order, certificate) enters it in the office's register for the year. */
export async function issueDecision(deps: ActorDeps, documentId: string) {
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, documentId, 'read');
    await assertMay(tx, document.case_id, 'issueDecision');
    if (
      document.kind !== 'decision' &&
      document.kind !== 'order' &&
      document.kind !== 'certificate'
    ) {
      throw caseClosingErrors.notADecision();
    }
    if (!ISSUABLE_STATUSES.includes(document.status)) throw caseClosingErrors.notFinal();
    const existing = await tx.trx
      .selectFrom('decisions')
      .select('sign')
      .where('document_id', '=', document.id)
      .executeTakeFirst();
    if (existing) throw caseClosingErrors.alreadyIssued(existing.sign);
    const year = localYear(tx.now);
    const number = await takeNextNumber(tx.trx, {
      officeId: tx.actor.officeId,
      name: `decision-${document.kind}`,
      scope: '',
      year,
    });
    const sign = `${REGISTER_PREFIX[document.kind]}/${number}/${year}`;
    await tx.trx
      .insertInto('decisions')
      .values({
        office_id: tx.actor.officeId,
        year,
        number,
        sign,
        kind: document.kind,
        case_id: document.case_id,
        document_id: document.id,
        issued_at: tx.now,
        issued_by: tx.actor.userId,
      })
      .execute();
    await tx.record({
      action: 'decision.issued',
      description: `Wydano ${KIND_NAMES[document.kind]} „${document.title}”, nr w rejestrze ${sign}`,
      subject: { type: 'document', id: document.id },
      caseId: document.case_id,
      documentId: sign,
    });
    return { sign, number, year };
  });
}

/**
 * Closes a case once every draft is resolved. The closing date feeds the case list and the
 * retention of the archival category: B5 closed 2025-06-10 → disposal possible from 2031-01-01;
 * BE5 → the state archive's expert review from 2031-01-01 (it may make the records A, so it is
 * no disposal date). A pre-2011 wykaz's second category ("pozostałe komórki", usually Bc)
 * applies when the case was handled outside the class's home unit (jrwa-home-units.usecases.ts).
 */
export async function closeCase(deps: ActorDeps, caseId: string) {
  return runInTransaction(deps, async (tx) => {
    const kase = await assertMay(tx, caseId, 'close');
    if (kase.status === 'closed') throw caseErrors.closed();
    const unresolved = await listUnresolvedDocuments(tx.trx, kase.id);
    if (unresolved.length > 0)
      throw caseClosingErrors.unresolvedDrafts(unresolved.map((d) => d.title));
    const openSubCases = await listOpenSubCases(tx.trx, kase.id);
    if (openSubCases.length > 0)
      throw caseClosingErrors.openSubCases(openSubCases.map((s) => s.sign));
    const jrwaClass = await getClassCategories(tx.trx, kase.jrwa_version_id, kase.jrwa_symbol);
    const closedOn = localDate(tx.now);
    const inHomeUnit = await isHomeUnitOfClass(
      tx.trx,
      tx.actor.officeId,
      kase.unit_id,
      kase.jrwa_symbol,
    );
    const { category, elsewhere } = categoryForUnit(
      { category: jrwaClass.category, categoryElsewhere: jrwaClass.category_elsewhere },
      inHomeUnit,
    );
    const { disposalFrom, expertReviewFrom } = archivalOutcome(category, closedOn);
    await markCaseClosed(tx.trx, kase.id, {
      closed_at: tx.now,
      closed_by: tx.actor.userId,
      archival_category: category,
      disposal_from: disposalFrom,
      expert_review_from: expertReviewFrom,
    });
    const where = elsewhere
      ? ` (kategoria dla komórek innych niż macierzysta klasy ${kase.jrwa_symbol})`
      : '';
    const after = disposalFrom
      ? `, brakowanie możliwe od ${disposalFrom}`
      : expertReviewFrom
        ? `, ekspertyza archiwum państwowego od ${expertReviewFrom} (może zmienić kategorię na A)`
        : category === 'A'
          ? ', materiały archiwalne (przechowywane wieczyście)'
          : '';
    await tx.record({
      action: 'case.closed',
      description: `Zakończono sprawę ${kase.sign}; kategoria archiwalna ${category ?? 'brak'}${where}${after}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      payload: { closedOn, category, elsewhere, disposalFrom, expertReviewFrom },
    });
    return {
      id: kase.id,
      closedOn,
      archivalCategory: category,
      disposalFrom,
      expertReviewFrom,
    };
  });
}

/** The case, when the actor may see it (404 otherwise) and may take this step in it (403). */
async function assertMay(
  tx: TransactionContext,
  caseId: string,
  action: keyof typeof caseClosingPolicy.rules,
) {
  const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'read');
  if (!caseClosingPolicy.can(tx.actor, action, caseScope(kase))) throw caseErrors.forbidden();
  return kase;
}
