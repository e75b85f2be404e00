import type { Logger } from 'pino';
import { localDate, type Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import type { Actor } from '../../platform/actor/actor.ts';
import { loadActor } from '../org/actor-loader.ts';
import { createUser } from '../org/org.usecases.ts';
import { portalErrors } from './portal.errors.ts';

/** Limits and choices of the portal, from the settings (see src/config.ts). */
export interface PortalSettings {
  /** Code of the office the portal serves; unset = the only office of the installation. */
  officeCode?: string | undefined;
  maxFileBytes: number;
  maxFiles: number;
  sessionMinutes: number;
  /** Failed status lookups allowed per client and per looked-up item within the window. */
  lookupMaxFailures: number;
  lookupWindowMinutes: number;
  /**
   * Days after which a letter not downloaded from the portal is reported to its handler, who
   * then sends it another way (there is no delivery fiction for the portal).
   */
  uncollectedAfterDays: number;
}

export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 10,
  sessionMinutes: 30,
  lookupMaxFailures: 10,
  lookupWindowMinutes: 15,
  uncollectedAfterDays: 14,
};

export interface PortalDeps {
  db: Db;
  clock: Clock;
  files: FileStore;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** OBIEG_SEAL_PASSWORD: when set, acknowledgements carry the office's own electronic seal. */
  sealPassword?: string | undefined;
  portal: PortalSettings;
}

export interface PortalOffice {
  id: string;
  code: string;
  name: string;
}

/** The office whose portal this is: the configured one, or the only office there is. */
export async function resolvePortalOffice(
  db: Db,
  settings: Pick<PortalSettings, 'officeCode'>,
): Promise<PortalOffice> {
  let query = db.selectFrom('offices').select(['id', 'code', 'name']).orderBy('created_at');
  if (settings.officeCode) query = query.where('code', '=', settings.officeCode);
  const offices = await query.limit(2).execute();
  if (offices.length === 0 || (!settings.officeCode && offices.length > 1)) {
    throw portalErrors.notConfigured();
  }
  return offices[0]!;
}

export const portalLogin = (office: Pick<PortalOffice, 'code'>) =>
  `portal.${office.code.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`.slice(0, 64);

/**
 * The system account the portal acts as: it registers applications in the RPW (role `system`),
 * assigns them to the form's unit and records deliveries of the letters it hands out (role
 * `kancelaria`, the electronic registry of the office). Created on first use, by the office's
 * administrator, so the record shows who brought the account into being.
 */
export async function getPortalActor(
  deps: { db: Db; clock: Clock },
  office: PortalOffice,
): Promise<Actor> {
  const today = localDate(deps.clock.now());
  const login = portalLogin(office);
  const existing = await findUserId(deps.db, login);
  if (existing) {
    const actor = await loadActor(deps.db, existing, today);
    if (actor) return actor;
    throw portalErrors.notConfigured();
  }
  const admin = await deps.db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select('users.id')
    .where('users.office_id', '=', office.id)
    .where('role_grants.role', '=', 'administrator')
    .where('users.active', '=', true)
    .orderBy('users.created_at')
    .executeTakeFirst();
  const root = await deps.db
    .selectFrom('units')
    .select('id')
    .where('office_id', '=', office.id)
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  const adminActor = admin ? await loadActor(deps.db, admin.id, today) : null;
  if (!adminActor || !root) throw portalErrors.notConfigured();
  try {
    await createUser(
      { db: deps.db, clock: deps.clock, actor: adminActor },
      {
        login,
        name: 'Portal mieszkańca (e-Urząd)',
        kind: 'system',
        unitId: root.id,
        post: 'elektroniczna skrzynka podawcza urzędu',
        roles: [
          { role: 'system', scope: 'office' },
          { role: 'kancelaria', scope: 'office' },
        ],
      },
    );
  } catch (error) {
    // Two first requests at once: the other one created the account.
    if (!(await findUserId(deps.db, login))) throw error;
  }
  const created = await findUserId(deps.db, login);
  const actor = created ? await loadActor(deps.db, created, today) : null;
  if (!actor) throw portalErrors.notConfigured();
  return actor;
}

async function findUserId(db: Db, login: string) {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', login)
    .executeTakeFirst();
  return row?.id;
}
