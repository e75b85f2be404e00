import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type OutgoingItem = Schemas['OutgoingItem'];
export type DispatchMethod = Schemas['RegisterOutgoing']['method'];
export const DISPATCH_METHODS: readonly DispatchMethod[] = [
  'post',
  'post_return_receipt',
  'edoreczenia',
  'epuap',
  'personal',
  'portal',
];
export const ELECTRONIC_METHODS: readonly DispatchMethod[] = ['edoreczenia', 'epuap', 'portal'];
export const POSTAL_METHODS: readonly DispatchMethod[] = ['post', 'post_return_receipt'];

export const dispatchKeys = {
  postalList: ['outgoing', 'postal-list'] as const,
  one: (id: string) => ['outgoing', id] as const,
};

export function usePostalList() {
  return useQuery({
    queryKey: dispatchKeys.postalList,
    queryFn: () => call(api.GET('/api/v1/outgoing/postal-list')),
  });
}

export function useOutgoing(id: string | null) {
  return useQuery({
    queryKey: dispatchKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/outgoing/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
  });
}

const path = (id: string) => ({ params: { path: { id } } });
export const registerOutgoing = (body: Schemas['RegisterOutgoing']) =>
  call(api.POST('/api/v1/outgoing', { body }));
export const markSent = (id: string) => call(api.POST('/api/v1/outgoing/{id}/sent', path(id)));
export const recordDelivery = (id: string, body: Schemas['RecordDelivery']) =>
  call(api.POST('/api/v1/outgoing/{id}/delivery', { ...path(id), body }));
export const recordDeliveryFiction = (id: string) =>
  call(api.POST('/api/v1/outgoing/{id}/delivery-fiction', path(id)));
