import type { ActorDeps } from '../../platform/record/transaction.ts';
import { createUser } from '../org/org.usecases.ts';

export const gatewayLogin = (officeCode: string) =>
  `bramka.${officeCode.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 64);

/**
 * The office's system account for the national channels: it registers what arrives (role
 * `system`) and sends and files proofs for what leaves (role `kancelaria`), and the registers and
 * case records name it. Created by an administrator the first time a mailbox is configured.
 */
export async function ensureGatewayUser(admin: ActorDeps): Promise<string> {
  const office = await admin.db
    .selectFrom('offices')
    .select('code')
    .where('id', '=', admin.actor.officeId)
    .executeTakeFirstOrThrow();
  const login = gatewayLogin(office.code);
  const existing = await admin.db
    .selectFrom('users')
    .select('id')
    .where('office_id', '=', admin.actor.officeId)
    .where('login', '=', login)
    .executeTakeFirst();
  if (existing) return existing.id;
  const root = await admin.db
    .selectFrom('units')
    .select('id')
    .where('office_id', '=', admin.actor.officeId)
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const user = await createUser(admin, {
    login,
    name: 'Bramka kanałów krajowych (ePUAP, e-Doręczenia)',
    kind: 'system',
    unitId: root.id,
    roles: [
      { role: 'system', scope: 'office' },
      { role: 'kancelaria', scope: 'office' },
    ],
  });
  return user.id;
}
