import { localDate, localYear } from '../../platform/clock.ts';
import { takeNextNumber } from '../../platform/db/counters.ts';
import { AppError } from '../../platform/errors.ts';
import { getDocumentForAction } from '../documents/documents.usecases.ts';
import { archivalOutcome, categoryForUnit } from '../jrwa/jrwa-category.ts';
import { isHomeUnitOfClass } from '../jrwa/jrwa-home-units.usecases.ts';
import { runInTransaction, type ActorDeps } from '../record/record.transaction.ts';
import { caseErrors } from './cases.errors.ts';
import { getCaseForAction } from './cases.usecases.ts';

const REGISTER_PREFIX = { decision: 'DEC', order: 'POST', certificate: 'ZAŚ' } as const;
const KIND_NAMES = {
  decision: 'decyzję',
  order: 'postanowienie',
  certificate: 'zaświadczenie',
} as const;

/** Issuing a decision (order, certificate) enters it in the office's register for the year. */
export async function issueDecision(deps: ActorDeps, documentId: string) {
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, documentId, 'work');
    if (
      document.kind !== 'decision' &&
      document.kind !== 'order' &&
      document.kind !== 'certificate'
    ) {
      throw new AppError(
        'decision.not_a_decision',
        422,
        'Only decisions, orders and certificates are entered in the register.',
        'Do rejestru wpisuje się tylko decyzje, postanowienia i zaświadczenia.',
      );
    }
    if (!['approved', 'signed', 'dispatched'].includes(document.status)) {
      throw new AppError(
        'decision.not_final',
        409,
        'Issue the decision once it is approved and signed.',
        'Decyzję wydaje się po akceptacji i podpisaniu.',
      );
    }
    const existing = await tx.trx
      .selectFrom('decisions')
      .select('sign')
      .where('document_id', '=', document.id)
      .executeTakeFirst();
    if (existing)
      throw new AppError(
        'decision.already_issued',
        409,
        `Already issued as ${existing.sign}.`,
        `Już wydano jako ${existing.sign}.`,
      );
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
    const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'work');
    if (kase.status === 'closed') throw caseErrors.closed();
    const unresolved = await tx.trx
      .selectFrom('documents')
      .select(['title', 'status'])
      .where('case_id', '=', kase.id)
      .where('status', 'in', ['draft', 'in_approval'])
      .execute();
    if (unresolved.length > 0) {
      throw new AppError(
        'case.unresolved_drafts',
        409,
        'Resolve every draft (approve, sign or cancel it) before closing the case.',
        'Przed zakończeniem sprawy rozstrzygnij wszystkie projekty (zaakceptuj, podpisz lub anuluj).',
        { documents: unresolved.map((d) => d.title) },
      );
    }
    const openSubCases = await tx.trx
      .selectFrom('cases')
      .select('sign')
      .where('parent_case_id', '=', kase.id)
      .where('status', '=', 'open')
      .execute();
    if (openSubCases.length > 0) {
      throw new AppError(
        'case.open_sub_cases',
        409,
        'Close the sub-cases first.',
        'Najpierw zakończ podteczki.',
        { subCases: openSubCases.map((s) => s.sign) },
      );
    }
    const jrwaClass = await tx.trx
      .selectFrom('jrwa_classes')
      .select(['category', 'category_elsewhere'])
      .where('version_id', '=', kase.jrwa_version_id)
      .where('symbol', '=', kase.jrwa_symbol)
      .executeTakeFirstOrThrow();
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
    await tx.trx
      .updateTable('cases')
      .set({
        status: 'closed',
        closed_at: tx.now,
        closed_by: tx.actor.userId,
        archival_category: category,
        disposal_from: disposalFrom,
        expert_review_from: expertReviewFrom,
      })
      .where('id', '=', kase.id)
      .execute();
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
