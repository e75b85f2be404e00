import type { Clock } from '../../src/platform/clock.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { seedDemoOffice, type DemoOffice } from '../../src/demo/demo-office.ts';
import { createUser } from '../../src/modules/org/org.usecases.ts';
import { createApprovalPath } from '../../src/modules/approvals/approvals.usecases.ts';
import type { Actor } from '../../src/platform/actor/actor.ts';
import type { CaseUnit } from './jrwa-mix.ts';
import { personName } from './polish-data.ts';
import { createRandom } from './random.ts';

/**
 * The office template of EZD RP's load test: 50 people in six roles. Obieg has no "dyrektor"
 * role; the nearest is the sekretarz (office-wide head of staff), which is what a director of a
 * town hall's staff does. Every person has the password `demo`, like the demo office.
 */
export type BenchRole =
  'kancelaria' | 'sekretariat' | 'kierownik' | 'pracownik' | 'dyrektor' | 'administrator';

export const BENCH_PASSWORD = 'demo';

export interface BenchUser {
  login: string;
  role: BenchRole;
  /** Unit symbol as seeded by the demo office (KA = kancelaria, OR = organisation). */
  unit: CaseUnit | 'KA';
}

/** Case handlers per unit: the biggest units (taxes, municipal services) have the most. */
const HANDLERS: Record<CaseUnit, number> = {
  FN: 7,
  GK: 5,
  AB: 4,
  GN: 4,
  USC: 3,
  SO: 3,
  OSR: 2,
  OR: 2,
};
const SECRETARIATS: CaseUnit[] = ['FN', 'GK', 'AB', 'GN'];
export const CASE_UNITS = Object.keys(HANDLERS) as CaseUnit[];

/** Login prefix of office `index` (1-based): `b1.`, `b2.`, ... */
export const officePrefix = (index: number) => `b${index}.`;
/** Office 1 is the demo office itself ("Urząd Miasta Demo"); the region adds `bench-2`, ... */
export const officeCode = (index: number) => (index === 1 ? 'demo' : `bench-${index}`);

/** The 50 people of office `index`, in a fixed order (the load driver relies on it). */
export function benchUsers(index: number): BenchUser[] {
  const p = officePrefix(index);
  const users: BenchUser[] = [];
  for (let i = 1; i <= 4; i++)
    users.push({ login: `${p}kancelaria${i}`, role: 'kancelaria', unit: 'KA' });
  for (const unit of SECRETARIATS)
    users.push({ login: `${p}sekretariat.${unit.toLowerCase()}`, role: 'sekretariat', unit });
  for (const unit of CASE_UNITS)
    users.push({ login: `${p}kierownik.${unit.toLowerCase()}`, role: 'kierownik', unit });
  for (const unit of CASE_UNITS) {
    for (let i = 1; i <= HANDLERS[unit]; i++)
      users.push({ login: `${p}pracownik${i}.${unit.toLowerCase()}`, role: 'pracownik', unit });
  }
  for (let i = 1; i <= 2; i++)
    users.push({ login: `${p}dyrektor${i}`, role: 'dyrektor', unit: 'OR' });
  for (let i = 1; i <= 2; i++)
    users.push({ login: `${p}administrator${i}`, role: 'administrator', unit: 'OR' });
  return users;
}

const ROLE_GRANTS: Record<
  BenchRole,
  {
    role: 'kancelaria' | 'sekretariat' | 'kierownik' | 'prowadzacy' | 'sekretarz' | 'administrator';
    scope: 'office' | 'unit' | 'desk';
  }
> = {
  kancelaria: { role: 'kancelaria', scope: 'office' },
  sekretariat: { role: 'sekretariat', scope: 'unit' },
  kierownik: { role: 'kierownik', scope: 'unit' },
  pracownik: { role: 'prowadzacy', scope: 'desk' },
  dyrektor: { role: 'sekretarz', scope: 'office' },
  administrator: { role: 'administrator', scope: 'office' },
};

const POSTS: Record<BenchRole, string> = {
  kancelaria: 'inspektor ds. kancelaryjnych',
  sekretariat: 'sekretarka wydziału',
  kierownik: 'naczelnik wydziału',
  pracownik: 'inspektor',
  dyrektor: 'Sekretarz Miasta',
  administrator: 'informatyk – administrator systemu',
};

export interface SeededOffice {
  index: number;
  officeId: string;
  units: DemoOffice['units'];
  /** login → user id */
  people: Map<string, string>;
  users: BenchUser[];
  actor(login: string): Promise<Actor>;
}

/**
 * One town hall: the demo office's units, people and JRWA, the 50 bench people and the approval
 * paths a real office configures (head of unit; decisions also by the director).
 */
export async function seedBenchOffice(
  deps: { db: Db; clock: Clock },
  index: number,
): Promise<SeededOffice> {
  const demo = await seedDemoOffice(deps, {
    code: officeCode(index),
    loginSuffix: index === 1 ? '' : `.o${index}`,
  });
  const admin = { ...deps, actor: await demo.actor('admin') };
  const random = createRandom(1000 + index);
  const people = new Map<string, string>();
  const users = benchUsers(index);
  const names = users.map(() => personName(random));
  // Four at a time: hashing the passwords (argon2id) runs on libuv's threads, in parallel.
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < users.length; i = next++) {
      const user = users[i]!;
      const created = await createUser(
        admin,
        {
          login: user.login,
          name: names[i]!,
          password: BENCH_PASSWORD,
          unitId: demo.units[user.unit],
          post: POSTS[user.role],
          roles: [ROLE_GRANTS[user.role]],
        },
        { allowWeakPasswords: true },
      );
      people.set(user.login, created.id);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const p = officePrefix(index);
  const director = people.get(`${p}dyrektor1`)!;
  for (const unit of CASE_UNITS) {
    const head = people.get(`${p}kierownik.${unit.toLowerCase()}`)!;
    await createApprovalPath(admin, {
      name: `Akceptacja naczelnika ${unit}`,
      unitId: demo.units[unit],
      steps: [{ kind: 'approve', approverIds: [head] }],
    });
    await createApprovalPath(admin, {
      name: `Decyzje ${unit}: naczelnik i sekretarz`,
      unitId: demo.units[unit],
      documentKind: 'decision',
      steps: [
        { kind: 'approve', approverIds: [head] },
        { kind: 'approve', approverIds: [director] },
      ],
    });
  }
  return {
    index,
    officeId: demo.officeId,
    units: demo.units,
    people,
    users,
    actor: (login) => demo.actor(people.get(login) ?? login),
  };
}
