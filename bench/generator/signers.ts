import type { Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db/database.ts';
import {
  addSigningCredential,
  addTrustAnchor,
} from '../../src/modules/signatures/signing-credentials.usecases.ts';
import { createTestCa } from '../../src/modules/signatures/throwaway-ca.ts';
import { BENCH_PASSWORD, type BenchUser, type SeededOffice } from './bench-office.ts';

/** The handlers who get a certificate: the first `perUnit` of each unit, in the office's order. */
export function signerLogins(users: BenchUser[], perUnit: number): string[] {
  const count = new Map<string, number>();
  const logins: string[] = [];
  for (const user of users.filter((u) => u.role === 'pracownik')) {
    const n = count.get(user.unit) ?? 0;
    count.set(user.unit, n + 1);
    if (n < perUnit) logins.push(user.login);
  }
  return logins;
}

/**
 * Gives the office's case handlers a personal certificate (PKCS#12, password `demo`) from a
 * throw-away CA the office trusts, so the load profile can sign. `perUnit` limits how many handlers
 * per unit get one (issuing is the slow part of setting up an office).
 */
export async function enrolSigners(
  deps: { db: Db; clock: Clock },
  office: SeededOffice,
  perUnit: number,
): Promise<string[]> {
  const ca = createTestCa({ commonName: `Obieg bench CA ${office.index} (nie do użytku)` });
  await addTrustAnchor(
    {
      ...deps,
      actor: await office.actor(office.users.find((u) => u.role === 'administrator')!.login),
    },
    new Uint8Array(ca.certificate.raw),
  );
  const enrolled = signerLogins(office.users, perUnit);
  for (const login of enrolled) {
    const identity = ca.issue({ commonName: login, kind: 'personal', password: BENCH_PASSWORD });
    await addSigningCredential(
      { ...deps, actor: await office.actor(login) },
      { kind: 'personal', password: BENCH_PASSWORD },
      identity.p12,
    );
  }
  return enrolled;
}
