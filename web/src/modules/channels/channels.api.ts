import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

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
