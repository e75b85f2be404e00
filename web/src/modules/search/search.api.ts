import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type SearchHit = Schemas['SearchHit'];

/** The API searches words of at least two letters. */
export const MIN_QUERY_LENGTH = 2;

export function useSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query] as const,
    queryFn: () => call(api.GET('/api/v1/search', { params: { query: { q: query, limit: 50 } } })),
    enabled: query.length >= MIN_QUERY_LENGTH,
    staleTime: 0,
  });
}

/** Where a hit opens: the case, the letter, or the case holding the document. */
export function hitPath(hit: SearchHit): string {
  if (hit.type === 'case') return `/cases/${hit.id}`;
  if (hit.type === 'incoming') return `/incoming/${hit.id}`;
  return hit.caseId ? `/cases/${hit.caseId}#doc-${hit.id}` : '/';
}
