import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { runInTransaction } from '../../platform/record/transaction.ts';
import { signatureCrypto } from '../signatures/crypto.ts';
import type { SigningIdentity } from '../signatures/pkcs12.ts';
import { findUsableCredential, insertTrustAnchor } from '../signatures/signatures.repository.ts';

export interface ReceiptSeal {
  identity: SigningIdentity;
  /** `office_seal`: the office's own seal; `portal_seal`: generated for a demo installation. */
  kind: 'office_seal' | 'portal_seal';
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * The seal acknowledgements are sealed with: the office's electronic seal when it is registered
 * and OBIEG_SEAL_PASSWORD unlocks it; otherwise a portal seal generated once for the office by a
 * throw-away CA that the office is made to trust (demo installations). A citizen's submission is
 * never refused for want of a seal.
 */
export async function loadReceiptSeal(
  deps: {
    db: Db;
    clock: Clock;
    sealPassword?: string | undefined;
    logger?: Pick<Logger, 'warn'> | undefined;
  },
  actor: Actor,
): Promise<ReceiptSeal> {
  const { loadSigningIdentity } = await signatureCrypto();
  const now = deps.clock.now();
  if (deps.sealPassword) {
    const credential = await findUsableCredential(deps.db, {
      officeId: actor.officeId,
      kind: 'office_seal',
      userId: actor.userId,
      at: now,
    });
    if (credential) {
      try {
        return {
          identity: await loadSigningIdentity(credential.pkcs12, deps.sealPassword),
          kind: 'office_seal',
        };
      } catch (error) {
        deps.logger?.warn({ err: error }, 'office seal could not be opened; using the portal seal');
      }
    }
  }
  const stored = await findPortalSeal(deps.db, actor.officeId);
  if (stored)
    return {
      identity: await loadSigningIdentity(stored.pkcs12, stored.password),
      kind: 'portal_seal',
    };
  await generatePortalSeal({ db: deps.db, clock: deps.clock, actor });
  const created = await findPortalSeal(deps.db, actor.officeId);
  if (!created) throw new Error('portal seal was not stored');
  return {
    identity: await loadSigningIdentity(created.pkcs12, created.password),
    kind: 'portal_seal',
  };
}

const findPortalSeal = (db: Db, officeId: string) =>
  db.selectFrom('portal_seals').selectAll().where('office_id', '=', officeId).executeTakeFirst();

async function generatePortalSeal(deps: { db: Db; clock: Clock; actor: Actor }) {
  const { createTestCa, describeCertificate } = await signatureCrypto();
  const now = deps.clock.now();
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const ca = createTestCa({
    commonName: `Obieg – CA pieczęci portalu (demonstracyjne) ${randomBytes(3).toString('hex')}`,
    notBefore,
    notAfter: new Date(now.getTime() + 10 * YEAR_MS),
  });
  const password = randomBytes(18).toString('base64url');
  const seal = ca.issue({
    commonName: `${deps.actor.officeName} – portal mieszkańca`,
    kind: 'office_seal',
    password,
    notBefore,
    notAfter: new Date(now.getTime() + 5 * YEAR_MS),
  });
  const summary = describeCertificate(ca.certificate);
  await runInTransaction(deps, async (tx) => {
    const inserted = await tx.trx
      .insertInto('portal_seals')
      .values({
        office_id: tx.actor.officeId,
        pkcs12: seal.p12,
        password,
        certificate_sha256: createHash('sha256').update(seal.certificate.raw).digest('hex'),
        created_at: tx.now,
      })
      .onConflict((oc) => oc.column('office_id').doNothing())
      .returning('office_id')
      .executeTakeFirst();
    if (!inserted) return;
    await insertTrustAnchor(tx.trx, {
      office_id: tx.actor.officeId,
      certificate: new Uint8Array(ca.certificate.raw),
      subject: summary.subject,
      issuer: summary.issuer,
      serial_number: summary.serialNumber,
      not_before: summary.notBefore,
      not_after: summary.notAfter,
      sha256: summary.sha256,
      created_by: tx.actor.userId,
      created_at: tx.now,
    });
    await tx.record({
      action: 'portal.seal_generated',
      description: `Wygenerowano demonstracyjną pieczęć portalu mieszkańca (urząd nie ma skonfigurowanej pieczęci elektronicznej): ${summary.subject}`,
      subject: { type: 'portal_seal', id: tx.actor.officeId },
      payload: { caSha256: summary.sha256 },
    });
  });
}
