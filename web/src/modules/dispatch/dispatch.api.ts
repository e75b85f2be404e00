import { useQueries, useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type OutgoingItem = Schemas['OutgoingItem'];
export type OutgoingStatus = OutgoingItem['status'];
export const OUTGOING_STATUSES: readonly OutgoingStatus[] = [
  'registered',
  'sent',
  'delivered',
  'returned',
];
export type DispatchMethod = Schemas['RegisterOutgoing']['method'];
export type AddresseeKind = OutgoingItem['addresseeKind'];
export const ADDRESSEE_KINDS: readonly AddresseeKind[] = ['person', 'business', 'public_entity'];
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

export interface OutgoingFilter {
  year: number;
  status?: OutgoingStatus | undefined;
  caseId?: string | undefined;
  offset?: number;
}

export const REGISTER_PAGE_SIZE = 50;

export const dispatchKeys = {
  postalList: ['outgoing', 'postal-list'] as const,
  one: (id: string) => ['outgoing', id] as const,
  register: (filter: OutgoingFilter) => ['outgoing', 'register', filter] as const,
};

const listOutgoing = (filter: OutgoingFilter) =>
  call(
    api.GET('/api/v1/outgoing', {
      params: {
        query: {
          year: filter.year,
          status: filter.status,
          caseId: filter.caseId,
          limit: REGISTER_PAGE_SIZE,
          offset: filter.offset ?? 0,
        },
      },
    }),
  );

/** The outgoing register (RKW) of a year: the whole office for kancelaria, else my cases'. */
export function useOutgoingRegister(filter: OutgoingFilter) {
  return useQuery({
    queryKey: dispatchKeys.register(filter),
    queryFn: () => listOutgoing(filter),
  });
}

/** What was sent in one case, over the years from its opening until now (newest first). */
export function useCaseOutgoing(caseId: string, fromYear: number, toYear: number) {
  const years = Array.from({ length: Math.max(1, toYear - fromYear + 1) }, (_, i) => toYear - i);
  const results = useQueries({
    queries: years.map((year) => ({
      queryKey: dispatchKeys.register({ year, caseId }),
      queryFn: () => listOutgoing({ year, caseId }),
    })),
  });
  return {
    data: results.every((r) => r.data) ? results.flatMap((r) => r.data ?? []) : undefined,
    error: results.find((r) => r.error)?.error ?? null,
    isPending: results.some((r) => r.isPending),
  };
}

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
/** e-Doręczenia: from the arrival already recorded; post: from the first notice given. */
export const recordDeliveryFiction = (id: string, body: Schemas['DeliveryFiction'] = {}) =>
  call(api.POST('/api/v1/outgoing/{id}/delivery-fiction', { ...path(id), body }));
export const recordArrival = (id: string, body: Schemas['RecordArrival']) =>
  call(api.POST('/api/v1/outgoing/{id}/arrival', { ...path(id), body }));
