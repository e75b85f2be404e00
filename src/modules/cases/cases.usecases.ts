import { localDate, localYear } from '../../platform/clock.ts';
import { takeNextNumber } from '../../platform/db/counters.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { getIncomingOrThrow } from '../incoming/incoming.usecases.ts';
import { getFinalClassOrThrow } from '../jrwa/jrwa.usecases.ts';
import { getUnitOrThrow, getUserOrThrow } from '../org/org.usecases.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { setItemCase } from '../incoming/incoming.repository.ts';
import { addInitiatingParty } from './case-parties.usecases.ts';
import { formatCaseSign } from './case-sign.ts';
import { carryLetterHistory } from './letter-history.ts';
import { caseErrors } from './cases.errors.ts';
import { casePolicy, caseScope } from './cases.policy.ts';
import * as repo from './cases.repository.ts';
import type { OpenCaseInput } from './cases.schemas.ts';

type CaseAction = keyof typeof casePolicy.rules;

/**
 * Opens a case (zakłada sprawę) in a final JRWA class: the next number for the office, unit, class
 * and calendar year, never reused. From an incoming item, the item becomes the initiating letter.
 */
export async function openCase(deps: ActorDeps, input: OpenCaseInput) {
  return runInTransaction(deps, async (tx) => {
    const { trx, actor, now } = tx;
    const handlerId = input.handlerId ?? (actor.kind === 'person' ? actor.userId : undefined);
    if (!handlerId) throw caseErrors.handlerRequired();
    if (!casePolicy.can(actor, 'open', { unitIds: [input.unitId], ownerIds: [handlerId] }))
      throw caseErrors.forbidden();
    const unit = await getUnitOrThrow(trx, actor.officeId, input.unitId);
    const handler = await getUserOrThrow(trx, actor.officeId, handlerId);
    if (handler.unit_id !== unit.id) throw caseErrors.handlerOutsideUnit();
    const jrwaClass = await getFinalClassOrThrow(
      trx,
      actor.officeId,
      input.jrwaSymbol,
      localDate(now),
    );
    const item = input.incomingId
      ? (await getIncomingOrThrow(trx, actor, input.incomingId)).item
      : undefined;
    if (item?.case_id) throw caseErrors.itemAlreadyInCase();

    const year = localYear(now);
    const number = await takeNextNumber(trx, {
      officeId: actor.officeId,
      name: 'case',
      scope: `${unit.id}:${jrwaClass.symbol}`,
      year,
    });
    const sign = formatCaseSign({ unit: unit.symbol, symbol: jrwaClass.symbol, number, year });
    const kase = await trx
      .insertInto('cases')
      .values({
        office_id: actor.officeId,
        sign,
        unit_id: unit.id,
        jrwa_version_id: jrwaClass.version_id,
        jrwa_symbol: jrwaClass.symbol,
        number,
        year,
        sub_number: null,
        parent_case_id: null,
        title: input.title,
        handler_id: handler.id,
        opened_at: now,
        opened_by: actor.userId,
        closed_at: null,
        initiating_incoming_id: item?.id ?? null,
        remarks: null,
      })
      .returning(['id', 'sign'])
      .executeTakeFirstOrThrow();
    if (item) await carryLetterHistory(tx, kase.id, item.id);
    if (item) await addInitiatingParty(tx, kase.id, item);
    await tx.record({
      action: 'case.opened',
      description: `Założono sprawę ${sign} „${input.title}”, prowadzący: ${handler.name}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      documentId: item?.rpw_sign ?? null,
      payload: { jrwaSymbol: jrwaClass.symbol, category: jrwaClass.category },
    });
    if (item) await linkItem(tx, kase, item);
    return kase;
  });
}

/** Joins a further letter to a case about the same matter instead of opening a new one. */
export async function joinIncomingToCase(deps: ActorDeps, caseId: string, incomingId: string) {
  return runInTransaction(deps, async (tx) => {
    const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'work');
    if (kase.status === 'closed') throw caseErrors.closed();
    const { item } = await getIncomingOrThrow(tx.trx, tx.actor, incomingId);
    if (item.case_id) throw caseErrors.itemAlreadyInCase();
    await carryLetterHistory(tx, kase.id, item.id);
    await linkItem(tx, kase, item);
    return { caseId: kase.id, incomingId: item.id };
  });
}

/**
 * Divides a case: sub-folder (podteczka) `UNIT.SYMBOL.NUMBER.SUB.YEAR`. Like every case sign it
 * carries the year in which the sub-folder is opened, and SUB is numbered from 1, gapless, per
 * parent case and year: parent `OR.0003.5.2025`, first sub-case opened in 2026 →
 * `OR.0003.5.1.2026`. In the case list (spis spraw) it stays under its parent.
 */
export async function openSubCase(deps: ActorDeps, parentId: string, input: { title: string }) {
  return runInTransaction(deps, async (tx) => {
    const parent = await getCaseForAction(tx.trx, tx.actor, parentId, 'work');
    if (parent.status === 'closed') throw caseErrors.closed();
    if (parent.parent_case_id) throw caseErrors.subCaseOfSubCase();
    const unit = await getUnitOrThrow(tx.trx, tx.actor.officeId, parent.unit_id);
    const year = localYear(tx.now);
    const sub = await takeNextNumber(tx.trx, {
      officeId: tx.actor.officeId,
      name: 'sub-case',
      scope: parent.id,
      year,
    });
    const sign = formatCaseSign({
      unit: unit.symbol,
      symbol: parent.jrwa_symbol,
      number: parent.number,
      sub,
      year,
    });
    const kase = await tx.trx
      .insertInto('cases')
      .values({
        office_id: tx.actor.officeId,
        sign,
        unit_id: parent.unit_id,
        jrwa_version_id: parent.jrwa_version_id,
        jrwa_symbol: parent.jrwa_symbol,
        number: parent.number,
        year,
        sub_number: sub,
        parent_case_id: parent.id,
        title: input.title,
        handler_id: parent.handler_id,
        opened_at: tx.now,
        opened_by: tx.actor.userId,
        closed_at: null,
        initiating_incoming_id: null,
        remarks: null,
      })
      .returning(['id', 'sign'])
      .executeTakeFirstOrThrow();
    const event = {
      subject: { type: 'case', id: kase.id },
      documentId: sign,
      payload: { parentId: parent.id },
    };
    await tx.record({
      ...event,
      action: 'case.sub_case_opened',
      description: `Wydzielono podteczkę ${sign} „${input.title}”`,
      caseId: parent.id,
    });
    await tx.record({
      ...event,
      action: 'case.opened',
      description: `Założono podteczkę ${sign} sprawy ${parent.sign}`,
      caseId: kase.id,
    });
    return kase;
  });
}

/** Only the unit head (or the secretary) hands a case to another handler of the unit. */
export async function changeCaseHandler(deps: ActorDeps, caseId: string, handlerId: string) {
  return runInTransaction(deps, async (tx) => {
    const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'changeHandler');
    if (kase.status === 'closed') throw caseErrors.closed();
    const handler = await getUserOrThrow(tx.trx, tx.actor.officeId, handlerId);
    if (handler.unit_id !== kase.unit_id) throw caseErrors.handlerOutsideUnit();
    await tx.trx
      .updateTable('cases')
      .set({ handler_id: handler.id })
      .where('id', '=', kase.id)
      .execute();
    await tx.record({
      action: 'case.handler_changed',
      description: `Zmieniono prowadzącego sprawę na: ${handler.name}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      payload: { from: kase.handler_id, to: handler.id },
    });
    return { id: kase.id, handlerId: handler.id };
  });
}

