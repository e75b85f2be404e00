import type { ChannelName } from './channel-names.ts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { NewRow, Row } from '../../platform/db/schema.ts';

export type MailboxRow = Row<'channel_mailboxes'>;
export type MessageRow = Row<'channel_messages'>;
export type OutboundRow = Row<'channel_outbound'>;

export function insertMailbox(db: Executor, row: NewRow<'channel_mailboxes'>) {
  return db.insertInto('channel_mailboxes').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findMailboxByAddress(
  db: Executor,
  channel: MailboxRow['channel'],
  address: string,
) {
  return db
    .selectFrom('channel_mailboxes')
    .selectAll()
    .where('channel', '=', channel)
    .where('address', '=', address)
    .executeTakeFirst();
}

export function listOfficeMailboxes(db: Executor, officeId: string) {
  return db
    .selectFrom('channel_mailboxes')
    .selectAll()
    .where('office_id', '=', officeId)
    .orderBy('created_at')
    .execute();
}

/**
 * Mailboxes with work now: their poll time has come, or (when not backing off) a letter waits to
 * be sent or a proof to be asked for.
 */
export function listDueMailboxes(db: Executor, now: Date) {
  return db
    .selectFrom('channel_mailboxes as m')
    .selectAll('m')
    .where('m.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('m.next_poll_at', '<=', now),
        eb.and([
          eb('m.failures', '=', 0),
          eb.exists(
            eb
              .selectFrom('channel_outbound as o')
              .select('o.outgoing_id')
              .whereRef('o.mailbox_id', '=', 'm.id')
              .where('o.state', 'in', ['queued', 'sent'])
              .where('o.next_attempt_at', '<=', now),
          ),
          eb.exists(
            eb
              .selectFrom('outgoing_items as g')
              .select('g.id')
              .whereRef('g.office_id', '=', 'm.office_id')
              .whereRef('g.method', '=', 'm.channel')
              .where('g.status', '=', 'registered')
              .where(({ not, exists, selectFrom }) =>
                not(
                  exists(
                    selectFrom('channel_outbound as c')
                      .select('c.outgoing_id')
                      .whereRef('c.outgoing_id', '=', 'g.id'),
                  ),
                ),
              ),
          ),
        ]),
      ]),
    )
    .orderBy('m.next_poll_at')
    .execute();
}

