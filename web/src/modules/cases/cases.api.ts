import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type Case = Schemas['Case'];
export type CaseRecord = Schemas['CaseRecord'];

export const caseKeys = {
  all: ['cases'] as const,
  list: (filters: { status?: 'open' | 'closed'; mine?: boolean }) =>
    ['cases', 'list', filters] as const,
  one: (id: string) => ['cases', id] as const,
  record: (id: string) => ['cases', id, 'record'] as const,
};

export function useCases(filters: { status?: 'open' | 'closed'; mine?: boolean }) {
  return useQuery({
    queryKey: caseKeys.list(filters),
    queryFn: () =>
      call(
        api.GET('/api/v1/cases', {
          params: {
            query: {
              status: filters.status,
              mine: filters.mine ? 'true' : undefined,
              limit: 200,
            },
          },
        }),
      ),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.one(id),
    queryFn: () => call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
  });
}

export function useCaseRecord(id: string) {
  return useQuery({
    queryKey: caseKeys.record(id),
    queryFn: () => call(api.GET('/api/v1/cases/{id}/record', { params: { path: { id } } })),
  });
}

export const openCase = (body: Schemas['OpenCase']) => call(api.POST('/api/v1/cases', { body }));
export const joinIncoming = (caseId: string, incomingId: string) =>
  call(
    api.POST('/api/v1/cases/{id}/incoming', {
      params: { path: { id: caseId } },
      body: { incomingId },
    }),
  );
export const openSubCase = (caseId: string, title: string) =>
  call(
    api.POST('/api/v1/cases/{id}/sub-cases', { params: { path: { id: caseId } }, body: { title } }),
  );
export const changeHandler = (caseId: string, handlerId: string) =>
  call(
    api.PUT('/api/v1/cases/{id}/handler', {
      params: { path: { id: caseId } },
      body: { handlerId },
    }),
  );
export const closeCase = (caseId: string) =>
  call(api.POST('/api/v1/cases/{id}/close', { params: { path: { id: caseId } } }));
