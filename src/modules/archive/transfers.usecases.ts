import { localDate, localYear } from '../../platform/clock.ts';
import { takeNextNumber } from '../../platform/db/counters.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { verifyRecordChains } from '../cases/case-record.verify.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { archiveErrors } from './archive.errors.ts';
import { archivePolicy } from './archive.policy.ts';
import * as repo from './archive.repository.ts';
import {
  acceptTransferSchema,
  prepareTransferSchema,
  returnTransferSchema,
  type AcceptTransferInput,
  type PrepareTransferInput,
  type TransferFinding,
} from './archive.schemas.ts';

/**
 * Records stay in their unit for two full years after closing, counted from 1 January of the
 * following year (instrukcja archiwalna): a case closed in 2025 may be handed over from
 * 1 January 2028.
 */
export const TRANSFER_AFTER_YEARS = 2;

/** The first year in which a case closed in `closedYear` may be handed over to the archive. */
export function transferableFrom(closedYear: number): number {
  return closedYear + 1 + TRANSFER_AFTER_YEARS;
}

/**
 * A unit prepares a spis zdawczo-odbiorczy of its cases of one JRWA class and year: every closed
 * case whose period in the unit has passed and that is on no other list, numbered in the order
 * of the spis spraw. The list is checked when it is shown and again when it is accepted.
 */