/** Takes (or renews) the mailbox for this node until `until`; false when another node holds it. */
export async function takeLease(
  db: Executor,
  mailboxId: string,
  owner: string,
  now: Date,
  until: Date,
) {
  const result = await db
    .updateTable('channel_mailboxes')
    .set({ lease_owner: owner, lease_until: until })
    .where('id', '=', mailboxId)
    .where((eb) =>
      eb.or([
        eb('lease_owner', 'is', null),
        eb('lease_owner', '=', owner),
        eb('lease_until', '<', now),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function releaseLease(db: Executor, mailboxId: string, owner: string) {
  return db
    .updateTable('channel_mailboxes')
    .set({ lease_owner: null, lease_until: null })
    .where('id', '=', mailboxId)
    .where('lease_owner', '=', owner)
    .execute();
}

export function updateMailbox(
  db: Executor,
  mailboxId: string,
  values: Partial<
    Pick<
      MailboxRow,
      'cursor' | 'failures' | 'next_poll_at' | 'last_poll_at' | 'caught_up_at' | 'last_error'
    >
  >,
) {
  return db.updateTable('channel_mailboxes').set(values).where('id', '=', mailboxId).execute();
}

/** Remembers listed messages; ones already known (duplicates, re-listings) are ignored. */
export async function insertListed(
  db: Executor,
  mailbox: Pick<MailboxRow, 'id' | 'office_id' | 'channel'>,
  externalIds: string[],
  now: Date,
) {
  const unique = [...new Set(externalIds)];
  if (unique.length === 0) return 0;
  const inserted = await db
    .insertInto('channel_messages')
    .values(
      unique.map((externalId) => ({
        office_id: mailbox.office_id,
        channel: mailbox.channel,
        mailbox_id: mailbox.id,
        external_id: externalId,
        state: 'listed' as const,
        listed_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['mailbox_id', 'external_id']).where('mailbox_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .execute();
  return inserted.length;
}

export function listMessagesInState(
  db: Executor,
  mailboxId: string,
  state: 'listed' | 'fetched',
  now: Date,
  limit: number,
) {
  return db
    .selectFrom('channel_messages')
    .selectAll()
    .where('mailbox_id', '=', mailboxId)
    .where('state', '=', state)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .orderBy('listed_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function lockMessage(db: Executor, id: string) {
  return db
    .selectFrom('channel_messages')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function updateMessage(
  db: Executor,
  id: string,
  values: Partial<
    Omit<
      MessageRow,
      'id' | 'office_id' | 'channel' | 'mailbox_id' | 'external_id' | 'signature_reports'
    >
  > & {
    signature_reports?: string | null;
  },
  onlyInState?: MessageRow['state'],
) {
  let query = db.updateTable('channel_messages').set(values).where('id', '=', id);
  if (onlyInState) query = query.where('state', '=', onlyInState);
  return query.executeTakeFirst();
}

export function findRegisteredByDocument(db: Executor, officeId: string, documentSha256: string) {
  return db
    .selectFrom('channel_messages as m')
    .innerJoin('incoming_items as i', 'i.id', 'm.incoming_id')
    .select(['m.id', 'm.incoming_id', 'm.signature_reports', 'i.rpw_sign'])
    .where('m.office_id', '=', officeId)
    .where('m.document_sha256', '=', documentSha256)
    .where('m.state', '=', 'registered')
    .executeTakeFirst();
}

/** Counts per mailbox and state, for the operator's view. */
export function countMessages(db: Executor, officeId: string) {
  return db
    .selectFrom('channel_messages')
    .select(['mailbox_id', 'state', sql<number>`count(*)::int`.as('n')])
    .where('office_id', '=', officeId)
    .where('mailbox_id', 'is not', null)
    .groupBy(['mailbox_id', 'state'])
    .execute();
}

export function countOutbound(db: Executor, officeId: string) {
  return db
    .selectFrom('channel_outbound')
    .select(['mailbox_id', 'state', sql<number>`count(*)::int`.as('n')])
    .where('office_id', '=', officeId)
    .groupBy(['mailbox_id', 'state'])
    .execute();
}

export function listDeadMessages(db: Executor, officeId: string, limit: number) {
  return db
    .selectFrom('channel_messages as m')
    .leftJoin('channel_mailboxes as b', 'b.id', 'm.mailbox_id')
    .select([
      'm.id',
      'm.channel',
      'm.external_id',
      'm.dead_reason',
      'm.attempts',
      'm.dead_at',
      'b.address',
    ])
    .where('m.office_id', '=', officeId)
    .where('m.state', '=', 'dead')
    .orderBy('m.dead_at', 'desc')
    .limit(limit)
    .execute();
}

export function listDeadOutbound(db: Executor, officeId: string, limit: number) {
  return db
    .selectFrom('channel_outbound as o')
    .innerJoin('channel_mailboxes as b', 'b.id', 'o.mailbox_id')
    .innerJoin('outgoing_items as g', 'g.id', 'o.outgoing_id')
    .select([
      'o.outgoing_id',
      'b.channel',
      'b.address',
      'g.rkw_sign',
      'o.dead_reason',
      'o.attempts',
      'o.dead_at',
    ])
    .where('o.office_id', '=', officeId)
    .where('o.state', '=', 'dead')
    .orderBy('o.dead_at', 'desc')
    .limit(limit)
    .execute();
}

/** Electronic outgoing items of an office whose channel has no mailbox yet. */
export function countWaitingForMailbox(db: Executor, officeId: string) {
  return db
    .selectFrom('outgoing_items as g')
    .select(['g.method', sql<number>`count(*)::int`.as('n')])
    .where('g.office_id', '=', officeId)
    .where('g.status', '=', 'registered')
    .where('g.method', 'in', ['epuap', 'edoreczenia'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('channel_mailboxes as b')
            .select('b.id')
            .whereRef('b.office_id', '=', 'g.office_id')
            .whereRef('b.channel', '=', 'g.method')
            .where('b.active', '=', true),
        ),
      ),
    )
    .groupBy('g.method')
    .execute();
}

export function lockOutbound(db: Executor, outgoingId: string) {
  return db
    .selectFrom('channel_outbound')
    .selectAll()
    .where('outgoing_id', '=', outgoingId)
    .forUpdate()
    .executeTakeFirst();
}

export function updateOutbound(
  db: Executor,
  outgoingId: string,
  values: Partial<Omit<OutboundRow, 'outgoing_id' | 'office_id' | 'mailbox_id'>>,
) {
  return db
    .updateTable('channel_outbound')
    .set(values)
    .where('outgoing_id', '=', outgoingId)
    .execute();
}

/** The office's first active mailbox of a channel: the only one that sends, so a letter goes once. */
export function findSendingMailbox(db: Executor, officeId: string, channel: ChannelName) {
  return db
    .selectFrom('channel_mailboxes')
    .select('id')
    .where('office_id', '=', officeId)
    .where('channel', '=', channel)
    .where('active', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

/** An outgoing item joins a mailbox's queue, due at once (once only: a second call does nothing). */
export async function queueOutgoingItem(
  db: Executor,
  item: { outgoingId: string; officeId: string; mailboxId: string; at: Date },
) {
  await db
    .insertInto('channel_outbound')
    .values({
      outgoing_id: item.outgoingId,
      office_id: item.officeId,
      mailbox_id: item.mailboxId,
      state: 'queued',
      queued_at: item.at,
      next_attempt_at: item.at,
    })
    .onConflict((oc) => oc.column('outgoing_id').doNothing())
    .execute();
}

/** Messages in and letters out of every office still in work or dead, for monitoring. */
export async function countBacklog(db: Executor) {
  const [incoming, outgoing] = await Promise.all([
    db
      .selectFrom('channel_messages')
      .select(['state', sql<number>`count(*)::int`.as('n')])
      .where('state', 'in', ['listed', 'fetched', 'dead'])
      .groupBy('state')
      .execute(),
    db
      .selectFrom('channel_outbound')
      .select(['state', sql<number>`count(*)::int`.as('n')])
      .where('state', 'in', ['queued', 'sent', 'dead'])
      .groupBy('state')
      .execute(),
  ]);
  return [
    ...incoming.map((row) => ({ direction: 'in', state: row.state, n: row.n })),
    ...outgoing.map((row) => ({ direction: 'out', state: row.state, n: row.n })),
  ];
}