export async function getCase(deps: ActorDeps, caseId: string) {
  const kase = await getCaseOrThrow(deps, caseId);
  const incoming = await repo.listCaseIncomingIds(deps.db, kase.id);
  return {
    id: kase.id,
    sign: kase.sign,
    title: kase.title,
    status: kase.status,
    unitId: kase.unit_id,
    handlerId: kase.handler_id,
    jrwaSymbol: kase.jrwa_symbol,
    year: kase.year,
    parentCaseId: kase.parent_case_id,
    openedAt: kase.opened_at.toISOString(),
    closedAt: kase.closed_at?.toISOString() ?? null,
    archivalCategory: kase.archival_category,
    disposalFrom: kase.disposal_from,
    expertReviewFrom: kase.expert_review_from,
    incomingIds: incoming.map((i) => i.id),
    allowedActions: casePolicy.allowedActions(deps.actor, caseScope(kase)),
  };
}

export async function listCases(
  deps: ActorDeps,
  filter: {
    status?: 'open' | 'closed' | undefined;
    mine?: boolean;
    limit?: number;
    offset?: number;
  },
) {
  const rows = await repo.listCases(
    deps.db,
    deps.actor.officeId,
    casePolicy.visibility(deps.actor, 'read'),
    {
      status: filter.status,
      handlerId: filter.mine ? deps.actor.userId : undefined,
      limit: filter.limit ?? 100,
      offset: filter.offset ?? 0,
    },
  );
  return rows.map((c) => ({
    id: c.id,
    sign: c.sign,
    title: c.title,
    status: c.status,
    unitId: c.unit_id,
    handlerId: c.handler_id,
    openedAt: c.opened_at.toISOString(),
    closedAt: c.closed_at?.toISOString() ?? null,
  }));
}

/** A case the actor may read; one they may not read does not exist for them (404). */
export async function getCaseOrThrow(deps: ActorDeps, caseId: string) {
  return getCaseForAction(deps.db, deps.actor, caseId, 'read');
}

export async function getCaseForAction(
  db: Executor,
  actor: Actor,
  caseId: string,
  action: CaseAction,
) {
  const kase = await repo.findCase(db, actor.officeId, caseId);
  if (!kase || !casePolicy.can(actor, 'read', caseScope(kase))) throw caseErrors.notFound();
  if (action !== 'read' && !casePolicy.can(actor, action, caseScope(kase)))
    throw caseErrors.forbidden();
  return kase;
}

async function linkItem(
  tx: TransactionContext,
  kase: Pick<Row<'cases'>, 'id' | 'sign'>,
  item: Row<'incoming_items'>,
) {
  await setItemCase(tx.trx, item.id, kase.id);
  await tx.record({
    action: 'case.incoming_joined',
    description: `Włączono do sprawy przesyłkę ${item.rpw_sign} „${item.title}” od ${item.sender_name}`,
    subject: { type: 'incoming', id: item.id },
    caseId: kase.id,
    documentId: item.rpw_sign,
  });
}
