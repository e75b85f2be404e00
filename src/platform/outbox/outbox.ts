import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { Row } from '../db/schema.ts';

export type OutboxEvent = Pick<
  Row<'audit_events'>,
  'seq' | 'office_id' | 'at' | 'action' | 'subject_type' | 'subject_id' | 'case_id' | 'payload'
>;

/**
 * A reader of the outbox (the audit events, in commit order): the search indexer, the
 * notification worker. Its cursor is the row of `outbox_cursors` with its name, created by the
 * migration that introduces the consumer. It gets the events a batch at a time, in order, so
 * that it can read and write for many at once; handling must be idempotent: a crash replays a batch.
 */
export interface OutboxConsumer {
  name: string;
  handle(trx: Tx, events: OutboxEvent[]): Promise<void>;
}

/**
 * Hands the next audit events after the consumer's cursor to its `handle`, within one transaction with the
 * cursor move: a crash replays the batch, never skips it. The cursor row is locked, so two app
 * nodes never take the same batch (the second one returns at once). Only events of transactions older than every running one are
 * taken, in (transaction, seq) order, so a slow transaction's events are never overtaken (see
 * migration 0012). Returns how many events were handled; 0 means the consumer is caught up.
 */
export async function consumeOutbox(
  db: Db,
  consumer: OutboxConsumer,
  batchSize = 200,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const cursor = await trx
      .selectFrom('outbox_cursors')
      .select(['last_tx', 'last_seq'])
      .where('name', '=', consumer.name)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    // Another node or request is consuming right now; it will carry the same events.
    if (!cursor) return 0;
    const events = await trx
      .selectFrom('audit_events')
      .select([
        'tx',
        'seq',
        'office_id',
        'at',
        'action',
        'subject_type',
        'subject_id',
        'case_id',
        'payload',
      ])
      .where(sql<boolean>`(tx, seq) > (${cursor.last_tx}::xid8, ${cursor.last_seq})`)
      .where(sql<boolean>`tx < pg_snapshot_xmin(pg_current_snapshot())`)
      .orderBy('tx')
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (events.length > 0) await consumer.handle(trx, events);
    const last = events.at(-1);
    if (last) {
      await trx
        .updateTable('outbox_cursors')
        .set({ last_tx: last.tx, last_seq: Number(last.seq) })
        .where('name', '=', consumer.name)
        .execute();
    }
    return events.length;
  });
}

/** Hands the consumer every event committed so far, batch by batch; returns how many. */
export async function drainOutbox(db: Db, consumer: OutboxConsumer): Promise<number> {
  let total = 0;
  for (let n = await consumeOutbox(db, consumer); n > 0; n = await consumeOutbox(db, consumer)) {
    total += n;
  }
  return total;
}

/**
 * How far each consumer is behind: events committed after its cursor (counted up to 100,000) and
 * the age of the oldest of them, for monitoring (a growing lag means search or notifications
 * fall behind the office's work).
 */
export async function outboxBacklog(db: Db, now: Date) {
  const rows = await db
    .selectFrom('outbox_cursors as c')
    .select((eb) => [
      'c.name',
      eb
        .selectFrom(
          eb
            .selectFrom('audit_events as e')
            .select('e.seq')
            .where(sql<boolean>`(e.tx, e.seq) > (c.last_tx, c.last_seq)`)
            .limit(100_000)
            .as('pending'),
        )
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .as('pending'),
      eb
        .selectFrom('audit_events as e')
        .select('e.at')
        .where(sql<boolean>`(e.tx, e.seq) > (c.last_tx, c.last_seq)`)
        .orderBy('e.tx')
        .orderBy('e.seq')
        .limit(1)
        .as('oldest'),
    ])
    .execute();
  return rows.map((row) => ({
    consumer: row.name,
    pending: Number(row.pending ?? 0),
    oldestSeconds: row.oldest ? (now.getTime() - new Date(row.oldest).getTime()) / 1000 : 0,
  }));
}
