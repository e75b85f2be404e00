import {
  benchUsers,
  officePrefix,
  type BenchRole,
  type BenchUser,
} from '../generator/bench-office.ts';
import type { CaseUnit } from '../generator/jrwa-mix.ts';
import { hashString } from '../generator/random.ts';
import type { ApiClient } from './http-client.ts';

/**
 * Who each virtual user is. VU i works in office ⌊i/50⌋ (offices fill one after another, so
 * 100 users are two complete offices) as the office's people taken in an interleaved role order,
 * so any number of users has the template's role mix. Past offices × 50 users, people are shared:
 * several VUs sign in as the same person (each with its own session).
 *
 * Work that several VUs could take (a letter waiting for a unit, an approval task of a person
 * shared by two VUs) has exactly one owner among the active VUs (`owner`), so VUs never race for
 * the same item and a 409 means a real defect, not the harness.
 */
export interface OfficeDirectory {
  index: number;
  units: Map<string, string>;
  people: Map<string, string>;
  /** The office's 50 people in VU order. */
  users: BenchUser[];
}

const ROLE_ORDER: BenchRole[] = [
  'pracownik',
  'kancelaria',
  'kierownik',
  'sekretariat',
  'dyrektor',
  'administrator',
];

/** Interleaves roles in proportion to their size: any prefix of the list has the template's mix. */
export function interleaveByRole(users: BenchUser[]): BenchUser[] {
  const keyed = users.map((user) => {
    const sameRole = users.filter((u) => u.role === user.role);
    const position = sameRole.indexOf(user);
    return { user, key: (position + 0.5) / sameRole.length, tie: ROLE_ORDER.indexOf(user.role) };
  });
  return keyed.sort((a, b) => a.key - b.key || a.tie - b.tie).map((k) => k.user);
}

export async function loadOfficeDirectory(
  client: ApiClient,
  index: number,
  login: (login: string) => Promise<string>,
): Promise<OfficeDirectory> {
  const token = await login(`${officePrefix(index)}administrator1`);
  const people = (await client.request('setup', 'GET', '/org/people', { token })).json<
    Array<{ id: string; login: string }>
  >();
  const units = (await client.request('setup', 'GET', '/org/units', { token })).json<
    Array<{ id: string; symbol: string }>
  >();
  return {
    index,
    units: new Map(units.map((u) => [u.symbol, u.id])),
    people: new Map(people.map((p) => [p.login, p.id])),
    users: interleaveByRole(benchUsers(index)),
  };
}

export interface VuIdentity {
  vu: number;
  office: OfficeDirectory;
  user: BenchUser;
  userId: string;
}

export class LoadPlan {
  private readonly perOffice: number;
  private byLogin = new Map<string, number[]>();
  private byRole = new Map<string, number[]>();
  private receivers = new Map<string, number[]>();
  private units = new Map<number, CaseUnit[]>();
  /** How many VUs are running in this step (ownership is computed among them). */
  active = 0;

  constructor(readonly offices: OfficeDirectory[]) {
    this.perOffice = offices[0]!.users.length;
  }

  get people(): number {
    return this.offices.length * this.perOffice;
  }

  identity(vu: number): VuIdentity {
    const slot = vu % this.people;
    const office = this.offices[Math.floor(slot / this.perOffice)]!;
    const user = office.users[slot % this.perOffice]!;
    return { vu, office, user, userId: office.people.get(user.login)! };
  }

  /** Sets how many VUs run in this step and indexes who acts as whom. */
  setActive(count: number) {
    this.active = count;
    this.byLogin = new Map();
    this.byRole = new Map();
    this.receivers = new Map();
    const handlers = new Map<number, Set<CaseUnit>>();
    for (let vu = 0; vu < count; vu++) {
      const { office, user } = this.identity(vu);
      push(this.byLogin, `${office.index}|${user.login}`, vu);
      push(this.byRole, `${office.index}|${user.role}`, vu);
      if (user.role === 'kierownik' || user.role === 'sekretariat')
        push(this.receivers, `${office.index}|${user.unit}`, vu);
      if (user.role === 'pracownik') {
        const set = handlers.get(office.index) ?? new Set();
        set.add(user.unit as CaseUnit);
        handlers.set(office.index, set);
      }
    }
    this.units = new Map();
    for (const office of this.offices) {
      const units = [...(handlers.get(office.index) ?? [])].filter((unit) =>
        this.receivers.has(`${office.index}|${unit}`),
      );
      this.units.set(office.index, units);
    }
  }

  /** Active VUs signed in as this person. */
  vusOfLogin(office: OfficeDirectory, login: string): number[] {
    return this.byLogin.get(`${office.index}|${login}`) ?? [];
  }

  /** Active VUs of a role in an office. */
  vusOfRole(office: OfficeDirectory, role: BenchRole): number[] {
    return this.byRole.get(`${office.index}|${role}`) ?? [];
  }

  /** Active VUs that receive letters assigned to a unit as a whole (head, secretariat). */
  unitReceivers(office: OfficeDirectory, unit: string): number[] {
    return this.receivers.get(`${office.index}|${unit}`) ?? [];
  }

  /** Units whose work can flow in this step: a head or secretariat and a handler are active. */
  workingUnits(office: OfficeDirectory): CaseUnit[] {
    return this.units.get(office.index) ?? [];
  }

  /** The one active VU among `candidates` that handles `key`; undefined when none is active. */
  owner(key: string, candidates: number[]): number | undefined {
    if (candidates.length === 0) return undefined;
    return candidates[hashString(key) % candidates.length];
  }
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
