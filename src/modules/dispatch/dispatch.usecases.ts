import { localDate, localYear } from '../../platform/clock.ts';
import { takeNextNumber } from '../../platform/db/counters.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { insertStoredFile } from '../../platform/files/stored-files.ts';
import type { Actor } from '../auth/actor.ts';
import { hasRole } from '../auth/policy.ts';
import { casePolicy } from '../cases/cases.policy.ts';
import { getCaseForAction } from '../cases/cases.usecases.ts';
import { appealDue, electronicDeliveryFiction } from '../deadlines/delivery.ts';
import { getDocumentForAction } from '../documents/documents.usecases.ts';
import { makeLetterAvailableInPortal } from '../portal/portal-letters.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../record/record.transaction.ts';
import { dispatchErrors } from './dispatch.errors.ts';
import {
  registerOutgoingSchema,
  type DeliveryInput,
  type RegisterOutgoingInput,
} from './dispatch.schemas.ts';

const ELECTRONIC = new Set(['edoreczenia', 'epuap', 'portal']);
const POSTAL = new Set(['post', 'post_return_receipt']);
const METHOD_LABELS: Record<string, string> = {
  post: 'list polecony',
  post_return_receipt: 'list polecony za potwierdzeniem odbioru',
  edoreczenia: 'e-Doręczenia',
  epuap: 'ePUAP',
  personal: 'odbiór osobisty',
  portal: 'portal mieszkańca',
};

/**
 * Registers a signed (or, for paper, approved) document for dispatch in the outgoing register:
 * `RKW/<n>/<year>`, gapless per office and year.
 */
export async function registerOutgoing(deps: ActorDeps, rawInput: RegisterOutgoingInput) {
  const input = registerOutgoingSchema.parse(rawInput);
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, input.documentId, 'work');
    if (document.status !== 'signed' && document.status !== 'approved')
      throw dispatchErrors.documentNotReady();
    if (ELECTRONIC.has(input.method) && document.status !== 'signed')
      throw dispatchErrors.electronicNeedsSignature();
    if (
      (POSTAL.has(input.method) && !input.addressee.address) ||
      (ELECTRONIC.has(input.method) && input.method !== 'portal' && !input.electronicAddress)
    ) {
      throw dispatchErrors.addressRequired();
    }
    const year = localYear(tx.now);
    const number = await takeNextNumber(tx.trx, {
      officeId: tx.actor.officeId,
      name: 'rkw',
      scope: '',
      year,
    });
    const rkwSign = `RKW/${number}/${year}`;
    const item = await tx.trx
      .insertInto('outgoing_items')
      .values({
        office_id: tx.actor.officeId,
        rkw_year: year,
        rkw_number: number,
        rkw_sign: rkwSign,
        case_id: document.case_id,
        document_id: document.id,
        addressee_name: input.addressee.name,
        addressee_address: input.addressee.address ? JSON.stringify(input.addressee.address) : null,
        electronic_address: input.electronicAddress ?? null,
        method: input.method,
        postal_class: input.postalClass ?? null,
        cost_grosz: input.costGrosz ?? null,
        registered_at: tx.now,
        registered_by: tx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.trx
      .updateTable('documents')
      .set({ status: 'dispatched' })
      .where('id', '=', document.id)
      .execute();
    await tx.record({
      action: 'outgoing.registered',
      description: `Zarejestrowano przesyłkę wychodzącą ${rkwSign}: „${document.title}” do ${input.addressee.name}, ${METHOD_LABELS[input.method]}`,
      subject: { type: 'outgoing', id: item.id },
      caseId: document.case_id,
      documentId: rkwSign,
      payload: { method: input.method },
    });
    if (input.method === 'portal') {
      // The portal is its own post office: the letter is in the citizen's matters at once and
      // is delivered when downloaded (see src/modules/portal/portal-letters.ts).
      const { citizenName } = await makeLetterAvailableInPortal(tx, {
        outgoingId: item.id,
        caseId: document.case_id,
        addresseeName: input.addressee.name,
      });
      await tx.trx
        .updateTable('outgoing_items')
        .set({ status: 'sent', sent_at: tx.now })
        .where('id', '=', item.id)
        .execute();
      await tx.record({
        action: 'outgoing.sent',
        description: `Udostępniono przesyłkę ${rkwSign} w portalu mieszkańca (${citizenName}); doręczenie z chwilą pobrania, a bez pobrania po 14 dniach`,
        subject: { type: 'outgoing', id: item.id },
        caseId: document.case_id,
        documentId: rkwSign,
      });
    }
    return { id: item.id, rkwNumber: rkwSign };
  });
}

