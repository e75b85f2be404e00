import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../platform/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { RoleName, Scope } from '../platform/db/schema.ts';
import type { Actor } from '../platform/actor/actor.ts';
import { loadActor } from '../modules/org/actor-loader.ts';
import { createOffice, createUnit, createUser } from '../modules/org/org.usecases.ts';
import { importJrwa } from '../modules/jrwa/jrwa.usecases.ts';
import { localDate } from '../platform/clock.ts';

export const DEMO_PASSWORD = 'demo';

/** Units of the demo town hall: real-looking symbols as used in Polish municipal offices. */
const DEMO_UNITS = [
  { symbol: 'OR', name: 'Wydział Organizacyjny' },
  { symbol: 'KA', name: 'Kancelaria Ogólna (Biuro Obsługi Mieszkańców)' },
  { symbol: 'FN', name: 'Wydział Finansowy' },
  { symbol: 'GK', name: 'Wydział Gospodarki Komunalnej' },
  { symbol: 'USC', name: 'Urząd Stanu Cywilnego' },
  { symbol: 'OSR', name: 'Wydział Ochrony Środowiska i Rolnictwa' },
  { symbol: 'ZK', name: 'Biuro Zarządzania Kryzysowego' },
  { symbol: 'AB', name: 'Wydział Architektury i Budownictwa' },
  { symbol: 'GN', name: 'Wydział Geodezji i Gospodarki Nieruchomościami' },
  { symbol: 'SO', name: 'Wydział Spraw Obywatelskich' },
] as const;

const SUBORDINATE_UNITS = [
  { symbol: 'SP1', name: 'Szkoła Podstawowa nr 1', parent: 'OR' },
  { symbol: 'MOPS', name: 'Miejski Ośrodek Pomocy Społecznej', parent: 'OR' },
] as const;

type DemoUnit =
  (typeof DEMO_UNITS)[number]['symbol'] | (typeof SUBORDINATE_UNITS)[number]['symbol'];

interface DemoPerson {
  login: string;
  name: string;
  unit: DemoUnit;
  post: string;
  roles: Array<{ role: RoleName; scope: Scope }>;
}

/** Demo people: logins listed in the README, password `demo` for all. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    login: 'kancelaria',
    name: 'Anna Nowak',
    unit: 'KA',
    post: 'inspektor ds. kancelaryjnych',
    roles: [{ role: 'kancelaria', scope: 'office' }],
  },
  {
    login: 'kancelaria2',
    name: 'Beata Wójcik',
    unit: 'KA',
    post: 'podinspektor ds. kancelaryjnych',
    roles: [{ role: 'kancelaria', scope: 'office' }],
  },
  {
    login: 'sekretarz',
    name: 'Tomasz Lewandowski',
    unit: 'OR',
    post: 'Sekretarz Miasta',
    roles: [{ role: 'sekretarz', scope: 'office' }],
  },
  {
    login: 'kierownik.or',
    name: 'Małgorzata Kamińska',
    unit: 'OR',
    post: 'Naczelnik Wydziału Organizacyjnego',
    roles: [{ role: 'kierownik', scope: 'subordinate' }],
  },
  {
    login: 'referent.or',
    name: 'Piotr Zieliński',
    unit: 'OR',
    post: 'inspektor',
    roles: [{ role: 'prowadzacy', scope: 'desk' }],
  },
  {
    login: 'sekretariat.or',
    name: 'Ewa Szymańska',
    unit: 'OR',
    post: 'sekretarka',
    roles: [{ role: 'sekretariat', scope: 'unit' }],
  },
  {
    login: 'kierownik.fn',
    name: 'Krzysztof Woźniak',
    unit: 'FN',
    post: 'Skarbnik – Naczelnik Wydziału Finansowego',
    roles: [{ role: 'kierownik', scope: 'unit' }],
  },
  {
    login: 'referent.fn',
    name: 'Joanna Dąbrowska',
    unit: 'FN',
    post: 'inspektor ds. wymiaru podatków',
    roles: [{ role: 'prowadzacy', scope: 'desk' }],
  },
  {
    login: 'referent2.fn',
    name: 'Marek Kozłowski',
    unit: 'FN',
    post: 'podinspektor ds. księgowości podatkowej',
    roles: [{ role: 'prowadzacy', scope: 'desk' }],
  },
  {
    login: 'kierownik.gk',
    name: 'Agnieszka Jankowska',
    unit: 'GK',
    post: 'Naczelnik Wydziału Gospodarki Komunalnej',
    roles: [{ role: 'kierownik', scope: 'unit' }],
  },
  {
    login: 'referent.gk',
    name: 'Paweł Mazur',
    unit: 'GK',
    post: 'inspektor ds. dróg',
    roles: [{ role: 'prowadzacy', scope: 'desk' }],
  },
  {
    login: 'kierownik.usc',
    name: 'Katarzyna Krawczyk',
    unit: 'USC',
    post: 'Kierownik Urzędu Stanu Cywilnego',
    roles: [{ role: 'kierownik', scope: 'unit' }],
  },
  {
    login: 'referent.usc',
    name: 'Michał Piotrowski',
    unit: 'USC',
    post: 'zastępca kierownika USC',
    roles: [{ role: 'prowadzacy', scope: 'desk' }],
  },
  {
    login: 'kierownik.osr',
    name: 'Barbara Grabowska',
    unit: 'OSR',
    post: 'Naczelnik Wydziału Ochrony Środowiska',
    roles: [{ role: 'kierownik', scope: 'unit' }],
  },
  {
    login: 'referent.osr',
    name: 'Grzegorz Pawłowski',
    unit: 'OSR',
    post: 'inspektor ds. ochrony przyrody',
    roles: [{ role: 'prowadzacy', scope: 'desk' }],
  },
  {
    login: 'kierownik.ab',
    name: 'Andrzej Michalski',
    unit: 'AB',
    post: 'Architekt Miasta',
    roles: [{ role: 'kierownik', scope: 'unit' }],
  },
  {
    login: 'referent.ab',
    name: 'Magdalena Nowicka',
    unit: 'AB',
    post: 'inspektor ds. warunków zabudowy',
    roles: [{ role: 'prowadzacy', scope: 'desk' }],
  },
  {
    login: 'kierownik.gn',
    name: 'Jacek Adamczyk',
    unit: 'GN',
    post: 'Naczelnik Wydziału Geodezji',
    roles: [{ role: 'kierownik', scope: 'unit' }],
  },
  {
    login: 'archiwista',
    name: 'Elżbieta Dudek',
    unit: 'OR',
    post: 'archiwista zakładowy',
    roles: [{ role: 'archiwista', scope: 'office' }],
  },
  {
    login: 'dyrektor.sp1',
    name: 'Renata Zając',
    unit: 'SP1',
    post: 'Dyrektor Szkoły Podstawowej nr 1',
    roles: [
      { role: 'kierownik', scope: 'unit' },
      { role: 'kancelaria', scope: 'unit' },
    ],
  },
];

export interface DemoOffice {
  officeId: string;
  units: Record<DemoUnit | 'UM', string>;
  people: Record<string, string>;
  actor(login: string): Promise<Actor>;
}

const demoJrwaPath = fileURLToPath(new URL('./data/jrwa-gmina-swinoujscie.tsv', import.meta.url));

/**
 * "Urząd Miasta Demo": units, people in every role and the Świnoujście JRWA. Shared by `npm start`
 * (first run) and the tests, so tests exercise the data users see.
 */
