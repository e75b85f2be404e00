import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { runInTransaction } from '../../platform/record/transaction.ts';
import type { CitizenIdentity } from './identity/identity-provider.ts';
import { getPortalActor, type PortalOffice, type PortalSettings } from './portal-account.ts';

export interface CitizenSession {
  citizenId: string;
  officeId: string;
  name: string;
  pesel: string;
  csrfToken: string;
  expiresAt: Date;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A citizen confirmed by the identity provider gets a portal session: the account is found or
 * created by PESEL (the name is refreshed from the node each time) and the sign-in is recorded.
 * The session token is returned once (for the cookie) and stored only as a hash.
 */
export async function signInCitizen(
  deps: { db: Db; clock: Clock; portal: Pick<PortalSettings, 'sessionMinutes'> },
  office: PortalOffice,
  identity: CitizenIdentity,
): Promise<{ token: string; session: CitizenSession }> {
  const actor = await getPortalActor(deps, office);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  return runInTransaction({ ...deps, actor }, async (tx) => {
    const citizen = await tx.trx
      .insertInto('portal_citizens')
      .values({
        office_id: office.id,
        pesel: identity.pesel,
        name: identity.name,
        created_at: tx.now,
        last_login_at: tx.now,
      })
      .onConflict((oc) =>
        oc
          .columns(['office_id', 'pesel'])
          .doUpdateSet({ name: identity.name, last_login_at: tx.now }),
      )
      .returning(['id', 'name', 'pesel'])
      .executeTakeFirstOrThrow();
    const expiresAt = new Date(tx.now.getTime() + deps.portal.sessionMinutes * 60_000);
    await tx.trx.deleteFrom('portal_sessions').where('expires_at', '<', tx.now).execute();
    await tx.trx
      .insertInto('portal_sessions')
      .values({
        token_hash: hashToken(token),
        office_id: office.id,
        citizen_id: citizen.id,
        csrf_token: csrfToken,
        created_at: tx.now,
        expires_at: expiresAt,
      })
      .execute();
    await tx.record({
      action: 'portal.signed_in',
      description: `Logowanie do portalu mieszkańca: ${citizen.name}`,
      subject: { type: 'portal_citizen', id: citizen.id },
    });
    return {
      token,
      session: {
        citizenId: citizen.id,
        officeId: office.id,
        name: citizen.name,
        pesel: citizen.pesel,
        csrfToken,
        expiresAt,
      },
    };
  });
}

/**
 * The session behind a cookie, or null. Each use slides the expiry forward (an idle session
 * ends after `sessionMinutes`, as on public e-services).
 */
export async function findCitizenSession(
  deps: { db: Db; clock: Clock; portal: Pick<PortalSettings, 'sessionMinutes'> },
  officeId: string,
  token: string | undefined,
): Promise<CitizenSession | null> {
  if (!token) return null;
  const now = deps.clock.now();
  const row = await deps.db
    .selectFrom('portal_sessions')
    .innerJoin('portal_citizens', 'portal_citizens.id', 'portal_sessions.citizen_id')
    .select([
      'portal_sessions.token_hash',
      'portal_sessions.citizen_id',
      'portal_sessions.csrf_token',
      'portal_sessions.expires_at',
      'portal_citizens.name',
      'portal_citizens.pesel',
    ])
    .where('portal_sessions.token_hash', '=', hashToken(token))
    .where('portal_sessions.office_id', '=', officeId)
    .executeTakeFirst();
  if (!row || row.expires_at <= now) return null;
  const expiresAt = new Date(now.getTime() + deps.portal.sessionMinutes * 60_000);
  await deps.db
    .updateTable('portal_sessions')
    .set({ expires_at: expiresAt })
    .where('token_hash', '=', row.token_hash)
    .execute();
  return {
    citizenId: row.citizen_id,
    officeId,
    name: row.name,
    pesel: row.pesel,
    csrfToken: row.csrf_token,
    expiresAt,
  };
}

export async function signOutCitizen(deps: { db: Db }, token: string | undefined) {
  if (!token) return;
  await deps.db.deleteFrom('portal_sessions').where('token_hash', '=', hashToken(token)).execute();
}

export function csrfMatches(session: CitizenSession, given: string | undefined): boolean {
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(given ?? '');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
