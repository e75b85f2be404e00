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

/** What the server says my roles allow at all (`allowedActions` of /me, src/actor-actions.ts). */
export type MeAction =
  | 'incoming.read'
  | 'incoming.register'
  | 'assignments.receive'
  | 'cases.read'
  | 'cases.read_units'
  | 'cases.work'
  | 'ocr.view_quarantine'
  | 'outgoing.keep_register'
  | 'channels.view_queues'
  | 'channels.manage_mailboxes'
  | 'signatures.manage_office'
  | 'org.manage'
  | 'archive.prepare_transfer'
  | 'archive.decide_transfer'
  | 'archive.read_register'
  | 'archive.request_access'
  | 'archive.decide_access'
  | 'archive.dispose';

/**
 * Whether the server allows me the action: screens and buttons follow its policies, never a
 * list of role names kept here.
 */
export const may = (me: Me | undefined, action: MeAction): boolean =>
  !!me?.allowedActions.includes(action);

/** Roles the user holds as a substitute for someone else (`onBehalfOf`). */
export function substitutionsHeld(me: Me | undefined) {
  return (me?.roles ?? []).filter((r) => r.onBehalfOf);
}
