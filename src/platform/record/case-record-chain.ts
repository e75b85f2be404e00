import type { Actor } from '../actor/actor.ts';
import type { Executor, Tx } from '../db/database.ts';
import { hashRecordRow } from './record-hash.ts';
import type { ChangeEvent, TransactionContext } from './transaction.ts';

/** Who a record row names: the actor, or the author of an earlier event carried into the case. */
export type RecordAuthor = Pick<Actor, 'officeId' | 'userId' | 'name' | 'post'>;

/**
 * Appends one row to a case's record (metryka), chained to the previous row by its hash. The
 * head row of the case is locked while the row is appended, so the chain never forks.
 */
export async function appendRecordRow(
  trx: Tx,
  author: RecordAuthor,
  at: Date,
  caseId: string,
  event: Pick<ChangeEvent, 'action' | 'description' | 'documentId'>,
): Promise<void> {
  const head = await lockRecordHead(trx, author.officeId, caseId);
  const row = {
    caseId,
    seq: head.record_seq + 1,
    at,
    actorId: author.userId,
    actorName: author.name,
    actorPost: author.post,
    action: event.action,
    description: event.description,
    documentId: event.documentId ?? null,
  };
  const hash = hashRecordRow(head.record_head, row);
  await trx
    .insertInto('case_record_rows')
    .values({
      office_id: author.officeId,
      case_id: caseId,
      seq: row.seq,
      at,
      actor_id: row.actorId,
      actor_name: row.actorName,
      actor_post: row.actorPost,
      action: row.action,
      description: row.description,
      document_id: row.documentId,
      prev_hash: head.record_head,
      hash,
    })
    .execute();
  if (head.record_seq === 0) {
    await trx
      .insertInto('case_record_heads')
      .values({
        case_id: caseId,
        office_id: author.officeId,
        record_seq: row.seq,
        record_head: hash,
      })
      .execute();
  } else {
    await trx
      .updateTable('case_record_heads')
      .set({ record_seq: row.seq, record_head: hash })
      .where('case_id', '=', caseId)
      .execute();
  }
}

/**
 * The head of a case's chain, locked for this transaction; an empty chain (no row yet) has
 * number 0 and an empty hash. The case row is locked while its first row is written, so two
 * transactions cannot both start the same chain.
 */
async function lockRecordHead(trx: Tx, officeId: string, caseId: string) {
  const head = await trx
    .selectFrom('case_record_heads')
    .select(['record_seq', 'record_head'])
    .where('case_id', '=', caseId)
    .where('office_id', '=', officeId)
    .forUpdate()
    .executeTakeFirst();
  if (head) return head;
  await trx
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where('office_id', '=', officeId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const started = await trx
    .selectFrom('case_record_heads')
    .select(['record_seq', 'record_head'])
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  return started ?? { record_seq: 0, record_head: '' };
}

/** An audit event from before its subject had a case, as `listEventsOutsideCases` finds it. */
export interface EventOutsideCase {
  at: Date;
  actorId: string;
  action: string;
  description: string | null;
  documentId: string | null;
  /** The name and post recorded with the event (null for events from before they were kept). */
  actorName: string | null;
  actorPost: string | null;
}

/**
 * The audit events of the given subjects that belong to no case yet, in the order they happened:
 * the history of a letter (registration, dekretacja) that is about to join a case.
 */
export async function listEventsOutsideCases(
  db: Executor,
  officeId: string,
  subjects: ReadonlyArray<{ type: string; ids: readonly string[] }>,
): Promise<EventOutsideCase[]> {
  const wanted = subjects.filter((subject) => subject.ids.length > 0);
  if (wanted.length === 0) return [];
  const events = await db
    .selectFrom('audit_events')
    .select(['at', 'actor_id', 'action', 'description', 'payload', 'actor_name', 'actor_post'])
    .where('office_id', '=', officeId)
    .where('case_id', 'is', null)
    .where((eb) =>
      eb.or(
        wanted.map((subject) =>
          eb.and([eb('subject_type', '=', subject.type), eb('subject_id', 'in', subject.ids)]),
        ),
      ),
    )
    .orderBy('seq')
    .execute();
  return events.map((event) => ({
    at: event.at,
    actorId: event.actor_id,
    action: event.action,
    description: event.description,
    documentId: (event.payload as { documentId?: string }).documentId ?? null,
    actorName: event.actor_name,
    actorPost: event.actor_post,
  }));
}

/**
 * Carries earlier events into a case's record with the original time and author of each, in the
 * order given (a letter's history when it joins the case: KPA art. 66a).
 */
export async function carryIntoCaseRecord(
  tx: TransactionContext,
  caseId: string,
  events: ReadonlyArray<{
    at: Date;
    author: Omit<RecordAuthor, 'officeId'>;
    action: string;
    description: string;
    documentId: string | null;
  }>,
): Promise<void> {
  for (const event of events) {
    await appendRecordRow(
      tx.trx,
      { officeId: tx.actor.officeId, ...event.author },
      event.at,
      caseId,
      event,
    );
  }
}
