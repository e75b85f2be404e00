import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';
import type { Me } from '../auth/auth.api.ts';

export type ChannelQueues = Schemas['ChannelQueues'];
export type ChannelMailbox = Schemas['ChannelMailbox'];
export type DeadLetter = Schemas['ChannelDeadLetter'];
export type AddMailbox = Schemas['AddChannelMailbox'];
export type Provenance = Schemas['ChannelProvenance'];
export type ChannelName = ChannelMailbox['channel'];
export const CHANNEL_NAMES: readonly ChannelName[] = ['epuap', 'edoreczenia'];

export const channelKeys = {
  queues: ['channels', 'queues'] as const,
  provenance: (incomingId: string) => ['channels', 'provenance', incomingId] as const,
};

/**
 * The channel policy covers the whole office (channels.policy.ts): an office-wide administrator
 * or kancelaria grant. A kancelaria of one unit (a school's office) does not run the queues.
 */
const officeGrant = (me: Me | undefined, ...roles: string[]) =>
  !!me?.roles.some((r) => roles.includes(r.role) && r.scope === 'office');

/** Whether the user watches the queues and retries dead letters. */
export const operatesChannels = (me: Me | undefined) =>
  officeGrant(me, 'administrator', 'kancelaria');

/** Whether the user configures the office's mailboxes. */
export const managesMailboxes = (me: Me | undefined) => officeGrant(me, 'administrator');

export function useChannelQueues() {
  return useQuery({
    queryKey: channelKeys.queues,
    queryFn: () => call(api.GET('/api/v1/channels/queues')),
    // The gateway works in the background: a screen left open follows its queues.
    refetchInterval: 30_000,
  });
}

/** Puts a dead letter back in its queue (inbound: by message id; outbound: by outgoing item id). */
export function retryDeadLetter(letter: Pick<DeadLetter, 'kind' | 'id'>) {
  const params = { params: { path: { id: letter.id } } };
  return letter.kind === 'inbound'
    ? call(api.POST('/api/v1/channels/inbound/{id}/retry', params))
    : call(api.POST('/api/v1/channels/outbound/{id}/retry', params));
}

export const addMailbox = (body: AddMailbox) =>
  call(api.POST('/api/v1/channels/mailboxes', { body }));

/** Where a letter came from through a channel (ePUAP and e-Doręczenia letters only). */
export function useProvenance(incomingId: string) {
  return useQuery({
    queryKey: channelKeys.provenance(incomingId),
    queryFn: () =>
      call(api.GET('/api/v1/channels/incoming/{id}', { params: { path: { id: incomingId } } })),
  });
}
