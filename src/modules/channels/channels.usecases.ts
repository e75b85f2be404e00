import { getIncomingOrThrow } from '../incoming/incoming.usecases.ts';
import { runInTransaction, type ActorDeps } from '../../platform/record/transaction.ts';
import { channelErrors } from './channels.errors.ts';
import { channelPolicy, officeScope } from './channels.policy.ts';
import * as repo from './channels.repository.ts';
import { addMailboxSchema, type AddMailboxInput } from './channels.schemas.ts';
import { ensureGatewayUser } from './gateway-user.ts';
import type { FileSignatures } from './signature-check.ts';

export const DEFAULT_REQUESTS_PER_SECOND = 5;

/**
 * Configures an office mailbox of a national channel (administrator). The first one also creates
 * the gateway's system account, in the same transaction.
 */
export async function addMailbox(deps: ActorDeps, rawInput: AddMailboxInput) {
  const input = addMailboxSchema.parse(rawInput);
  if (!channelPolicy.can(deps.actor, 'manageMailboxes', officeScope(deps.actor)))
    throw channelErrors.mailboxForbidden();
  return runInTransaction(deps, async (tx) => {
    if (await repo.findMailboxByAddress(tx.trx, input.channel, input.address))
      throw channelErrors.mailboxTaken();
    const gatewayUserId = await ensureGatewayUser({
      db: tx.trx,
      clock: deps.clock,
      actor: tx.actor,
    });
    const mailbox = await repo.insertMailbox(tx.trx, {
      office_id: tx.actor.officeId,
      channel: input.channel,
      address: input.address,
      name: input.name,
      gateway_user_id: gatewayUserId,
      requests_per_second: input.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND,
      next_poll_at: tx.now,
      created_by: tx.actor.userId,
      created_at: tx.now,
    });
    await tx.record({
      action: 'channel.mailbox_added',
      description: `Skonfigurowano skrzynkę ${input.channel === 'epuap' ? 'ePUAP' : 'e-Doręczeń'} ${input.address} (${input.name})`,
      subject: { type: 'channel_mailbox', id: mailbox.id },
      payload: { channel: input.channel, address: input.address },
    });
    return toMailboxView(mailbox, [], []);
  });
}

function assertMayOperate(deps: ActorDeps, action: 'viewQueues' | 'retry') {
  if (!channelPolicy.can(deps.actor, action, officeScope(deps.actor)))
    throw channelErrors.forbidden();
}

type Counts = Array<{ mailbox_id: string | null; state: string; n: number }>;

function toMailboxView(mailbox: repo.MailboxRow, messages: Counts, outbound: Counts) {
  const count = (rows: Counts, state: string) =>
    rows.find((r) => r.mailbox_id === mailbox.id && r.state === state)?.n ?? 0;
  return {
    id: mailbox.id,
    channel: mailbox.channel,
    address: mailbox.address,
    name: mailbox.name,
    active: mailbox.active,
    requestsPerSecond: mailbox.requests_per_second,
    cursor: mailbox.cursor,
    failures: mailbox.failures,
    nextPollAt: mailbox.next_poll_at.toISOString(),
    lastPollAt: mailbox.last_poll_at?.toISOString() ?? null,
    caughtUpAt: mailbox.caught_up_at?.toISOString() ?? null,
    lastError: mailbox.last_error,
    inbound: {
      listed: count(messages, 'listed'),
      fetched: count(messages, 'fetched'),
      registered: count(messages, 'registered'),
      dead: count(messages, 'dead'),
    },
    outbound: {
      queued: count(outbound, 'queued'),
      sent: count(outbound, 'sent'),
      delivered: count(outbound, 'delivered'),
      dead: count(outbound, 'dead'),
    },
  };
}

