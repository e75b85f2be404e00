import type { TransactionContext } from '../../platform/record/transaction.ts';
import type { DispatchOutlet } from '../dispatch/dispatch-outlets.ts';
import { portalErrors } from './portal.errors.ts';

/**
 * Dispatch through the portal (method `portal`): the letter appears at once in the matters of
 * the citizen who is a party to the case through the portal, and is delivered when downloaded.
 *
 * KPA art. 39 § 1 allows delivery to an account of the addressee in the office's own system
 * ("na konto w systemie teleinformatycznym organu"), which the party chose by filing here. Such a
 * letter is delivered when the party collects it — the download, confirmed by the sealed
 * potwierdzenie odbioru w portalu. There is no delivery fiction for it: the 14-day fiction of
 * u.d.e. art. 42 ust. 2 applies only to letters sent to an e-Doręczenia address of a person or
 * a business. A letter not downloaded is not delivered and no appeal term runs: after the
 * portal's collection period (OBIEG_PORTAL_UNCOLLECTED_DAYS) the handler is told and sends it by
 * e-Doręczenia or post (portal.worker.ts, dispatch `reportNotCollected`).
 *
 * Plugged into dispatch as the outlet of method `portal` (app.ts): called in the transaction that
 * registers the outgoing item, it writes only the portal's side (who may download it).
 */
export const portalDispatchOutlet: DispatchOutlet = {
  async handOver(tx, letter) {
    const { citizenName } = await makeLetterAvailableInPortal(tx, letter);
    return {
      sent: true,
      description: `Udostępniono przesyłkę ${letter.rkwSign} w portalu mieszkańca (${citizenName}); doręczenie z chwilą pobrania pisma przez adresata (art. 39 § 1 KPA) – w portalu nie ma fikcji doręczenia`,
    };
  },
};

async function makeLetterAvailableInPortal(
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
