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

/** Roles the user holds as a substitute for someone else (`onBehalfOf`). */
export function substitutionsHeld(me: Me | undefined) {
  return (me?.roles ?? []).filter((r) => r.onBehalfOf);
}