export async function prepareTransfer(deps: ActorDeps, rawInput: PrepareTransferInput) {
  const input = prepareTransferSchema.parse(rawInput);
  if (!archivePolicy.can(deps.actor, 'prepareTransfer', { unitIds: [input.unitId], ownerIds: [] }))
    throw archiveErrors.forbidden();
  const id = await runInTransaction(deps, async (tx) => {
    const year = localYear(tx.now);
    // The counter row also serialises preparations in the office: two lists cannot take one case.
    const number = await takeNextNumber(tx.trx, {
      officeId: tx.actor.officeId,
      name: 'archive-transfer',
      scope: '',
      year,
    });
    const cases = await repo.findCasesOfClass(tx.trx, {
      officeId: tx.actor.officeId,
      unitId: input.unitId,
      jrwaSymbol: input.jrwaSymbol,
      year: input.caseYear,
    });
    const eligible = cases.filter(
      (kase) =>
        kase.status === 'closed' &&
        !kase.listed &&
        kase.closed_at !== null &&
        transferableFrom(localYear(kase.closed_at)) <= year,
    );
    if (eligible.length === 0) throw archiveErrors.nothingToTransfer();
    const sign = `SZO/${number}/${year}`;
    const transfer = await tx.trx
      .insertInto('archive_transfers')
      .values({
        office_id: tx.actor.officeId,
        year,
        number,
        sign,
        unit_id: input.unitId,
        jrwa_symbol: input.jrwaSymbol,
        case_year: input.caseYear,
        prepared_by: tx.actor.userId,
        prepared_at: tx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.trx
      .insertInto('archive_transfer_items')
      .values(
        eligible.map((kase, i) => ({
          office_id: tx.actor.officeId,
          transfer_id: transfer.id,
          case_id: kase.id,
          position: i + 1,
        })),
      )
      .execute();
    await tx.record({
      action: 'archive.transfer_prepared',
      description: `Sporządzono spis zdawczo-odbiorczy ${sign}: klasa ${input.jrwaSymbol}, rok ${input.caseYear}, ${eligible.length} ${eligible.length === 1 ? 'sprawa' : 'spraw'}`,
      subject: { type: 'archive_transfer', id: transfer.id },
      payload: { cases: eligible.length },
    });
    return transfer.id;
  });
  return getTransfer(deps, id);
}

/** The unit sends a prepared list to the archive. */
export async function submitTransfer(deps: ActorDeps, transferId: string) {
  await runInTransaction(deps, async (tx) => {
    const transfer = await transferForAction(tx.trx, tx.actor, transferId, 'prepareTransfer');
    if (transfer.status !== 'prepared') throw archiveErrors.transferState();
    await tx.trx
      .updateTable('archive_transfers')
      .set({ status: 'submitted', submitted_at: tx.now })
      .where('id', '=', transfer.id)
      .execute();
    await tx.record({
      action: 'archive.transfer_submitted',
      description: `Przekazano do archiwum zakładowego spis zdawczo-odbiorczy ${transfer.sign}`,
      subject: { type: 'archive_transfer', id: transfer.id },
    });
  });
  return getTransfer(deps, transferId);
}

/**
 * The archivist accepts a submitted list when its check finds nothing: the cases pass into the
 * archive's custody (each case's record says so), with the place of their paper parts.
 */
export async function acceptTransfer(
  deps: ActorDeps,
  transferId: string,
  rawInput: AcceptTransferInput,
) {
  const input = acceptTransferSchema.parse(rawInput);
  await runInTransaction(deps, async (tx) => {
    const transfer = await transferForAction(tx.trx, tx.actor, transferId, 'decideTransfer');
    if (transfer.status !== 'submitted') throw archiveErrors.transferState();
    const items = await repo.findTransferItems(tx.trx, transfer.id);
    const findings = await checkTransfer(tx.trx, transfer, items, localYear(tx.now));
    if (findings.length > 0) throw archiveErrors.transferFindings({ findings });
    const places = new Map(input.locations.map((place) => [place.caseId, place]));
    const stranger = input.locations.find(
      (place) => !items.some((i) => i.case_id === place.caseId),
    );
    if (stranger) throw archiveErrors.notHeld({ caseId: stranger.caseId });
    await tx.trx
      .insertInto('archive_holdings')
      .values(
        items.map((item) => ({
          case_id: item.case_id,
          office_id: tx.actor.officeId,
          transfer_id: transfer.id,
          accepted_at: tx.now,
          accepted_by: tx.actor.userId,
          shelf: places.get(item.case_id)?.shelf ?? null,
          box: places.get(item.case_id)?.box ?? null,
          archival_sign: places.get(item.case_id)?.archivalSign ?? null,
        })),
      )
      .execute();
    await tx.trx
      .updateTable('archive_transfers')
      .set({ status: 'accepted', decided_by: tx.actor.userId, decided_at: tx.now })
      .where('id', '=', transfer.id)
      .execute();
    await tx.record({
      action: 'archive.transfer_accepted',
      description: `Przyjęto do archiwum zakładowego spis zdawczo-odbiorczy ${transfer.sign} (${items.length} ${items.length === 1 ? 'sprawa' : 'spraw'})`,
      subject: { type: 'archive_transfer', id: transfer.id },
    });
    for (const item of items) {
      const place = places.get(item.case_id);
      const where = place?.archivalSign ? `, sygnatura archiwalna ${place.archivalSign}` : '';
      await tx.record({
        action: 'archive.case_accepted',
        description: `Akta sprawy przyjęte do archiwum zakładowego (spis ${transfer.sign}, poz. ${item.position}${where})`,
        subject: { type: 'archive_transfer', id: transfer.id },
        caseId: item.case_id,
      });
    }
  });
  return getTransfer(deps, transferId);
}

/** The archivist returns a list to its unit with remarks; its cases may go on a new list. */
export async function returnTransfer(
  deps: ActorDeps,
  transferId: string,
  rawInput: { remarks: string },
) {
  const input = returnTransferSchema.parse(rawInput);
  await runInTransaction(deps, async (tx) => {
    const transfer = await transferForAction(tx.trx, tx.actor, transferId, 'decideTransfer');
    if (transfer.status !== 'submitted') throw archiveErrors.transferState();
    await tx.trx
      .updateTable('archive_transfers')
      .set({
        status: 'returned',
        decided_by: tx.actor.userId,
        decided_at: tx.now,
        remarks: input.remarks,
      })
      .where('id', '=', transfer.id)
      .execute();
    await tx.record({
      action: 'archive.transfer_returned',
      description: `Zwrócono komórce spis zdawczo-odbiorczy ${transfer.sign}: ${input.remarks}`,
      subject: { type: 'archive_transfer', id: transfer.id },
    });
  });
  return getTransfer(deps, transferId);
}

/** A list with its positions and what its check finds now. */
export async function getTransfer(deps: ActorDeps, transferId: string) {
  const transfer = await repo.findTransfer(deps.db, deps.actor.officeId, transferId);
  if (!transfer || !mayRead(deps.actor, transfer)) throw archiveErrors.transferNotFound();
  const items = await repo.findTransferItems(deps.db, transfer.id);
  const findings =
    transfer.status === 'accepted'
      ? []
      : await checkTransfer(deps.db, transfer, items, localYear(deps.clock.now()));
  return {
    id: transfer.id,
    sign: transfer.sign,
    unitId: transfer.unit_id,
    jrwaSymbol: transfer.jrwa_symbol,
    caseYear: transfer.case_year,
    status: transfer.status,
    preparedAt: transfer.prepared_at.toISOString(),
    submittedAt: transfer.submitted_at?.toISOString() ?? null,
    decidedAt: transfer.decided_at?.toISOString() ?? null,
    remarks: transfer.remarks,
    items: items.map((item) => ({
      position: item.position,
      caseId: item.case_id,
      sign: item.sign,
      title: item.title,
      openedOn: localDate(item.opened_at),
      closedOn: item.closed_at ? localDate(item.closed_at) : '',
      archivalCategory: item.archival_category,
    })),
    findings,
  };
}

/** Lists the archivist sees (all) or a unit's head sees (their units'), newest first. */
export async function listTransfers(deps: ActorDeps, filter: { status?: string } = {}) {
  const visibility = archivePolicy.visibility(deps.actor, 'prepareTransfer');
  const mayDecide = archivePolicy.visibility(deps.actor, 'decideTransfer').all;
  let query = deps.db
    .selectFrom('archive_transfers')
    .select(['id', 'sign', 'unit_id', 'jrwa_symbol', 'case_year', 'status', 'prepared_at'])
    .select((eb) =>
      eb
        .selectFrom('archive_transfer_items')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('archive_transfer_items.transfer_id', '=', 'archive_transfers.id')
        .as('cases'),
    )
    .where('office_id', '=', deps.actor.officeId)
    .orderBy('prepared_at', 'desc');
  if (!mayDecide && !visibility.all) {
    if (visibility.unitIds.length === 0) return [];
    query = query.where('unit_id', 'in', visibility.unitIds);
  }
  if (filter.status) query = query.where('status', '=', filter.status as never);
  const rows = await query.limit(500).execute();
  return rows.map((row) => ({
    id: row.id,
    sign: row.sign,
    unitId: row.unit_id,
    jrwaSymbol: row.jrwa_symbol,
    caseYear: row.case_year,
    status: row.status,
    preparedAt: row.prepared_at.toISOString(),
    cases: Number(row.cases ?? 0),
  }));
}

/**
 * What the archivist checks before accepting (every finding, not only the first): the list holds
 * every case of the unit's spis spraw for that class and year that is due for hand-over, no
 * document waits for a decision,
 * each signed document has its signature, and each case's record (metryka) chain is intact.
 */
export async function checkTransfer(
  db: Executor,
  transfer: { office_id: string; unit_id: string; jrwa_symbol: string; case_year: number },
  items: Array<{ case_id: string; sign: string }>,
  year: number,
): Promise<TransferFinding[]> {
  const findings: TransferFinding[] = [];
  const listed = new Set(items.map((item) => item.case_id));
  const signOf = new Map(items.map((item) => [item.case_id, item.sign]));
  const ofClass = await repo.findCasesOfClass(db, {
    officeId: transfer.office_id,
    unitId: transfer.unit_id,
    jrwaSymbol: transfer.jrwa_symbol,
    year: transfer.case_year,
  });
  for (const kase of ofClass) {
    // Open cases and cases closed too recently stay in the unit; a case due for hand-over that
    // is on no list was left out.
    if (listed.has(kase.id) || kase.listed || kase.status !== 'closed' || !kase.closed_at) continue;
    if (transferableFrom(localYear(kase.closed_at)) > year) continue;
    findings.push({
      kind: 'missing_case',
      caseId: kase.id,
      sign: kase.sign,
      detail: 'sprawa z tej klasy i roku, której okres w komórce minął, nie została ujęta w spisie',
    });
  }
  const caseIds = [...listed];
  for (const document of await repo.findUnresolvedDocuments(db, caseIds)) {
    findings.push({
      kind: 'unresolved_draft',
      caseId: document.case_id,
      sign: signOf.get(document.case_id) ?? '',
      detail: `projekt „${document.title}” nie jest rozstrzygnięty`,
    });
  }
  for (const document of await repo.findSignedWithoutSignature(db, caseIds)) {
    findings.push({
      kind: 'signature_missing',
      caseId: document.case_id,
      sign: signOf.get(document.case_id) ?? '',
      detail: `dokument „${document.title}” oznaczony jako podpisany nie ma podpisu`,
    });
  }
  const chains = await verifyRecordChains(db, transfer.office_id, caseIds);
  for (const broken of chains.broken) {
    findings.push({
      kind: 'broken_record',
      caseId: broken.caseId,
      sign: broken.sign,
      detail: `metryka sprawy jest naruszona od wiersza ${broken.seq} (${broken.reason})`,
    });
  }
  return findings;
}

async function transferForAction(
  db: Executor,
  actor: Actor,
  transferId: string,
  action: 'prepareTransfer' | 'decideTransfer',
) {
  const transfer = await repo.findTransfer(db, actor.officeId, transferId);
  if (!transfer || !mayRead(actor, transfer)) throw archiveErrors.transferNotFound();
  if (!archivePolicy.can(actor, action, { unitIds: [transfer.unit_id], ownerIds: [] }))
    throw archiveErrors.forbidden();
  return transfer;
}

function mayRead(actor: Actor, transfer: { unit_id: string }) {
  const scope = { unitIds: [transfer.unit_id], ownerIds: [] };
  return (
    archivePolicy.can(actor, 'decideTransfer', scope) ||
    archivePolicy.can(actor, 'prepareTransfer', scope)
  );
}
