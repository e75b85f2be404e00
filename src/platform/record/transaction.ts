import type { Db, Tx } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Actor } from '../actor/actor.ts';
import { appendRecordRow } from './case-record-chain.ts';

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