/** The operator's view: each mailbox with its queues and back-off state, and the dead letters with their reasons. */
export async function listQueues(deps: ActorDeps, options: { deadLimit?: number } = {}) {
  assertMayOperate(deps, 'viewQueues');
  const officeId = deps.actor.officeId;
  const limit = options.deadLimit ?? 200;
  const [mailboxes, messages, outbound, deadMessages, deadOutbound, waiting] = await Promise.all([
    repo.listOfficeMailboxes(deps.db, officeId),
    repo.countMessages(deps.db, officeId),
    repo.countOutbound(deps.db, officeId),
    repo.listDeadMessages(deps.db, officeId, limit),
    repo.listDeadOutbound(deps.db, officeId, limit),
    repo.countWaitingForMailbox(deps.db, officeId),
  ]);
  return {
    mailboxes: mailboxes.map((m) => toMailboxView(m, messages, outbound)),
    deadLetters: [
      ...deadMessages.map((d) => ({
        kind: 'inbound' as const,
        id: d.id,
        channel: d.channel,
        mailboxAddress: d.address,
        reference: d.external_id,
        reason: d.dead_reason ?? '',
        attempts: d.attempts,
        deadAt: d.dead_at!.toISOString(),
      })),
      ...deadOutbound.map((d) => ({
        kind: 'outbound' as const,
        id: d.outgoing_id,
        channel: d.channel,
        mailboxAddress: d.address,
        reference: d.rkw_sign,
        reason: d.dead_reason ?? '',
        attempts: d.attempts,
        deadAt: d.dead_at!.toISOString(),
      })),
    ].sort((a, b) => b.deadAt.localeCompare(a.deadAt)),
    waitingForMailbox: {
      epuap: waiting.find((w) => w.method === 'epuap')?.n ?? 0,
      edoreczenia: waiting.find((w) => w.method === 'edoreczenia')?.n ?? 0,
    },
  };
}

/**
 * Puts a dead message back: a downloaded one is registered again, one that never downloaded is
 * downloaded again. The operator's decision is recorded.
 */
export async function retryInbound(deps: ActorDeps, messageId: string) {
  assertMayOperate(deps, 'retry');
  return runInTransaction(deps, async (tx) => {
    const row = await repo.lockMessage(tx.trx, messageId);
    if (!row || row.office_id !== tx.actor.officeId) throw channelErrors.messageNotFound();
    if (row.state !== 'dead') throw channelErrors.notDeadLetter({ state: row.state });
    const state = row.envelope_sha256 ? ('fetched' as const) : ('listed' as const);
    await repo.updateMessage(tx.trx, row.id, {
      state,
      attempts: 0,
      next_attempt_at: null,
      dead_reason: null,
      dead_at: null,
    });
    if (row.mailbox_id) await repo.updateMailbox(tx.trx, row.mailbox_id, { caught_up_at: null });
    await tx.record({
      action: 'channel.dead_letter_retried',
      description: `Ponowiono obsługę wiadomości ${row.external_id} z kanału ${row.channel} (powód odrzucenia: ${row.dead_reason})`,
      subject: { type: 'channel_message', id: row.id },
      payload: { previousReason: row.dead_reason },
    });
    return { kind: 'inbound' as const, id: row.id, state };
  });
}

/** Puts a dead letter back in the send queue (or, once sent, back to waiting for its proof). */
export async function retryOutbound(deps: ActorDeps, outgoingId: string) {
  assertMayOperate(deps, 'retry');
  return runInTransaction(deps, async (tx) => {
    const row = await repo.lockOutbound(tx.trx, outgoingId);
    if (!row || row.office_id !== tx.actor.officeId) throw channelErrors.messageNotFound();
    if (row.state !== 'dead') throw channelErrors.notDeadLetter({ state: row.state });
    const state = row.external_id ? ('sent' as const) : ('queued' as const);
    await repo.updateOutbound(tx.trx, outgoingId, {
      state,
      attempts: 0,
      next_attempt_at: tx.now,
      dead_reason: null,
      dead_at: null,
    });
    await tx.record({
      action: 'channel.dead_letter_retried',
      description: `Ponowiono wysyłkę przesyłki przez kanał krajowy (powód odrzucenia: ${row.dead_reason})`,
      subject: { type: 'outgoing', id: outgoingId },
      payload: { previousReason: row.dead_reason },
    });
    return { kind: 'outbound' as const, id: outgoingId, state };
  });
}

/** Where an incoming item came from: mailbox, the service's id, proof time and the signature reports. */
export async function getProvenance(deps: ActorDeps, incomingId: string) {
  const { item } = await getIncomingOrThrow(deps.db, deps.actor, incomingId);
  const row = await deps.db
    .selectFrom('channel_messages as m')
    .leftJoin('channel_mailboxes as b', 'b.id', 'm.mailbox_id')
    .select([
      'm.channel',
      'm.external_id',
      'm.received_at',
      'm.registered_at',
      'm.signature_reports',
      'b.address',
    ])
    .where('m.incoming_id', '=', item.id)
    .executeTakeFirst();
  if (!row) throw channelErrors.messageNotFound();
  return {
    incomingId: item.id,
    channel: row.channel,
    mailboxAddress: row.address,
    externalId: row.external_id,
    receivedAt: row.received_at!.toISOString(),
    registeredAt: row.registered_at!.toISOString(),
    signatures: (row.signature_reports ?? []) as FileSignatures[],
  };
}
