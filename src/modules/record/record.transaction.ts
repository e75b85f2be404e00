import type { Db, Tx } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../auth/actor.ts';
import { hashRecordRow } from './record.hash.ts';

/** A change worth remembering. Every use case that changes data reports it through `record`. */
export interface ChangeEvent {
  /** Stable code, e.g. `case.opened`. */
  action: string;
  /** Polish description as it appears in the case record (metryka). */
  description: string;
  subject: { type: string; id: string };
  /** When set, the change is also a row of that case's record. */
  caseId?: string | null;
  /** Identifier of the document concerned (RPW sign, file id, ...). */
  documentId?: string | null;
  payload?: Record<string, unknown>;
}

export interface UseCaseDeps {
  db: Db;
  clock: Clock;
}

export interface ActorDeps extends UseCaseDeps {
  actor: Actor;
}

export interface TransactionContext {
  trx: Tx;
  actor: Actor;
  /** One instant for the whole transaction: all its rows carry the same time. */
  now: Date;
  record(event: ChangeEvent): Promise<void>;
  /** Many changes at once (bulk registration): one statement for those outside a case. */
  recordAll(events: ChangeEvent[]): Promise<void>;
}

/**
 * The one way a use case changes data: its writes, its audit events and its case-record rows
 * commit or roll back together. When `deps.db` is already a transaction, the use case joins it
 * instead of opening its own: a caller that must commit the use case together with rows of its
 * own passes its transaction (the channels gateway registers a message and marks its queue row
 * in one commit, so a crash between the two cannot register it twice).
 */
export async function runInTransaction<T>(
  deps: ActorDeps,
  work: (tx: TransactionContext) => Promise<T>,
): Promise<T> {
  const run = (trx: Tx) => {
    const now = deps.clock.now();
    return work({
      trx,
      actor: deps.actor,
      now,
      record: (event) => recordChange(trx, deps.actor, now, event),
      recordAll: (events) => recordChanges(trx, deps.actor, now, events),
    });
  };
  if (deps.db.isTransaction) return run(deps.db as Tx);
  return deps.db.transaction().execute(run);
}

export async function recordChange(
  trx: Tx,
  actor: Actor,
  at: Date,
  event: ChangeEvent,
): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values(auditRow(actor, at, event))
    .execute();
  if (event.caseId) await appendRecordRow(trx, actor, at, event.caseId, event);
}

/** The audit events in one multi-row insert, in order; case-record rows as `recordChange` does. */
export async function recordChanges(
  trx: Tx,
  actor: Actor,
  at: Date,
  events: ChangeEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('audit_events')
    .values(events.map((event) => auditRow(actor, at, event)))
    .execute();
  for (const event of events) {
    if (event.caseId) await appendRecordRow(trx, actor, at, event.caseId, event);
  }
}

function auditRow(actor: Actor, at: Date, event: ChangeEvent) {
  return {
    office_id: actor.officeId,
    at,
    actor_id: actor.userId,
    action: event.action,
    subject_type: event.subject.type,
    subject_id: event.subject.id,
    case_id: event.caseId ?? null,
    description: event.description,
    // The name and post of this moment: a row carried into a case later must name the post
    // the person held when they acted, not the one they hold by then (KPA art. 66a).
    actor_name: actor.name,
    actor_post: actor.post,
    payload: JSON.stringify({
      ...event.payload,
      ...(event.documentId ? { documentId: event.documentId } : {}),
    }),
  };
}

/** Who a record row names: the actor, or the author of an earlier event carried into the case. */
type RecordAuthor = Pick<Actor, 'officeId' | 'userId' | 'name' | 'post'>;

async function appendRecordRow(
  trx: Tx,
  actor: RecordAuthor,
  at: Date,
  caseId: string,
  event: ChangeEvent,
): Promise<void> {
  // The row lock on the case serialises appends, so the chain never forks.
  const head = await trx
    .selectFrom('cases')
    .select(['record_seq', 'record_head'])
    .where('id', '=', caseId)
    .where('office_id', '=', actor.officeId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row = {
    caseId,
    seq: head.record_seq + 1,
    at,
    actorId: actor.userId,
    actorName: actor.name,
    actorPost: actor.post,
    action: event.action,
    description: event.description,
    documentId: event.documentId ?? null,
  };
  const hash = hashRecordRow(head.record_head, row);
  await trx
    .insertInto('case_record_rows')
    .values({
      office_id: actor.officeId,
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
  await trx
    .updateTable('cases')
    .set({ record_seq: row.seq, record_head: hash })
    .where('id', '=', caseId)
    .execute();
}

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
  const events = await tx.trx
    .selectFrom('audit_events')
    .innerJoin('users', 'users.id', 'audit_events.actor_id')
    .leftJoin('positions', 'positions.id', 'users.position_id')
    .select([
      'audit_events.at',
      'audit_events.actor_id',
      'audit_events.action',
      'audit_events.description',
      'audit_events.payload',
      'audit_events.actor_name',
      'audit_events.actor_post',
      'users.name',
      'positions.name as post',
    ])
    .where('audit_events.office_id', '=', tx.actor.officeId)
    .where('audit_events.case_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('audit_events.subject_type', '=', 'incoming'),
          eb('audit_events.subject_id', '=', incomingId),
        ]),
        eb.and([
          eb('audit_events.subject_type', '=', 'assignment'),
          eb(
            'audit_events.subject_id',
            'in',
            tx.trx.selectFrom('assignments').select('id').where('incoming_id', '=', incomingId),
          ),
        ]),
      ]),
    )
    .orderBy('audit_events.seq')
    .execute();
  for (const event of events) {
    const payload = event.payload as { documentId?: string };
    await appendRecordRow(
      tx.trx,
      {
        officeId: tx.actor.officeId,
        userId: event.actor_id,
        name: event.actor_name ?? event.name,
        post: event.actor_post ?? event.post ?? 'pracownik',
      },
      event.at,
      caseId,
      {
        action: event.action,
        description: event.description ?? event.action,
        subject: { type: 'incoming', id: incomingId },
        documentId: payload.documentId ?? null,
      },
    );
  }
}
