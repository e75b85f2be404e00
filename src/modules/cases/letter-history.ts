import {
  carryIntoCaseRecord,
  listEventsOutsideCases,
} from '../../platform/record/case-record-chain.ts';
import type { TransactionContext } from '../../platform/record/transaction.ts';
import { listAssignmentIdsOfLetter } from '../assignments/assignments.repository.ts';
import { listPeopleWithPosts } from '../org/org.repository.ts';

/**
 * Steps of the machinery around a letter, not acts on the case's documents: text recognition
 * finished or queued again (the searchable copy is a rendition, the original unchanged). They
 * stay in the audit log and the letter's own history; the metryka lists what people did.
 */
const NOT_OF_THE_RECORD = new Set(['ocr.finished', 'ocr.requeued']);

/**
 * When a letter joins a case, its history so far (registration in the RPW, dekretacja) becomes
 * part of the case record, with the original time and person of each step and the post that
 * person held at the time, in the order the steps happened. Only events from before the letter
 * had a case are carried; later ones are recorded in the case directly. (Events written before
 * posts were kept with them fall back to the person's current post.)
 */
export async function carryLetterHistory(
  tx: TransactionContext,
  caseId: string,
  incomingId: string,
): Promise<void> {
  const events = (
    await listEventsOutsideCases(tx.trx, tx.actor.officeId, [
      { type: 'incoming', ids: [incomingId] },
      { type: 'assignment', ids: await listAssignmentIdsOfLetter(tx.trx, incomingId) },
    ])
  ).filter((event) => !NOT_OF_THE_RECORD.has(event.action));
  const unnamed = events.filter((e) => e.actorName === null || e.actorPost === null);
  const people = new Map(
    (
      await listPeopleWithPosts(tx.trx, tx.actor.officeId, [
        ...new Set(unnamed.map((e) => e.actorId)),
      ])
    ).map((person) => [person.id, person]),
  );
  await carryIntoCaseRecord(
    tx,
    caseId,
    events.map((event) => {
      const now = people.get(event.actorId);
      return {
        at: event.at,
        author: {
          userId: event.actorId,
          name: event.actorName ?? now?.name ?? '',
          post: event.actorPost ?? now?.post ?? 'pracownik',
        },
        action: event.action,
        description: event.description ?? event.action,
        documentId: event.documentId,
      };
    }),
  );
}
