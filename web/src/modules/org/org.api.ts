import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client.ts';

export type Unit = Schemas['Unit'];
export type Person = Schemas['Person'];
export type Substitution = Schemas['Substitution'];

export const orgKeys = {
  units: ['org', 'units'] as const,
  people: ['org', 'people'] as const,
  substitutions: ['org', 'substitutions'] as const,
};

export function useUnits() {
  return useQuery({
    queryKey: orgKeys.units,
    queryFn: () => call(api.GET('/api/v1/org/units')),
    staleTime: 5 * 60_000,
  });
}

export function usePeople() {
  return useQuery({
    queryKey: orgKeys.people,
    queryFn: () => call(api.GET('/api/v1/org/people')),
    staleTime: 5 * 60_000,
  });
}

/** Substitutions going on now or planned (the API leaves out those that have ended). */
export function useSubstitutions() {
  return useQuery({
    queryKey: orgKeys.substitutions,
    queryFn: () => call(api.GET('/api/v1/org/substitutions')),
  });
}

/** Look-ups by id for names in lists (falls back to the id while loading). */
export function useOrgNames() {
  const units = useUnits();
  const people = usePeople();
  const unitById = new Map((units.data ?? []).map((u) => [u.id, u]));
  const personById = new Map((people.data ?? []).map((p) => [p.id, p]));
  return {
    units: units.data ?? [],
    people: people.data ?? [],
    unit: (id: string | null | undefined) => (id ? unitById.get(id) : undefined),
    unitLabel: (id: string | null | undefined) => {
      if (!id) return '—';
      const unit = unitById.get(id);
      return unit ? `${unit.symbol} – ${unit.name}` : '…';
    },
    unitSymbol: (id: string | null | undefined) => (id ? (unitById.get(id)?.symbol ?? '…') : '—'),
    personName: (id: string | null | undefined) => (id ? (personById.get(id)?.name ?? '…') : '—'),
  };
}
