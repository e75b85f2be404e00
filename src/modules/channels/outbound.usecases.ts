import { ZodError } from 'zod';
import { localDate } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { electronicDeliveryFiction } from '../deadlines/delivery.ts';
import {
  applyDeliveryFiction,
  markSent,
  recordArrival,
  recordDelivery,
} from '../dispatch/dispatch.usecases.ts';
import type { ChannelClient, OutboundLetter, ProofFile } from './channel-client.ts';
import { ChannelRequestError, ChannelUnavailableError } from './channel-http.ts';
import * as repo from './channels.repository.ts';
import { retryDelayMs, type GatewayDeps } from './gateway-deps.ts';
import { describeError, gatewayActor, type Call } from './inbound.usecases.ts';

/**
 * Outgoing items registered for this mailbox's channel (RKW, method epuap/edoreczenia) that are
 * not queued yet join its queue: those registered before the office had a mailbox of the channel
 * (the rest are queued at registration, channels-outlet.ts). Only the office's first mailbox of
 * a channel sends, so a letter goes out once.
 */
export async function enqueueOutgoing(
  deps: GatewayDeps,
  mailbox: repo.MailboxRow,
): Promise<number> {
  const primary = await repo.findSendingMailbox(deps.db, mailbox.office_id, mailbox.channel);
  if (primary?.id !== mailbox.id) return 0;
  const now = deps.clock.now();
  const rows = await deps.db
    .insertInto('channel_outbound')
    .columns(['outgoing_id', 'office_id', 'mailbox_id', 'state', 'queued_at', 'next_attempt_at'])
    .expression((eb) =>
      eb
        .selectFrom('outgoing_items as g')
        .select((s) => [
          'g.id',
          'g.office_id',
          s.val(mailbox.id).as('mailbox_id'),
          s.val('queued').as('state'),
          s.val(now).as('queued_at'),
          s.val(now).as('next_attempt_at'),
        ])
        .where('g.office_id', '=', mailbox.office_id)
        .where('g.method', '=', mailbox.channel)
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
    )
    .onConflict((oc) => oc.column('outgoing_id').doNothing())
    .returning('outgoing_id')
    .execute();
  return rows.length;
}

