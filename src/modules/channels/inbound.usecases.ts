import { ZodError } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { loadActor } from '../org/actor-loader.ts';
import { loadTrustAnchors } from '../signatures/signing-credentials.usecases.ts';
import type { ChannelClient, ChannelName } from './channel-client.ts';
import { ChannelRequestError, ChannelUnavailableError } from './channel-http.ts';
import { readEdoreczeniaMessage } from './edoreczenia/edoreczenia.message.ts';
import { readEpuapMessage } from './epuap/epuap.message.ts';
import { retryDelayMs, type GatewayDeps } from './gateway-deps.ts';
import type { InboundLetter } from './inbound-letter.ts';
import { registerLetter } from './letter-registration.ts';
import * as repo from './channels.repository.ts';

/** Readers need no network: a fetched message is registered even while its service is down. */
const READERS: Record<ChannelName, (envelope: Uint8Array) => InboundLetter> = {
  epuap: readEpuapMessage,
  edoreczenia: readEdoreczeniaMessage,
};

export type Call = <T>(work: (signal: AbortSignal | undefined) => Promise<T>) => Promise<T>;

/**
 * Lists the next page after the mailbox's cursor and remembers every message not seen before.
 * The new cursor is saved with them, so a crash re-lists at most one page, and re-listed or
 * duplicated ids are ignored by the (mailbox, id) key. Returns how many were new and whether the
 * service had nothing more.
 */
export async function listNextPage(
  deps: GatewayDeps,
  mailbox: repo.MailboxRow,
  client: ChannelClient,
  call: Call,
): Promise<{ added: number; caughtUp: boolean }> {
  const page = await call((signal) =>
    client.listMessages(mailbox.address, mailbox.cursor, deps.settings.pageSize, signal),
  );
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const added = await repo.insertListed(trx, mailbox, page.externalIds, now);
    const caughtUp =
      page.externalIds.length === 0 || (added === 0 && page.nextCursor === mailbox.cursor);
    await repo.updateMailbox(trx, mailbox.id, {
      cursor: page.nextCursor ?? mailbox.cursor,
      last_poll_at: now,
      caught_up_at: caughtUp ? now : null,
    });
    mailbox.cursor = page.nextCursor ?? mailbox.cursor;
    return { added, caughtUp };
  });
}

/**
 * Downloads listed messages, one at a time, each kept in the file store and marked `fetched`
 * before the next: a message downloaded is never downloaded again. Registration is a separate
 * step, so a crash in between leaves `fetched` messages that the next run registers.
 */
export async function downloadListed(
  deps: GatewayDeps,
  mailbox: repo.MailboxRow,
  client: ChannelClient,
  call: Call,
  progress: { downloaded: number } = { downloaded: 0 },
): Promise<number> {
  const rows = await repo.listMessagesInState(
    deps.db,
    mailbox.id,
    'listed',
    deps.clock.now(),
    deps.settings.pageSize,
  );
  let downloaded = 0;
  for (const row of rows) {
    if (deps.signal?.aborted) break;
    let envelope: Uint8Array;
    try {
      envelope = await call((signal) =>
        client.downloadMessage(mailbox.address, row.external_id, signal),
      );
      const blob = await deps.files.put(envelope);
      await repo.updateMessage(
        deps.db,
        row.id,
        {
          state: 'fetched',
          envelope_sha256: blob.sha256,
          fetched_at: deps.clock.now(),
          attempts: 0,
          next_attempt_at: null,
          last_error: null,
        },
        'listed',
      );
    } catch (error) {
      if (error instanceof ChannelUnavailableError || deps.signal?.aborted) throw error;
      await recordMessageFailure(deps, row, error);
      continue;
    }
    downloaded += 1;
    progress.downloaded += 1;
    try {
      await call((signal) => client.confirmReceipt(mailbox.address, row.external_id, signal));
    } catch (error) {
      // The message is safe with us; the service offering it again is harmless (it is a duplicate).
      if (error instanceof ChannelUnavailableError) throw error;
      deps.logger.warn(
        { err: error, externalId: row.external_id },
        'channel receipt confirmation failed',
      );
    }
  }
  return downloaded;
}

