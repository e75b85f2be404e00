import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/database.ts';
import type { Row } from '../../platform/db/schema.ts';

export type OutboxEvent = Pick<
  Row<'audit_events'>,
  'seq' | 'office_id' | 'at' | 'action' | 'subject_type' | 'subject_id' | 'case_id' | 'payload'
>;

/**
 * Hands the next audit events after a named cursor to `handle`, within one transaction with the
 * cursor move: a crash replays the batch, never skips it. The cursor row is locked, so two app
 * nodes never take the same batch (the second one returns at once). Only events of transactions older than every running one are
 * taken, in (transaction, seq) order, so a slow transaction's events are never overtaken (see
 * migration 0012). Returns how many events were handled; 0 means the consumer is caught up.
 */
export async function consumeOutbox(
  db: Db,
  cursorName: string,
  handle: (trx: Tx, event: OutboxEvent) => Promise<void>,
  batchSize = 200,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const cursor = await trx
      .selectFrom('notification_cursors')
      .select(['last_tx', 'last_seq'])
      .where('name', '=', cursorName)
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
    for (const event of events) await handle(trx, event);
    const last = events.at(-1);
    if (last) {
      await trx
        .updateTable('notification_cursors')
        .set({ last_tx: last.tx, last_seq: Number(last.seq) })
        .where('name', '=', cursorName)
        .execute();
    }
    return events.length;
  });
}

/** Calls `step` until it reports no more work; returns the total. */
export async function drainOutbox(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let n = await step(); n > 0; n = await step()) total += n;
  return total;
}
