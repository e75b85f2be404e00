import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type JrwaClass = Schemas['JrwaClass'];

export const jrwaKeys = {
  classes: (final: boolean) => ['jrwa', 'classes', final] as const,
  versions: ['jrwa', 'versions'] as const,
};

export function useJrwaClasses(final = true) {
  return useQuery({
    queryKey: jrwaKeys.classes(final),
    queryFn: () =>
      call(api.GET('/api/v1/jrwa/classes', { params: { query: final ? { final: 'true' } : {} } })),
    staleTime: 10 * 60_000,
  });
}

export function useJrwaVersions() {
  return useQuery({
    queryKey: jrwaKeys.versions,
    queryFn: () => call(api.GET('/api/v1/jrwa/versions')),
  });
}

export const importJrwa = (body: Schemas['ImportJrwa']) =>
  call(api.POST('/api/v1/jrwa/versions', { body }));