/** Registers every fetched message of a mailbox that is due. */
export async function registerFetched(
  deps: GatewayDeps,
  mailbox: repo.MailboxRow,
): Promise<number> {
  const rows = await repo.listMessagesInState(
    deps.db,
    mailbox.id,
    'fetched',
    deps.clock.now(),
    deps.settings.pageSize,
  );
  if (rows.length === 0) return 0;
  let registered = 0;
  const actor = await gatewayActor(deps, mailbox.gateway_user_id);
  const trustAnchors = await loadTrustAnchors(deps.db, mailbox.office_id);
  const where = `${mailbox.channel === 'epuap' ? 'skrytka ePUAP' : 'skrzynka do doręczeń'} ${mailbox.address}`;
  for (const row of rows) {
    if (deps.signal?.aborted) break;
    try {
      const envelope = await deps.files.get(row.envelope_sha256!);
      const letter = READERS[row.channel](envelope);
      const result = await registerLetter({ ...deps, actor, trustAnchors }, letter, {
        claim: async (trx) => (await repo.lockMessage(trx, row.id))?.state === 'fetched',
        complete: async (trx, done) => {
          await repo.updateMessage(trx, row.id, {
            state: 'registered',
            incoming_id: done.incomingId,
            registered_at: done.now,
            received_at: letter.receivedAt,
            document_sha256: done.documentSha256,
            signature_reports: JSON.stringify(done.signatures),
            last_error: null,
          });
        },
        provenance: `${where}, wiadomość ${row.external_id}`,
      });
      if (result) registered += 1;
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      await recordMessageFailure(deps, row, error);
    }
  }
  return registered;
}

/**
 * A failed download or registration: a refusal that will not change (malformed message,
 * a 4xx, a rejected file) goes to the dead letters at once with its reason; anything else is
 * retried with back-off until `maxAttempts`.
 */
async function recordMessageFailure(deps: GatewayDeps, row: repo.MessageRow, error: unknown) {
  const permanent =
    (error instanceof AppError && error.status < 500) ||
    error instanceof ZodError ||
    (error instanceof ChannelRequestError && error.permanent);
  const attempts = row.attempts + 1;
  const reason = describeError(error);
  const now = deps.clock.now();
  if (permanent || attempts >= deps.settings.maxAttempts) {
    deps.logger.warn(
      { externalId: row.external_id, reason },
      'channel message moved to dead letters',
    );
    await repo.updateMessage(deps.db, row.id, {
      state: 'dead',
      attempts,
      last_error: reason,
      dead_reason: reason,
      dead_at: now,
    });
    return;
  }
  await repo.updateMessage(deps.db, row.id, {
    attempts,
    last_error: reason,
    next_attempt_at: new Date(now.getTime() + retryDelayMs(deps, attempts)),
  });
}

export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const details = error.details ? ` ${JSON.stringify(error.details)}` : '';
    return `${error.code}: ${error.messagePl}${details}`.slice(0, 1000);
  }
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

const actorCache = new WeakMap<GatewayDeps, Map<string, Actor>>();

/** The gateway's system account as an actor (loaded once per gateway run and day). */
export async function gatewayActor(deps: GatewayDeps, userId: string): Promise<Actor> {
  const today = localDate(deps.clock.now());
  const cache = actorCache.get(deps) ?? new Map<string, Actor>();
  actorCache.set(deps, cache);
  const key = `${userId}:${today}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const actor = await loadActor(deps.db, userId, today);
  if (!actor) throw new Error(`gateway account ${userId} is missing or inactive`);
  cache.set(key, actor);
  return actor;
}
