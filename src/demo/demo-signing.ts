import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import {
  addSigningCredential,
  addTrustAnchor,
} from '../modules/signatures/signing-credentials.usecases.ts';
import { createTestCa } from '../modules/signatures/throwaway-ca.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoOffice } from './demo-office.ts';

/**
 * Lets every demo person sign: a demonstration CA (trusted by the demo office only), a personal
 * certificate for each person and the office seal, all as PKCS#12 unlocked with the demo
 * password. Real offices register their qualified certificates and seal instead.
 */
export async function seedDemoSigning(deps: { db: Db; clock: Clock }, demo: DemoOffice) {
  const ca = createTestCa({ commonName: 'Obieg – CA demonstracyjne (nie do użytku)' });
  const admin = { ...deps, actor: await demo.actor('admin') };
  await addTrustAnchor(admin, new Uint8Array(ca.certificate.raw));
  const [seal, ...identities] = await ca.issueAll([
    { commonName: 'Urząd Miasta Demo', kind: 'office_seal', password: DEMO_PASSWORD },
    ...DEMO_PEOPLE.map((person) => ({
      commonName: person.name,
      kind: 'personal' as const,
      password: DEMO_PASSWORD,
    })),
  ]);
  await addSigningCredential(
    admin,
    { kind: 'office_seal', password: DEMO_PASSWORD, label: 'Pieczęć urzędu (demo)' },
    seal!.p12,
  );
  for (const [i, person] of DEMO_PEOPLE.entries()) {
    await addSigningCredential(
      { ...deps, actor: await demo.actor(person.login) },
      { kind: 'personal', password: DEMO_PASSWORD },
      identities[i]!.p12,
    );
  }
}