function dueOutbound(
  db: Executor,
  mailboxId: string,
  state: 'queued' | 'sent',
  now: Date,
  limit: number,
) {
  return db
    .selectFrom('channel_outbound')
    .selectAll()
    .where('mailbox_id', '=', mailboxId)
    .where('state', '=', state)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * Sends queued letters: the signed version of the document and its signatures. The outgoing item
 * id is the idempotency key, so a letter re-sent after a crash is the same letter to the service.
 * The item is marked sent (RKW) in the same transaction as the queue row.
 */
export async function sendQueued(
  deps: GatewayDeps,
  mailbox: repo.MailboxRow,
  client: ChannelClient,
  call: Call,
) {
  const actor = await gatewayActor(deps, mailbox.gateway_user_id);
  const rows = await dueOutbound(
    deps.db,
    mailbox.id,
    'queued',
    deps.clock.now(),
    deps.settings.pageSize,
  );
  let sent = 0;
  for (const row of rows) {
    try {
      const letter = await buildLetter(deps, row.outgoing_id);
      if (!letter) {
        await deadOutbound(deps, row, 'przesyłka nie czeka już na nadanie (obsłużona poza bramką)');
        continue;
      }
      const receipt = await call((signal) => client.send(mailbox.address, letter, signal));
      await deps.db.transaction().execute(async (trx) => {
        const locked = await repo.lockOutbound(trx, row.outgoing_id);
        if (locked?.state !== 'queued') return;
        const item = await trx
          .selectFrom('outgoing_items')
          .select('status')
          .where('id', '=', row.outgoing_id)
          .executeTakeFirstOrThrow();
        if (item.status === 'registered') {
          await markSent({ db: trx, clock: deps.clock, actor }, row.outgoing_id);
        }
        await repo.updateOutbound(trx, row.outgoing_id, {
          state: 'sent',
          external_id: receipt.externalId,
          sent_at: receipt.sentAt,
          attempts: 0,
          last_error: null,
          next_attempt_at: new Date(deps.clock.now().getTime() + deps.settings.proofIntervalMs),
        });
      });
      sent += 1;
    } catch (error) {
      if (error instanceof ChannelUnavailableError || deps.signal?.aborted) throw error;
      await recordOutboundFailure(deps, row, error);
    }
  }
  return sent;
}

/**
 * Asks the service for the proofs of sent letters and files them to the case:
 * - ePUAP: the UPD; its DataOdbioru is the delivery (recordDelivery, which starts the appeal term);
 * - e-Doręczenia: the dowód otrzymania. Its arrival day (wpłynięcie) is recorded with the letter
 *   (recordArrival): for a public entity that is the delivery; for a person or a business the
 *   collection shown in it is, or else the fiction of u.d.e. art. 42 ust. 2 counted from that
 *   arrival day (applyDeliveryFiction) — never from the time the gateway sent the letter.
 */
export async function collectProofs(
  deps: GatewayDeps,
  mailbox: repo.MailboxRow,
  client: ChannelClient,
  call: Call,
) {
  const actor = await gatewayActor(deps, mailbox.gateway_user_id);
  const rows = await dueOutbound(
    deps.db,
    mailbox.id,
    'sent',
    deps.clock.now(),
    deps.settings.pageSize,
  );
  let delivered = 0;
  for (const row of rows) {
    try {
      const now = deps.clock.now();
      const item = await deps.db
        .selectFrom('outgoing_items')
        .select(['status'])
        .where('id', '=', row.outgoing_id)
        .executeTakeFirstOrThrow();
      if (item.status !== 'sent') {
        // The kancelaria filed the delivery by hand: nothing left to ask the service.
        await repo.updateOutbound(deps.db, row.outgoing_id, {
          state: 'delivered',
          delivered_at: now,
        });
        continue;
      }
      const proofs = await call((signal) =>
        client.fetchDeliveryProof(mailbox.address, row.external_id!, signal),
      );
      const done = await deps.db.transaction().execute(async (trx) => {
        const locked = await repo.lockOutbound(trx, row.outgoing_id);
        if (locked?.state !== 'sent') return false;
        const joined = { db: trx, clock: deps.clock, actor, files: deps.files };
        const file = (proof: ProofFile) => ({ name: proof.fileName, content: proof.content });
        const current = await trx
          .selectFrom('outgoing_items')
          .select(['status', 'arrived_on', 'addressee_kind'])
          .where('id', '=', row.outgoing_id)
          .executeTakeFirstOrThrow();
        if (current.status === 'sent' && proofs.arrival && !current.arrived_on) {
          await recordArrival(
            joined,
            row.outgoing_id,
            { arrivedOn: localDate(proofs.arrival.at) },
            file(proofs.arrival),
          );
        }
        const after = await trx
          .selectFrom('outgoing_items')
          .select(['status', 'arrived_on', 'addressee_kind'])
          .where('id', '=', row.outgoing_id)
          .executeTakeFirstOrThrow();
        if (after.status === 'sent' && proofs.collection) {
          await recordDelivery(
            joined,
            row.outgoing_id,
            { kind: 'electronic_proof', deliveredOn: localDate(proofs.collection.at) },
            file(proofs.collection),
          );
        } else if (
          after.status === 'sent' &&
          mailbox.channel === 'edoreczenia' &&
          after.addressee_kind !== 'public_entity' &&
          after.arrived_on &&
          localDate(now) >= electronicDeliveryFiction(after.arrived_on)
        ) {
          await applyDeliveryFiction(joined, row.outgoing_id);
        }
        const final = await trx
          .selectFrom('outgoing_items')
          .select('status')
          .where('id', '=', row.outgoing_id)
          .executeTakeFirstOrThrow();
        if (final.status !== 'sent') {
          await repo.updateOutbound(trx, row.outgoing_id, {
            state: 'delivered',
            delivered_at: now,
            last_error: null,
          });
          return true;
        }
        await repo.updateOutbound(trx, row.outgoing_id, {
          next_attempt_at: new Date(now.getTime() + deps.settings.proofIntervalMs),
        });
        return false;
      });
      if (done) delivered += 1;
    } catch (error) {
      if (error instanceof ChannelUnavailableError || deps.signal?.aborted) throw error;
      await recordOutboundFailure(deps, row, error);
    }
  }
  return delivered;
}

/** The letter as it leaves: the current (signed) version of the document and its signature files. */
async function buildLetter(deps: GatewayDeps, outgoingId: string): Promise<OutboundLetter | null> {
  const item = await deps.db
    .selectFrom('outgoing_items as g')
    .leftJoin('documents as d', 'd.id', 'g.document_id')
    .leftJoin('cases as c', 'c.id', 'g.case_id')
    .select([
      'c.sign as case_sign',
      'g.id',
      'g.status',
      'g.rkw_sign',
      'g.addressee_name',
      'g.electronic_address',
      'g.document_id',
      'd.title',
      'd.current_version',
    ])
    .where('g.id', '=', outgoingId)
    .executeTakeFirstOrThrow();
  if (item.status !== 'registered') return null;
  if (!item.document_id || !item.electronic_address || item.current_version === null) {
    throw new AppError(
      'channel.letter_incomplete',
      422,
      'The outgoing item has no document or no electronic address.',
      'Przesyłka nie ma dokumentu albo adresu elektronicznego.',
    );
  }
  const version = await deps.db
    .selectFrom('document_versions as v')
    .innerJoin('files as f', 'f.id', 'v.file_id')
    .select(['f.sha256', 'f.original_name', 'f.content_type'])
    .where('v.document_id', '=', item.document_id)
    .where('v.version', '=', item.current_version)
    .executeTakeFirstOrThrow();
  const signatures = await deps.db
    .selectFrom('document_signatures as s')
    .innerJoin('files as f', 'f.id', 's.file_id')
    .select(['f.sha256', 'f.original_name', 'f.content_type'])
    .where('s.document_id', '=', item.document_id)
    .where('s.version', '=', item.current_version)
    .orderBy('s.signing_time')
    .execute();
  const files: Array<typeof version> = [];
  for (const file of [version, ...signatures]) {
    // A PAdES signature lives inside the PDF itself: the same file, sent once.
    if (files.some((f) => f.sha256 === file.sha256)) continue;
    files.push(file);
  }
  return {
    key: item.id,
    rkwNumber: item.rkw_sign,
    caseSign: item.case_sign,
    title: item.title ?? item.rkw_sign,
    addressee: { name: item.addressee_name, electronicAddress: item.electronic_address },
    files: await Promise.all(
      files.map(async (f) => ({
        name: f.original_name,
        contentType: f.content_type,
        content: new Uint8Array(await deps.files.get(f.sha256)),
      })),
    ),
  };
}

async function recordOutboundFailure(deps: GatewayDeps, row: repo.OutboundRow, error: unknown) {
  const permanent =
    (error instanceof AppError && error.status < 500) ||
    error instanceof ZodError ||
    (error instanceof ChannelRequestError && error.permanent);
  const attempts = row.attempts + 1;
  const reason = describeError(error);
  if (permanent || attempts >= deps.settings.maxAttempts) {
    await deadOutbound(deps, { ...row, attempts: attempts - 1 }, reason);
    return;
  }
  await repo.updateOutbound(deps.db, row.outgoing_id, {
    attempts,
    last_error: reason,
    next_attempt_at: new Date(deps.clock.now().getTime() + retryDelayMs(deps, attempts)),
  });
}

async function deadOutbound(deps: GatewayDeps, row: repo.OutboundRow, reason: string) {
  deps.logger.warn({ outgoingId: row.outgoing_id, reason }, 'channel letter moved to dead letters');
  await repo.updateOutbound(deps.db, row.outgoing_id, {
    state: 'dead',
    attempts: row.attempts + 1,
    last_error: reason,
    dead_reason: reason,
    dead_at: deps.clock.now(),
  });
}
