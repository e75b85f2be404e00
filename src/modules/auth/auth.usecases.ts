import { createHash, randomBytes } from 'node:crypto';
import type { UseCaseDeps, ActorDeps } from '../../platform/record/transaction.ts';
import { runInTransaction } from '../../platform/record/transaction.ts';
import { localDate } from '../../platform/clock.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { loadSessionActor } from './session-actor.ts';
import { authErrors } from './auth.errors.ts';
import { accountScope, authPolicy } from './auth.policy.ts';
import { decoyHash, verifyPassword } from '../../platform/passwords.ts';
import { getUserOrThrow } from '../org/org.usecases.ts';

/**
 * Throttling of guessed passwords: five failures for one login from one address within 15 minutes
 * block that login *from that address* for the rest of the window, and 30 failures from one
 * address (any logins: password spraying) block the address. The login itself is never locked:
 * its owner signs in from their own desk while someone elsewhere guesses.
 */
const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const THROTTLE_MAX_FAILURES = 5;
const THROTTLE_MAX_FAILURES_PER_ADDRESS = 30;

export interface SessionSettings {
  sessionHours: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

export async function login(
  deps: UseCaseDeps & SessionSettings,
  input: { login: string; password: string },
  address = 'unknown',
): Promise<{ token: string; actor: Actor }> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failures = await deps.db
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.countAll<number>().as('fromAddress'),
      eb.fn.countAll<number>().filterWhere('login', '=', input.login).as('ofLogin'),
    ])
    .where('address', '=', address)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (
    Number(failures.ofLogin) >= THROTTLE_MAX_FAILURES ||
    Number(failures.fromAddress) >= THROTTLE_MAX_FAILURES_PER_ADDRESS
  )
    throw authErrors.throttled();

  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'office_id', 'password_hash', 'active', 'kind'])
    .where('login', '=', input.login)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(
    user?.password_hash ?? (await decoyHash()),
    input.password,
  );
  const succeeded = Boolean(
    user && user.active && user.kind === 'person' && user.password_hash && passwordOk,
  );
  await deps.db
    .insertInto('login_attempts')
    .values({ login: input.login, at: now, succeeded, address })
    .execute();
  if (!succeeded || !user) throw authErrors.invalidCredentials();

  const token = newToken('obs');
  await deps.db
    .insertInto('sessions')
    .values({
      office_id: user.office_id,
      user_id: user.id,
      token_hash: hashToken(token),
      kind: 'session',
      name: null,
      expires_at: new Date(now.getTime() + deps.sessionHours * 3600 * 1000),
    })
    .execute();
  // Through the session, so that this node already knows the actor at the first request.
  const actor = await loadSessionActor(deps.db, hashToken(token), now, localDate(now));
  if (!actor) throw authErrors.invalidCredentials();
  return { token, actor };
}

/** Resolves a bearer token (a person's session or a system's API token) to the acting user. */
export async function authenticate(deps: UseCaseDeps, token: string | undefined): Promise<Actor> {
  if (!token) throw authErrors.unauthenticated();
  const now = deps.clock.now();
  const actor = await loadSessionActor(deps.db, hashToken(token), now, localDate(now));
  if (!actor) throw authErrors.unauthenticated();
  return actor;
}

export async function logout(deps: UseCaseDeps, token: string): Promise<void> {
  await deps.db
    .updateTable('sessions')
    .set({ revoked_at: deps.clock.now() })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

/** API token for a domain system (system dziedzinowy); shown once, stored as a hash. */
export async function issueApiToken(deps: ActorDeps, input: { userId: string; name: string }) {
  return runInTransaction(deps, async (tx) => {
    const account = await getUserOrThrow(tx.trx, tx.actor.officeId, input.userId);
    // Signed in but not allowed: 403, so that a client does not take it for an expired session.
    if (!authPolicy.can(tx.actor, 'issueApiToken', accountScope(account))) {
      throw authErrors.forbidden();
    }
    if (account.kind !== 'system') throw authErrors.notSystemAccount();
    const token = newToken('oba');
    const row = await tx.trx
      .insertInto('sessions')
      .values({
        office_id: tx.actor.officeId,
        user_id: account.id,
        token_hash: hashToken(token),
        kind: 'api',
        name: input.name,
        expires_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.record({
      action: 'api_token.issued',
      description: `Wydano token API „${input.name}” dla ${account.login}`,
      subject: { type: 'user', id: account.id },
      payload: { tokenId: row.id },
    });
    return { token, id: row.id };
  });
}
