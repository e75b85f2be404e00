import { ChannelUnavailableError } from './channel-http.ts';
import * as repo from './channels.repository.ts';
import { retryDelayMs, type GatewayDeps } from './gateway-deps.ts';
import {
  describeError,
  downloadListed,
  listNextPage,
  registerFetched,
  type Call,
} from './inbound.usecases.ts';
import { collectProofs, enqueueOutgoing, sendQueued } from './outbound.usecases.ts';

export interface GatewayPassResult {
  mailboxes: number;
  listed: number;
  downloaded: number;
  registered: number;
  sent: number;
  delivered: number;
}

const EMPTY: GatewayPassResult = {
  mailboxes: 0,
  listed: 0,
  downloaded: 0,
  registered: 0,
  sent: 0,
  delivered: 0,
};

/**
 * One run of the national channels gateway: every mailbox with work now, each under its lease
 * and within its rate limit. Per mailbox: register what was fetched, download what was listed,
 * list the next page after the cursor, until the mailbox is caught up or the run's time is up;
 * then send queued letters and ask for proofs. A throttled or unavailable service backs the
 * mailbox off (exponential, with jitter, at least its Retry-After).
 */
export async function runGatewayPass(deps: GatewayDeps): Promise<GatewayPassResult> {
  const due = await repo.listDueMailboxes(deps.db, deps.clock.now());
  const results = await Promise.all(
    due.filter((m) => deps.clients[m.channel]).map((mailbox) => workMailbox(deps, mailbox)),
  );
  return results.reduce(
    (sum, r) => ({
      mailboxes: sum.mailboxes + r.mailboxes,
      listed: sum.listed + r.listed,
      downloaded: sum.downloaded + r.downloaded,
      registered: sum.registered + r.registered,
      sent: sum.sent + r.sent,
      delivered: sum.delivered + r.delivered,
    }),
    EMPTY,
  );
}

/** Consecutive throttled/unavailable answers a mailbox waits out within one run before it leaves. */
const IN_RUN_RETRIES = 3;

async function workMailbox(
  deps: GatewayDeps,
  mailbox: repo.MailboxRow,
): Promise<GatewayPassResult> {
  const client = deps.clients[mailbox.channel]!;
  const leaseUntil = () => new Date(deps.clock.now().getTime() + deps.settings.leaseMs);
  if (!(await repo.takeLease(deps.db, mailbox.id, deps.nodeId, deps.clock.now(), leaseUntil())))
    return EMPTY;
  const result = { ...EMPTY, mailboxes: 1 };
  // Failures count in a row: the first answered request after a back-off clears them.
  const call: Call = async (work) => {
    await deps.limiter.take(mailbox.id, mailbox.requests_per_second);
    const answer = await work(deps.signal);
    if (mailbox.failures > 0 || mailbox.last_error) {
      await repo.updateMailbox(deps.db, mailbox.id, {
        failures: 0,
        last_error: null,
        next_poll_at: deps.clock.now(),
      });
      mailbox.failures = 0;
      mailbox.last_error = null;
    }
    return answer;
  };
  // Leave the mailbox well before the lease runs out, so no other node takes it mid-step.
  const realStart = Date.now();
  const budgetMs = deps.settings.leaseMs / 2;
  let backedOff = false;
  try {
    for (let round = 0; !deps.signal?.aborted; round++) {
      if (round > 0 && Date.now() - realStart > budgetMs) break;
      if (!(await repo.takeLease(deps.db, mailbox.id, deps.nodeId, deps.clock.now(), leaseUntil())))
        break;
      try {
        result.registered += await registerFetched(deps, mailbox);
        const before = result.downloaded;
        await downloadListed(deps, mailbox, client, call, result);
        if (result.downloaded > before) continue;
        const { added, caughtUp } = await listNextPage(deps, mailbox, client, call);
        result.listed += added;
        if (caughtUp) {
          result.registered += await registerFetched(deps, mailbox);
          const rest = Math.round(
            deps.settings.pollIntervalMs * (0.9 + 0.2 * (deps.random ?? Math.random)()),
          );
          await repo.updateMailbox(deps.db, mailbox.id, {
            next_poll_at: new Date(deps.clock.now().getTime() + rest),
          });
          break;
        }
      } catch (error) {
        if (!(error instanceof ChannelUnavailableError) || deps.signal?.aborted) throw error;
        // A short wait is spent here, holding the mailbox; a long one (or a streak) ends the run.
        const delay = await backOff(deps, mailbox, error);
        if (mailbox.failures >= IN_RUN_RETRIES || Date.now() - realStart + delay > budgetMs) {
          backedOff = true;
          break;
        }
        await sleep(delay, deps.signal);
      }
    }
    if (!backedOff && !deps.signal?.aborted) {
      await enqueueOutgoing(deps, mailbox);
      result.sent += await sendQueued(deps, mailbox, client, call);
      result.delivered += await collectProofs(deps, mailbox, client, call);
    }
  } catch (error) {
    if (deps.signal?.aborted) return result;
    await backOff(deps, mailbox, error);
  } finally {
    await repo.releaseLease(deps.db, mailbox.id, deps.nodeId).catch(() => {});
  }
  return result;
}

/** Records one more failure in a row and when the mailbox may be asked again; returns the wait. */
async function backOff(deps: GatewayDeps, mailbox: repo.MailboxRow, error: unknown) {
  const failures = mailbox.failures + 1;
  const retryAfterMs = error instanceof ChannelUnavailableError ? error.retryAfterMs : null;
  const delay = retryDelayMs(deps, failures, retryAfterMs);
  // A throttled or unavailable service is expected weather (one line); anything else is a bug.
  if (error instanceof ChannelUnavailableError) {
    deps.logger.info(
      { mailbox: mailbox.address, failures, delayMs: delay, reason: error.message },
      'channel mailbox backs off',
    );
  } else {
    deps.logger.error(
      { err: error, mailbox: mailbox.address, failures, delayMs: delay },
      'channel mailbox backs off after an error',
    );
  }
  mailbox.failures = failures;
  mailbox.last_error = describeError(error);
  await repo.updateMailbox(deps.db, mailbox.id, {
    failures,
    last_error: mailbox.last_error,
    next_poll_at: new Date(deps.clock.now().getTime() + delay),
  });
  return delay;
}

export function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Nothing left to do now: every active mailbox of a configured channel caught up and healthy,
 * no message half-way (listed or fetched), no letter waiting to be sent. Letters waiting for the
 * addressee to collect them do not count. Used by `obieg channel poll --until-idle`.
 */
export async function isGatewayIdle(deps: Pick<GatewayDeps, 'db' | 'clients'>): Promise<boolean> {
  const channels = Object.keys(deps.clients) as Array<repo.MailboxRow['channel']>;
  if (channels.length === 0) return true;
  const busyMailbox = await deps.db
    .selectFrom('channel_mailboxes')
    .select('id')
    .where('active', '=', true)
    .where('channel', 'in', channels)
    .where((eb) => eb.or([eb('caught_up_at', 'is', null), eb('failures', '>', 0)]))
    .executeTakeFirst();
  if (busyMailbox) return false;
  const pending = await deps.db
    .selectFrom('channel_messages as m')
    .innerJoin('channel_mailboxes as b', 'b.id', 'm.mailbox_id')
    .select('m.id')
    .where('b.active', '=', true)
    .where('b.channel', 'in', channels)
    .where('m.state', 'in', ['listed', 'fetched'])
    .executeTakeFirst();
  if (pending) return false;
  const queued = await deps.db
    .selectFrom('channel_outbound')
    .select('outgoing_id')
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return !queued;
}
