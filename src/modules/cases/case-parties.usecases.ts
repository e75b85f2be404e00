/**
 * Parties to a case (strony postępowania) and what they do in it that the case record must show:
 * the sender of the initiating letter is a party from the opening; the handler adds others. Every
 * party is told of a missed deadline (art. 36 § 1 KPA) and may inspect the files (art. 73 § 1).
 */
import { localDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { PostalAddress, Row } from '../../platform/db/schema.ts';
import {
  runInTransaction,
  type ActorDeps,
  type TransactionContext,
} from '../../platform/record/transaction.ts';
import { caseErrors } from './cases.errors.ts';
import {
  addPartySchema,
  fileInspectionSchema,
  type AddPartyInput,
  type FileInspectionInput,
} from './cases.schemas.ts';
import { getCaseForAction, getCaseOrThrow } from './cases.usecases.ts';

/** The parties of a case in the order they joined it, the initiating letter's sender first. */
export function listCasePartyRows(db: Executor, caseId: string) {
  return db
    .selectFrom('case_parties')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('added_at')
    .orderBy('incoming_id', (ob) => ob.nullsLast())
    .orderBy('name')
    .execute();
}

export async function listCaseParties(deps: ActorDeps, caseId: string) {
  const kase = await getCaseOrThrow(deps, caseId);
  return (await listCasePartyRows(deps.db, kase.id)).map(toPartyView);
}

/**
 * The sender of the letter a case is opened from becomes its first party, in the opening's
 * transaction. No row of its own in the record: "case.opened" and "case.incoming_joined" say it.
 */
export async function addInitiatingParty(
  tx: TransactionContext,
  caseId: string,
  item: Pick<Row<'incoming_items'>, 'id' | 'sender_name' | 'sender_address'>,
) {
  await tx.trx
    .insertInto('case_parties')
    .values({
      office_id: tx.actor.officeId,
      case_id: caseId,
      name: item.sender_name,
      address: JSON.stringify(item.sender_address),
      electronic_address: null,
      incoming_id: item.id,
      added_at: tx.now,
      added_by: tx.actor.userId,
    })
    .execute();
}

/** Another party joins the case (e.g. a co-owner, art. 28 KPA); a row in the case record. */
export async function addCaseParty(deps: ActorDeps, caseId: string, rawInput: AddPartyInput) {
  const input = addPartySchema.parse(rawInput);
  return runInTransaction(deps, async (tx) => {
    const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'work');
    if (kase.status === 'closed') throw caseErrors.closed();
    const party = await tx.trx
      .insertInto('case_parties')
      .values({
        office_id: tx.actor.officeId,
        case_id: kase.id,
        name: input.name,
        address: input.address ? JSON.stringify(input.address) : null,
        electronic_address: input.electronicAddress ?? null,
        incoming_id: null,
        added_at: tx.now,
        added_by: tx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.record({
      action: 'case.party_added',
      description: `Strona postępowania: ${input.name}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      payload: { partyId: party.id },
    });
    return toPartyView(party);
  });
}

/**
 * Art. 73 § 1 KPA: a party inspected the files. An action of its own in the case record (KPA
 * art. 66a: "przeglądanie akt" is a step of the proceedings), naming the party, the member of
 * staff present and, when there is one, the note or protocol filed in the case (art. 72 § 1).
 */
export async function recordFileInspection(
  deps: ActorDeps,
  caseId: string,
  rawInput: FileInspectionInput,
) {
  const input = fileInspectionSchema.parse(rawInput);
  return runInTransaction(deps, async (tx) => {
    const kase = await getCaseForAction(tx.trx, tx.actor, caseId, 'work');
    const party = await tx.trx
      .selectFrom('case_parties')
      .selectAll()
      .where('case_id', '=', kase.id)
      .where('id', '=', input.partyId)
      .executeTakeFirst();
    if (!party) throw caseErrors.partyNotFound();
    const at = input.at ? new Date(input.at) : tx.now;
    if (at > tx.now) throw caseErrors.inspectionInFuture();
    if (input.noteDocumentId) {
      const note = await tx.trx
        .selectFrom('documents')
        .select('id')
        .where('case_id', '=', kase.id)
        .where('id', '=', input.noteDocumentId)
        .executeTakeFirst();
      if (!note) throw caseErrors.documentNotInCase();
    }
    await tx.record({
      action: 'case.files_inspected',
      description: `Przeglądanie akt sprawy przez stronę (art. 73 § 1 KPA): ${party.name}, w dniu ${localDate(at)}${input.remarks ? `; ${input.remarks}` : ''}`,
      subject: { type: 'case', id: kase.id },
      caseId: kase.id,
      documentId: input.noteDocumentId ?? null,
      payload: { partyId: party.id, at: at.toISOString() },
    });
    return { caseId: kase.id, partyId: party.id, at: at.toISOString() };
  });
}

function toPartyView(row: Row<'case_parties'>) {
  return {
    id: row.id,
    name: row.name,
    address: (row.address as PostalAddress | null) ?? null,
    electronicAddress: row.electronic_address,
    incomingId: row.incoming_id,
    addedAt: row.added_at.toISOString(),
  };
}