export async function seedDemoOffice(
  deps: { db: Db; clock: Clock },
  options: { code?: string; loginSuffix?: string } = {},
): Promise<DemoOffice> {
  const suffix = options.loginSuffix ?? '';
  const office = await createOffice(deps, {
    code: options.code ?? 'demo',
    name: 'Urząd Miasta Demo',
    rootUnit: { symbol: 'UM', name: 'Urząd Miasta Demo' },
    admin: { login: `admin${suffix}`, name: 'Administrator Systemu', password: DEMO_PASSWORD },
    allowWeakPasswords: true,
  });
  const actorOf = async (userId: string) => {
    const actor = await loadActor(deps.db, userId, localDate(deps.clock.now()));
    if (!actor) throw new Error(`demo user ${userId} missing`);
    return actor;
  };
  const admin = { ...deps, actor: await actorOf(office.adminId) };
  const units = { UM: office.rootUnitId } as DemoOffice['units'];
  for (const unit of DEMO_UNITS) {
    units[unit.symbol] = (await createUnit(admin, { ...unit, parentId: office.rootUnitId })).id;
  }
  for (const unit of SUBORDINATE_UNITS) {
    units[unit.symbol] = (
      await createUnit(admin, {
        symbol: unit.symbol,
        name: unit.name,
        parentId: units[unit.parent],
        isSubordinateEntity: true,
      })
    ).id;
  }
  const people: Record<string, string> = { admin: office.adminId };
  for (const person of DEMO_PEOPLE) {
    const user = await createUser(
      admin,
      {
        login: `${person.login}${suffix}`,
        name: person.name,
        password: DEMO_PASSWORD,
        unitId: units[person.unit],
        post: person.post,
        roles: person.roles,
      },
      { allowWeakPasswords: true },
    );
    people[person.login] = user.id;
  }
  await importJrwa(admin, {
    name: 'Jednolity rzeczowy wykaz akt Urzędu Miasta (wzór: Świnoujście)',
    adoptedOn: '2020-01-01',
    text: await fs.readFile(demoJrwaPath, 'utf8'),
  });
  return {
    officeId: office.id,
    units,
    people,
    actor: (login) => actorOf(people[login] ?? login),
  };
}

/** The demo office seeded earlier by `seedDemoOffice` (its people by login), if this database has it. */
export async function findDemoOffice(
  deps: { db: Db; clock: Clock },
  code = 'demo',
): Promise<Pick<DemoOffice, 'officeId' | 'people' | 'actor'> | undefined> {
  const office = await deps.db
    .selectFrom('offices')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!office) return undefined;
  const logins = ['admin', ...DEMO_PEOPLE.map((person) => person.login)];
  const users = await deps.db
    .selectFrom('users')
    .select(['id', 'login'])
    .where('office_id', '=', office.id)
    .where('login', 'in', logins)
    .execute();
  const people = Object.fromEntries(users.map((user) => [user.login, user.id]));
  return {
    officeId: office.id,
    people,
    actor: async (login) => {
      const actor = await loadActor(deps.db, people[login] ?? login, localDate(deps.clock.now()));
      if (!actor) throw new Error(`demo user ${login} missing`);
      return actor;
    },
  };
}
