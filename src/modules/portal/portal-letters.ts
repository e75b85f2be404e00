import type { TransactionContext } from '../record/record.transaction.ts';
import { portalErrors } from './portal.errors.ts';

/**
 * Dispatch through the portal (method `portal`): the letter appears at once in the matters of
 * the citizen who is a party to the case through the portal, and is delivered when downloaded.
 *
 * Legal assumption (to be confirmed by the office's lawyer): since 2021 KPA art. 39 § 1 delivers
 * electronically to an address for electronic delivery under the e-Delivery Act (u.d.e.), and
 * an office's own portal is not such an address. We treat the portal as delivery by electronic
 * means the party chose by filing through it and asked to receive the answer there; the download,
 * confirmed by a sealed proof of receipt, is the moment of delivery; a letter not downloaded is
 * deemed delivered as under u.d.e. art. 42 — the day after 14 days from its availability. Where
 * the fiction decides rights (e.g. the appeal term of a decision), send through e-Doręczenia and
 * use the portal for a copy.
 *
 * Called by dispatch in the transaction that registers the outgoing item; it writes only the
 * portal's side (who may download it).
 */
export async function makeLetterAvailableInPortal(
  tx: TransactionContext,
  letter: { outgoingId: string; caseId: string; addresseeName: string },
): Promise<{ citizenName: string }> {
  const candidates = await tx.trx
    .selectFrom('portal_submissions')
    .innerJoin('incoming_items', 'incoming_items.id', 'portal_submissions.incoming_id')
    .innerJoin('portal_citizens', 'portal_citizens.id', 'portal_submissions.citizen_id')
    .select(['portal_citizens.id', 'portal_citizens.name'])
    .distinct()
    .where('incoming_items.office_id', '=', tx.actor.officeId)
    .where('incoming_items.case_id', '=', letter.caseId)
    .execute();
  const named = (name: string) => name.trim().toLocaleLowerCase('pl');
  const citizen =
    candidates.length === 1
      ? candidates[0]
      : candidates.find((c) => named(c.name) === named(letter.addresseeName));
  if (!citizen) {
    throw candidates.length === 0 ? portalErrors.noRecipient() : portalErrors.ambiguousRecipient();
  }
  await tx.trx
    .insertInto('portal_letters')
    .values({
      outgoing_id: letter.outgoingId,
      office_id: tx.actor.officeId,
      citizen_id: citizen.id,
      available_at: tx.now,
      downloaded_at: null,
    })
    .execute();
  return { citizenName: citizen.name };
}
