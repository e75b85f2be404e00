import { localDate, localYear } from '../../platform/clock.ts';
import { takeNextNumber } from '../../platform/db/counters.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { insertStoredFile } from '../../platform/files/stored-files.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { casePolicy } from '../cases/cases.policy.ts';
import { getCaseForAction } from '../cases/cases.usecases.ts';
import {
  appealDue,
  electronicDeliveryFiction,
  postalDeliveryFiction,
} from '../deadlines/delivery.ts';
import { canMove, moveDocument } from '../documents/document-lifecycle.ts';
import { getDocumentForAction } from '../documents/documents.usecases.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { outletFor, type DispatchOutlets } from './dispatch-outlets.ts';
import { dispatchErrors } from './dispatch.errors.ts';
import { dispatchPolicy } from './dispatch.policy.ts';
import {
  registerOutgoingSchema,
  type ArrivalInput,
  type DeliveryInput,
  type FictionInput,
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

type DeliveryKind = Row<'outgoing_items'>['delivery_kind'] & string;
type Deps = ActorDeps & { files?: FileStore | undefined };

/**
 * Registers a signed (or, for paper, approved) document for dispatch in the outgoing register:
 * `RKW/<n>/<year>`, gapless per office and year. A document already dispatched may be registered
 * again for another addressee or another method: a notice goes to every party, and a letter not
 * collected in the portal is sent by e-Doręczenia or post.
 */
export async function registerOutgoing(
  deps: ActorDeps & { outlets?: DispatchOutlets | undefined },
  rawInput: RegisterOutgoingInput,
) {
  const input = registerOutgoingSchema.parse(rawInput);
  return runInTransaction(deps, async (tx) => {
    const document = await getDocumentForAction(tx.trx, tx.actor, input.documentId, 'work');
    if (!canMove(document.status, 'dispatch')) throw dispatchErrors.documentNotReady();
    if (ELECTRONIC.has(input.method) && !(await isSigned(tx, document)))
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
        addressee_kind: input.addressee.kind,
        electronic_address: input.electronicAddress ?? null,
        method: input.method,
        postal_class: input.postalClass ?? null,
        cost_grosz: input.costGrosz ?? null,
        registered_at: tx.now,
        registered_by: tx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await moveDocument(tx.trx, document, 'dispatch');
    await tx.record({
      action: 'outgoing.registered',
      description: `Zarejestrowano przesyłkę wychodzącą ${rkwSign}: „${document.title}” do ${input.addressee.name}${input.addressee.kind === 'public_entity' ? ' (podmiot publiczny)' : ''}, ${METHOD_LABELS[input.method]}`,
      subject: { type: 'outgoing', id: item.id },
      caseId: document.case_id,
      documentId: rkwSign,
      payload: { method: input.method, addresseeKind: input.addressee.kind },
    });
    const outlet = outletFor(deps.outlets ?? {}, input.method);
    const handedOver = await outlet?.handOver(tx, {
      outgoingId: item.id,
      rkwSign,
      caseId: document.case_id,
      addresseeName: input.addressee.name,
    });
    if (handedOver?.sent) {
      await tx.trx
        .updateTable('outgoing_items')
        .set({ status: 'sent', sent_at: tx.now })
        .where('id', '=', item.id)
        .execute();
      await tx.record({
        action: 'outgoing.sent',
        description: handedOver.description,
        subject: { type: 'outgoing', id: item.id },
        caseId: document.case_id,
        documentId: rkwSign,
      });
    }
    return { id: item.id, rkwNumber: rkwSign };
  });
}

/** Signed: now, or before it was first dispatched (a signature of the current version exists). */
async function isSigned(
  tx: TransactionContext,
  document: { id: string; status: string; current_version: number },
) {
  if (document.status === 'signed') return true;
  if (document.status !== 'dispatched') return false;
  const signature = await tx.trx
    .selectFrom('document_signatures')
    .select('id')
    .where('document_id', '=', document.id)
    .where('version', '=', document.current_version)
    .executeTakeFirst();
  return Boolean(signature);
}

/**
 * Kancelaria hands the item to the post / sends it. For e-Doręczenia this is our sending only: the
 * delivery is counted from the arrival in the dowód otrzymania (recordArrival), not from here.
 */
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

/**
 * Files the delivery proof and starts the appeal term: the return receipt signed by the addressee,
 * the UPD of ePUAP (its DataOdbioru), the e-Doręczenia dowód otrzymania of collection, the
 * portal's own proof of download, or the receipt of personal collection.
 */
export async function recordDelivery(
  deps: Deps,
  outgoingId: string,
  input: DeliveryInput,
  proof?: { name: string; content: Uint8Array },
) {
  const blob = proof ? await storeProof(deps, proof.content) : undefined;
  return runInTransaction(deps, async (tx) => {
    const item = await getOutgoingForAction(tx, outgoingId, 'dispatch');
    if (item.status !== 'sent') throw dispatchErrors.wrongState();
    assertDateBetweenSendingAndToday(tx, item, input.deliveredOn, proof);
    const proofFile =
      blob && proof ? await insertStoredFile(tx.trx, tx.actor, blob, proof.name) : undefined;
    return deliver(tx, item, input.deliveredOn, input.kind, proofFile?.id ?? null);
  });
}

/**
 * e-Doręczenia: the operator's dowód otrzymania states the day the letter arrived in the
 * addressee's box (wpłynięcie), and it is filed with the letter. To a public entity that is the
 * delivery (u.d.e. art. 41 ust. 1 pkt 2, art. 42 ust. 1 pkt 2); to a person or a business the
 * 14 days of art. 42 ust. 2 run from it.
 */
export async function recordArrival(
  deps: Deps,
  outgoingId: string,
  input: ArrivalInput,
  proof?: { name: string; content: Uint8Array },
) {
  const blob = proof ? await storeProof(deps, proof.content) : undefined;
  return runInTransaction(deps, async (tx) => {
    const item = await getOutgoingForAction(tx, outgoingId, 'dispatch');
    if (item.method !== 'edoreczenia') throw dispatchErrors.arrivalOnlyEdoreczenia();
    if (item.arrived_on) {
      if (item.arrived_on !== input.arrivedOn) throw dispatchErrors.arrivalAlreadyRecorded();
      return getOutgoing(tx.trx, tx.actor, item.id);
    }
    if (item.status !== 'sent') throw dispatchErrors.wrongState();
    assertDateBetweenSendingAndToday(tx, item, input.arrivedOn, proof);
    const proofFile =
      blob && proof ? await insertStoredFile(tx.trx, tx.actor, blob, proof.name) : undefined;
    const arrived = await storeArrival(tx, item, input.arrivedOn, proofFile?.id ?? null);
    if (item.addressee_kind === 'public_entity') {
      return deliver(tx, arrived, input.arrivedOn, 'arrival', proofFile?.id ?? null);
    }
    return getOutgoing(tx.trx, tx.actor, item.id);
  });
}

/** Keeps the arrival day and its proof with the letter; for a non-public addressee, a record row. */
async function storeArrival(
  tx: TransactionContext,
  item: Row<'outgoing_items'>,
  arrivedOn: string,
  proofFileId: string | null,
): Promise<Row<'outgoing_items'>> {
  await tx.trx
    .updateTable('outgoing_items')
    .set({ arrived_on: arrivedOn, arrival_proof_file_id: proofFileId })
    .where('id', '=', item.id)
    .execute();
  if (item.addressee_kind !== 'public_entity') {
    await tx.record({
      action: 'outgoing.arrived',
      description: `Przesyłka ${item.rkw_sign} wpłynęła na adres do doręczeń elektronicznych adresata w dniu ${arrivedOn} (dowód otrzymania); nieodebrana jest uznana za doręczoną w dniu ${electronicDeliveryFiction(arrivedOn)} (art. 42 ust. 2 u.d.e.)`,
      subject: { type: 'outgoing', id: item.id },
      caseId: item.case_id,
      documentId: proofFileId ?? item.rkw_sign,
      payload: { arrivedOn },
    });
  }
  return { ...item, arrived_on: arrivedOn, arrival_proof_file_id: proofFileId };
}

/**
 * The delivery fiction, where the law has one:
 * - e-Doręczenia to a person or a business (u.d.e. art. 42 ust. 2): delivered the day after
 *   14 days from the arrival stated in the dowód otrzymania (arrival 2026-03-01 → 2026-03-16);
 *   the 14 days never run from Obieg's own sending. The arrival is the one recorded already, or
 *   `arrivedOn` of the dowód otrzymania the operator issued after the 14 days (art. 41 ust. 1
 *   pkt 3), recorded here in the same transaction.
 * - post (KPA art. 44): a letter not collected after the notices is delivered at the end of the
 *   14-day storage counted from the first notice (2026-03-02 → 2026-03-16); the returned
 *   envelope, not a return receipt, is the proof.
 * There is none for the portal (delivered on download only) nor for ePUAP (on the UPD).
 */
export async function applyDeliveryFiction(
  deps: Deps,
  outgoingId: string,
  input: FictionInput = {},
  proof?: { name: string; content: Uint8Array },
) {
  const blob = proof ? await storeProof(deps, proof.content) : undefined;
  return runInTransaction(deps, async (tx) => {
    const item = await getOutgoingForAction(tx, outgoingId, 'dispatch');
    const today = localDate(tx.now);
    if (item.method === 'edoreczenia') {
      if (item.addressee_kind === 'public_entity') throw dispatchErrors.publicEntityOnArrival();
      if (item.status !== 'sent') throw dispatchErrors.wrongState();
      const arrivedOn = item.arrived_on ?? input.arrivedOn;
      if (!arrivedOn) throw dispatchErrors.arrivalUnknown();
      if (input.arrivedOn && input.arrivedOn !== arrivedOn)
        throw dispatchErrors.arrivalAlreadyRecorded();
      const fiction = electronicDeliveryFiction(arrivedOn);
      if (today < fiction) throw dispatchErrors.fictionTooEarly({ fictionDate: fiction });
      let arrived = item;
      if (!item.arrived_on) {
        assertDateBetweenSendingAndToday(tx, item, arrivedOn, proof);
        const proofFile =
          blob && proof ? await insertStoredFile(tx.trx, tx.actor, blob, proof.name) : undefined;
        arrived = await storeArrival(tx, item, arrivedOn, proofFile?.id ?? null);
      }
      return deliver(tx, arrived, fiction, 'fiction', arrived.arrival_proof_file_id);
    }
    if (POSTAL.has(item.method)) {
      if (item.status !== 'sent') throw dispatchErrors.wrongState();
      if (!input.firstNoticeOn) throw dispatchErrors.firstNoticeRequired();
      assertDateBetweenSendingAndToday(tx, item, input.firstNoticeOn);
      const fiction = postalDeliveryFiction(input.firstNoticeOn);
      if (today < fiction) throw dispatchErrors.fictionTooEarly({ fictionDate: fiction });
      const proofFile =
        blob && proof ? await insertStoredFile(tx.trx, tx.actor, blob, proof.name) : undefined;
      await tx.trx
        .updateTable('outgoing_items')
        .set({ first_notice_on: input.firstNoticeOn })
        .where('id', '=', item.id)
        .execute();
      return deliver(
        tx,
        { ...item, first_notice_on: input.firstNoticeOn },
        fiction,
        'postal_fiction',
        proofFile?.id ?? null,
      );
    }
    throw dispatchErrors.fictionNotApplicable();
  });
}

/**
 * A letter made available in the portal and not downloaded: it is not delivered (there is no
 * fiction for the portal, KPA art. 39 § 1), so the handler is told — once — to send it by
 * e-Doręczenia or post. The notification is derived from this record row (outbox).
 */
export async function reportNotCollected(
  deps: ActorDeps,
  outgoingId: string,
  options: { afterDays: number },
) {
  return runInTransaction(deps, async (tx) => {
    const item = await getOutgoingForAction(tx, outgoingId, 'dispatch');
    if (item.method !== 'portal') throw dispatchErrors.fictionNotApplicable();
    if (item.status !== 'sent' || item.not_collected_at) return false;
    await tx.trx
      .updateTable('outgoing_items')
      .set({ not_collected_at: tx.now })
      .where('id', '=', item.id)
      .execute();
    await tx.record({
      action: 'outgoing.not_collected',
      description: `Pisma ${item.rkw_sign} nie pobrano w portalu mieszkańca w ciągu ${options.afterDays} dni: nie jest doręczone (w portalu nie ma fikcji doręczenia), termin na odwołanie nie biegnie; należy doręczyć je przez e-Doręczenia lub pocztą`,
      subject: { type: 'outgoing', id: item.id },
      caseId: item.case_id,
      documentId: item.rkw_sign,
      payload: { afterDays: options.afterDays },
    });
    return true;
  });
}

/** A proof file goes to the file store before the transaction opens. */
function storeProof(deps: Deps, content: Uint8Array) {
  if (!deps.files) throw new Error('dispatch: a proof file needs the file store');
  return deps.files.put(content);
}

/**
 * A day typed in by hand lies between the sending and today. A day read from the service's own
 * sealed proof is taken as it stands: its clock, not ours, is the evidence.
 */
function assertDateBetweenSendingAndToday(
  tx: TransactionContext,
  item: Row<'outgoing_items'>,
  day: string,
  proof?: unknown,
) {
  if (proof) return;
  if (day > localDate(tx.now)) throw dispatchErrors.dateInFuture();
  if (item.sent_at && day < localDate(item.sent_at)) throw dispatchErrors.dateBeforeSending();
}

/** What proves the delivery, as the law and the record call it. */
function proofNameOf(method: string, kind: DeliveryKind): string {
  switch (kind) {
    case 'receipt':
      return 'zwrotne potwierdzenie odbioru';
    case 'postal_fiction':
      return 'zwrócona przesyłka z adnotacją o zawiadomieniach (art. 44 KPA)';
    case 'personal':
      return 'potwierdzenie odbioru osobistego';
    case 'arrival':
    case 'fiction':
      return 'dowód otrzymania';
    case 'electronic_proof':
      return method === 'epuap'
        ? 'urzędowe poświadczenie doręczenia (UPD)'
        : method === 'portal'
          ? 'potwierdzenie odbioru w portalu'
          : 'dowód otrzymania';
  }
}

function describeDelivery(item: Row<'outgoing_items'>, kind: DeliveryKind): string {
  switch (kind) {
    case 'receipt':
      return 'zwrotne potwierdzenie odbioru podpisane przez adresata';
    case 'postal_fiction':
      return `doręczenie zastępcze (art. 44 KPA): przesyłki nie podjęto mimo zawiadomień, pierwsze zawiadomienie (awizo) ${item.first_notice_on}, doręczona z upływem 14-dniowego okresu przechowania; dowód: zwrócona przesyłka`;
    case 'personal':
      return 'odbiór osobisty';
    case 'arrival':
      return 'dowód otrzymania – wpłynięcie na adres do doręczeń elektronicznych podmiotu publicznego (art. 42 ust. 1 pkt 2 u.d.e.)';
    case 'fiction':
      return `doręczenie zastępcze (art. 42 ust. 2 u.d.e.): nieodebrana, wpłynęła ${item.arrived_on} wg dowodu otrzymania, doręczona w dniu następującym po upływie 14 dni`;
    case 'electronic_proof':
      return item.method === 'epuap'
        ? 'urzędowe poświadczenie doręczenia (UPD), data odbioru'
        : item.method === 'portal'
          ? 'potwierdzenie odbioru w portalu (pobranie pisma przez adresata)'
          : 'dowód otrzymania – odebranie przez adresata (art. 42 ust. 1 pkt 1 u.d.e.)';
  }
}

async function deliver(
  tx: TransactionContext,
  item: Row<'outgoing_items'>,
  deliveredOn: string,
  kind: DeliveryKind,
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
  await tx.record({
    action: 'outgoing.delivered',
    description: `Doręczono ${item.rkw_sign} w dniu ${deliveredOn}: ${describeDelivery(item, kind)}${appeal ? `; termin na ${decision?.kind === 'order' ? 'zażalenie' : 'odwołanie'} (${appeal.term}) upływa ${appeal.due}` : ''}`,
    subject: { type: 'outgoing', id: item.id },
    caseId: item.case_id,
    documentId: proofFileId ?? item.rkw_sign,
    payload: {
      deliveredOn,
      kind,
      proof: proofNameOf(item.method, kind),
      appealDue: appeal?.due ?? null,
    },
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
  const awaitsFiction =
    item.method === 'edoreczenia' &&
    item.addressee_kind !== 'public_entity' &&
    item.status === 'sent' &&
    item.arrived_on !== null;
  return {
    id: item.id,
    rkwNumber: item.rkw_sign,
    caseId: item.case_id,
    documentId: item.document_id,
    addresseeName: item.addressee_name,
    addresseeKind: item.addressee_kind,
    method: item.method,
    status: item.status,
    registeredAt: item.registered_at.toISOString(),
    sentAt: item.sent_at?.toISOString() ?? null,
    arrivedOn: item.arrived_on,
    firstNoticeOn: item.first_notice_on,
    deliveredOn: item.delivered_on,
    deliveryKind: item.delivery_kind,
    proofName: item.delivery_kind ? proofNameOf(item.method, item.delivery_kind) : null,
    // Only from the arrival in the dowód otrzymania (u.d.e. art. 42 ust. 2), never from sent_at.
    fictionDate: awaitsFiction ? electronicDeliveryFiction(item.arrived_on!) : null,
    notCollectedAt: item.not_collected_at?.toISOString() ?? null,
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
  if (!dispatchPolicy.holds(deps.actor, 'keepRegister')) {
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
  if (!dispatchPolicy.holds(deps.actor, 'keepRegister')) return [];
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
  if (!dispatchPolicy.holds(actor, 'keepRegister')) {
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
  if (!dispatchPolicy.holds(tx.actor, 'keepRegister'))
    await getCaseForAction(tx.trx, tx.actor, item.case_id, 'work');
  return await tx.trx
    .selectFrom('outgoing_items')
    .selectAll()
    .where('id', '=', item.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