/** Kancelaria hands the item to the post / sends it; for e-Doręczenia this is the arrival in the mailbox. */
export async function markSent(deps: ActorDeps, outgoingId: string) {
  return runInTransaction(deps, async (tx) => {
    const item = await getOutgoingForAction(tx, outgoingId, 'dispatch');
    if (item.status !== 'registered') throw dispatchErrors.wrongState();
    await tx.trx
      .updateTable('outgoing_items')
      .set({ status: 'sent', sent_at: tx.now })
      .where('id', '=', item.id)
      .execute();
    await tx.record({
      action: 'outgoing.sent',
      description: `Nadano przesyłkę ${item.rkw_sign} (${METHOD_LABELS[item.method]})`,
      subject: { type: 'outgoing', id: item.id },
      caseId: item.case_id,
      documentId: item.rkw_sign,
    });
    return getOutgoing(tx.trx, tx.actor, item.id);
  });
}

/** Files the delivery proof (zwrotka, UPD, receipt of personal collection) and starts the appeal term. */
export async function recordDelivery(
  deps: ActorDeps & { files: FileStore },
  outgoingId: string,
  input: DeliveryInput,
  proof?: { name: string; content: Uint8Array },
) {
  const blob = proof ? await deps.files.put(proof.content) : undefined;
  return runInTransaction(deps, async (tx) => {
    const item = await getOutgoingForAction(tx, outgoingId, 'dispatch');
    if (item.status !== 'sent') throw dispatchErrors.wrongState();
    const proofFile =
      blob && proof ? await insertStoredFile(tx.trx, tx.actor, blob, proof.name) : undefined;
    return deliver(tx, item, input.deliveredOn, input.kind, proofFile?.id ?? null);
  });
}

/**
 * e-Doręczenia: a letter not collected within 14 days is deemed delivered (u.d.e. art. 42) on the
 * day after the 14 days from its arrival in the addressee's mailbox. Letters sent through the
 * citizens' portal follow the same rule (legal assumption in src/modules/portal/portal-letters.ts).
 */
export async function applyDeliveryFiction(deps: ActorDeps, outgoingId: string) {
  return runInTransaction(deps, async (tx) => {
    const item = await getOutgoingForAction(tx, outgoingId, 'dispatch');
    if (item.method !== 'edoreczenia' && item.method !== 'portal')
      throw dispatchErrors.fictionOnlyElectronic();
    if (item.status !== 'sent' || !item.sent_at) throw dispatchErrors.wrongState();
    const fiction = electronicDeliveryFiction(localDate(item.sent_at));
    if (localDate(tx.now) < fiction) throw dispatchErrors.fictionTooEarly({ fictionDate: fiction });
    return deliver(tx, item, fiction, 'fiction', null);
  });
}

async function deliver(
  tx: TransactionContext,
  item: Row<'outgoing_items'>,
  deliveredOn: string,
  kind: 'receipt' | 'electronic_proof' | 'personal' | 'fiction',
  proofFileId: string | null,
) {
  const decision = item.document_id
    ? await tx.trx
        .selectFrom('documents')
        .select('kind')
        .where('id', '=', item.document_id)
        .executeTakeFirst()
    : undefined;
  const appeal =
    decision?.kind === 'decision' || decision?.kind === 'order'
      ? appealDue(deliveredOn, decision.kind)
      : null;
  await tx.trx
    .updateTable('outgoing_items')
    .set({
      status: 'delivered',
      delivered_on: deliveredOn,
      delivery_kind: kind,
      proof_file_id: proofFileId,
      appeal_term: appeal?.term ?? null,
      appeal_due: appeal?.due ?? null,
    })
    .where('id', '=', item.id)
    .execute();
  const how =
    kind === 'fiction'
      ? 'doręczenie zastępcze (fikcja doręczenia elektronicznego, nieodebrane w 14 dni)'
      : kind === 'receipt'
        ? 'zwrotne potwierdzenie odbioru'
        : kind === 'electronic_proof'
          ? 'dowód otrzymania (UPD)'
          : 'odbiór osobisty';
  await tx.record({
    action: 'outgoing.delivered',
    description: `Doręczono ${item.rkw_sign} w dniu ${deliveredOn}: ${how}${appeal ? `; termin na ${decision?.kind === 'order' ? 'zażalenie' : 'odwołanie'} (${appeal.term}) upływa ${appeal.due}` : ''}`,
    subject: { type: 'outgoing', id: item.id },
    caseId: item.case_id,
    documentId: proofFileId ?? item.rkw_sign,
    payload: { deliveredOn, kind, appealDue: appeal?.due ?? null },
  });
  return getOutgoing(tx.trx, tx.actor, item.id);
}

