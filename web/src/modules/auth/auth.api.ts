import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type Me = Schemas['Me'];
export type RoleName = Me['roles'][number]['role'];

export const meQueryKey = ['me'] as const;

export function useMe(enabled = true) {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => call(api.GET('/api/v1/me')),
    enabled,
    staleTime: 60_000,
  });
}

export async function signIn(login: string, password: string) {
  return call(api.POST('/api/v1/auth/login', { body: { login, password } }));
}

export async function signOut() {
  await call(api.POST('/api/v1/auth/logout'));
}

/** Whether the user holds any of the roles (own or taken over as a substitute). */
export function hasRole(me: Me | undefined, ...roles: string[]): boolean {
  return !!me?.roles.some((r) => roles.includes(r.role));
}

const CASE_READERS = ['prowadzacy', 'kierownik', 'sekretarz', 'archiwista'];

/** Whether the user may open cases at all (the kancelaria registers letters but reads no cases). */
export const readsCases = (me: Me | undefined) => hasRole(me, ...CASE_READERS);

/** Whether the user reads a whole unit's cases (spis spraw), not only those on their own desk. */
export const readsUnitCases = (me: Me | undefined) =>
  !!me?.roles.some((r) => CASE_READERS.includes(r.role) && r.scope !== 'desk');

/** Roles the user holds as a substitute for someone else (`onBehalfOf`). */
export function substitutionsHeld(me: Me | undefined) {
  return (me?.roles ?? []).filter((r) => r.onBehalfOf);
}
