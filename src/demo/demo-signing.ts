import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import {
  addSigningCredential,
  addTrustAnchor,
} from '../modules/signatures/signing-credentials.usecases.ts';
import { signatureCrypto } from '../modules/signatures/crypto.ts';
import type { IssueOptions } from '../modules/signatures/throwaway-ca.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoOffice } from './demo-office.ts';

/**
 * Lets every demo person sign: a demonstration CA (trusted by the demo office only), a personal
 * certificate for each person and the office seal, all as PKCS#12 unlocked with the demo
 * password. Real offices register their qualified certificates and seal instead.
 *
 * Seeds only what is missing: `serve --demo` runs it in the background after the server answers
 * (the keys take seconds to generate), and a start interrupted meanwhile finishes it next time.
 */
export async function seedDemoSigning(
  deps: { db: Db; clock: Clock },
  demo: Pick<DemoOffice, 'officeId' | 'people' | 'actor'>,
) {
  const existing = await deps.db
    .selectFrom('signing_credentials')
    .select(['kind', 'user_id'])
    .where('office_id', '=', demo.officeId)
    .execute();
  const hasSeal = existing.some((row) => row.kind === 'office_seal');
  const signers = new Set(existing.map((row) => row.user_id));
  const people = DEMO_PEOPLE.filter((person) => {
    const userId = demo.people[person.login];
    return userId !== undefined && !signers.has(userId);
  });
  if (hasSeal && people.length === 0) return;

  const { createTestCa } = await signatureCrypto();
  const ca = createTestCa({ commonName: 'Obieg – CA demonstracyjne (nie do użytku)' });
  const admin = { ...deps, actor: await demo.actor('admin') };
  await addTrustAnchor(admin, new Uint8Array(ca.certificate.raw));
  const requests: IssueOptions[] = people.map((person) => ({
    commonName: person.name,
    kind: 'personal',
    password: DEMO_PASSWORD,
  }));
  if (!hasSeal) {
    requests.push({
      commonName: 'Urząd Miasta Demo',
      kind: 'office_seal',
      password: DEMO_PASSWORD,
    });
  }
  const issued = await ca.issueAll(requests);
  for (const [i, person] of people.entries()) {
    await addSigningCredential(
      { ...deps, actor: await demo.actor(person.login) },
      { kind: 'personal', password: DEMO_PASSWORD },
      issued[i]!.p12,
    );
  }
  if (!hasSeal) {
    await addSigningCredential(
      admin,
      { kind: 'office_seal', password: DEMO_PASSWORD, label: 'Pieczęć urzędu (demo)' },
      issued.at(-1)!.p12,
    );
  }
}