export async function showOutgoing(deps: ActorDeps, outgoingId: string) {
  return getOutgoing(deps.db, deps.actor, outgoingId);
}

async function getOutgoing(db: Executor, actor: Actor, outgoingId: string) {
  return toOutgoingView(await findVisible(db, actor, outgoingId));
}

function toOutgoingView(item: Row<'outgoing_items'>) {
  return {
    id: item.id,
    rkwNumber: item.rkw_sign,
    caseId: item.case_id,
    documentId: item.document_id,
    addresseeName: item.addressee_name,
    method: item.method,
    status: item.status,
    registeredAt: item.registered_at.toISOString(),
    sentAt: item.sent_at?.toISOString() ?? null,
    deliveredOn: item.delivered_on,
    deliveryKind: item.delivery_kind,
    fictionDate:
      (item.method === 'edoreczenia' || item.method === 'portal') && item.sent_at
        ? electronicDeliveryFiction(localDate(item.sent_at))
        : null,
    appealTerm: item.appeal_term,
    appealDue: item.appeal_due,
  };
}

/**
 * The outgoing register (RKW) of a year, newest first: the kancelaria sees the whole office,
 * anyone else the items of cases they may read.
 */
export async function listOutgoing(
  deps: ActorDeps,
  filter: {
    year: number;
    status?: Row<'outgoing_items'>['status'] | undefined;
    caseId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  let query = deps.db
    .selectFrom('outgoing_items')
    .innerJoin('cases', 'cases.id', 'outgoing_items.case_id')
    .selectAll('outgoing_items')
    .where('outgoing_items.office_id', '=', deps.actor.officeId)
    .where('outgoing_items.rkw_year', '=', filter.year);
  if (filter.status) query = query.where('outgoing_items.status', '=', filter.status);
  if (filter.caseId) query = query.where('outgoing_items.case_id', '=', filter.caseId);
  if (!hasRole(deps.actor, 'kancelaria')) {
    const visibility = casePolicy.visibility(deps.actor, 'read');
    if (!visibility.all) {
      query = query.where((eb) =>
        eb.or([
          ...(visibility.unitIds.length ? [eb('cases.unit_id', 'in', visibility.unitIds)] : []),
          ...(visibility.ownerIds.length
            ? [eb('cases.handler_id', 'in', visibility.ownerIds)]
            : []),
          eb.lit(false),
        ]),
      );
    }
  }
  const rows = await query
    .orderBy('outgoing_items.rkw_number', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return rows.map(toOutgoingView);
}

/** The postal list (pocztowa książka nadawcza) of items waiting to be handed to the post. */
export async function listPostalQueue(deps: ActorDeps) {
  if (!hasRole(deps.actor, 'kancelaria')) return [];
  const rows = await deps.db
    .selectFrom('outgoing_items')
    .select([
      'id',
      'rkw_sign',
      'addressee_name',
      'addressee_address',
      'method',
      'postal_class',
      'cost_grosz',
    ])
    .where('office_id', '=', deps.actor.officeId)
    .where('status', '=', 'registered')
    .where('method', 'in', ['post', 'post_return_receipt'])
    .orderBy('rkw_year')
    .orderBy('rkw_number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    rkwNumber: r.rkw_sign,
    addresseeName: r.addressee_name,
    address: r.addressee_address,
    method: r.method,
    postalClass: r.postal_class,
    costGrosz: r.cost_grosz,
  }));
}

async function findVisible(db: Executor, actor: Actor, outgoingId: string) {
  const item = await db
    .selectFrom('outgoing_items')
    .selectAll()
    .where('office_id', '=', actor.officeId)
    .where('id', '=', outgoingId)
    .executeTakeFirst();
  if (!item) throw dispatchErrors.notFound();
  if (!hasRole(actor, 'kancelaria')) {
    await getCaseForAction(db, actor, item.case_id, 'read').catch(() => {
      throw dispatchErrors.notFound();
    });
  }
  return item;
}

/** Kancelaria sends and records deliveries for the whole office; a case worker for their own case. */
async function getOutgoingForAction(
  tx: TransactionContext,
  outgoingId: string,
  _action: 'dispatch',
) {
  const item = await findVisible(tx.trx, tx.actor, outgoingId);
  if (!hasRole(tx.actor, 'kancelaria'))
    await getCaseForAction(tx.trx, tx.actor, item.case_id, 'work');
  return await tx.trx
    .selectFrom('outgoing_items')
    .selectAll()
    .where('id', '=', item.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
